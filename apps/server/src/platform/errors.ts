/**
 * The one error type. `code` is stable and dotted (`conversations.not_found`); clients branch on
 * it. `status` is the HTTP status; `detail` is safe to show to the caller.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(options: {
    code: string;
    status: number;
    title: string;
    detail?: string;
    errors?: FieldError[];
  }) {
    super(options.title);
    this.code = options.code;
    this.status = options.status;
    this.detail = options.detail;
    this.errors = options.errors;
  }
}

export type FieldError = { path: string; message: string };

export const notFound = (code: string, title: string) => new AppError({ code, status: 404, title });

export const conflict = (code: string, title: string, detail?: string) =>
  new AppError({ code, status: 409, title, detail });

export const forbidden = (code = 'auth.forbidden', title = 'You are not allowed to do this') =>
  new AppError({ code, status: 403, title });

export const unauthenticated = (title = 'Authentication required') =>
  new AppError({ code: 'auth.unauthenticated', status: 401, title });

export const unprocessable = (code: string, title: string, detail?: string) =>
  new AppError({ code, status: 422, title, detail });

export const badRequest = (code: string, title: string, errors?: FieldError[]) =>
  new AppError({ code, status: 400, title, errors });

export const validationFailed = (errors: FieldError[]) =>
  new AppError({ code: 'request.invalid', status: 400, title: 'The request is invalid', errors });

/** PostgreSQL SQLSTATE codes we translate to client errors. */
export const pgErrorCodes = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  invalidTextRepresentation: '22P02',
} as const;

export function isPgError(error: unknown, code: string): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
