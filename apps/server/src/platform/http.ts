import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.ts';

export type Role = 'admin' | 'supervisor' | 'agent';

/** Who is calling: an agent, through a session (cookie or bearer) or an API token. */
export type Principal = {
  agentId: string;
  role: Role;
  via: 'cookie' | 'bearer-session' | 'api-token';
  sessionTokenHash: string | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const problemContentType = 'application/problem+json; charset=utf-8';

/** The one problem+json shape (RFC 9457) with our stable `code`. */
export function sendProblem(reply: FastifyReply, error: AppError) {
  return reply
    .status(error.status)
    .type(problemContentType)
    .send({
      type: `https://frontline.dev/problems/${error.code}`,
      title: error.message,
      status: error.status,
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    });
}

type ZodIssueLike = {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
};

function fieldErrorsFrom(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const zodIssue = (issue as ZodIssueLike).params?.issue;
    const segments = zodIssue?.path?.map(String) ?? [];
    const fromInstance = ((issue as ZodIssueLike).instancePath ?? '').split('/').filter(Boolean);
    const pathSegments = segments.length > 0 ? segments : fromInstance;
    return { path: [context, ...pathSegments].join('.'), message: issue.message ?? 'is invalid' };
  });
}

/** Maps every failure to problem+json. Client mistakes get a precise 4xx; nothing internal leaks. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) return sendProblem(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(
        reply,
        new AppError({
          code: 'request.invalid',
          status: 400,
          title: 'The request is invalid',
          errors: fieldErrorsFrom(error),
        }),
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, internalError());
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, clientErrorFromFastify(error, status));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, internalError());
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError({
        code: 'route.not_found',
        status: 404,
        title: `No route ${request.method} ${request.url.split('?')[0]}`,
      }),
    ),
  );
}

const internalError = () =>
  new AppError({ code: 'server.internal', status: 500, title: 'Something went wrong on our side' });

function clientErrorFromFastify(error: FastifyError, status: number): AppError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError({ code: 'request.too_large', status: 413, title: 'The request body is too large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError({
        code: 'request.unsupported_media_type',
        status: 415,
        title: 'Send JSON (application/json)',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError({ code: 'request.empty_body', status: 400, title: 'The JSON body is empty' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError({
        code: 'request.malformed_json',
        status: 400,
        title: 'The body is not valid JSON',
      });
    default:
      if (error instanceof SyntaxError || /JSON/.test(error.message)) {
        return new AppError({
          code: 'request.malformed_json',
          status: 400,
          title: 'The body is not valid JSON',
        });
      }
      if (status === 429)
        return new AppError({ code: 'request.rate_limited', status, title: 'Too many requests; slow down' });
      return new AppError({ code: 'request.invalid', status, title: error.message });
  }
}
