import type { Problem } from '@frontline/contracts';
import { prefetchGlobal } from '../boot/prefetch.ts';
import { type Query, toQueryString } from './query-string.ts';

/** A failed API call: a problem+json answer from the server, or no answer at all (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;

  constructor(status: number, code: string, message: string, problem: Problem | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get isNetworkError() {
    return this.status === 0;
  }
}

export type RequestOptions = {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /**
   * Reuse one key for every attempt of one user action: the server then applies the action once,
   * however many times the network makes us send it. Defaults to a fresh key per call.
   */
  idempotencyKey?: string;
};

let csrfToken: string | null = null;

/** The session's CSRF token, sent as `X-CSRF-Token` on every unsafe request (the cookie is ambient). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The session's CSRF token, for requests made outside `apiRequest` (file uploads with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

const unauthorizedListeners = new Set<() => void>();

/** Called when the server says the session is gone, so the app can show the login page. */
export function onUnauthorized(listener: () => void) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

// Back-off between attempts after a network failure or a 5xx; about half a minute in all, which
// covers a restarting server or a Wi-Fi hand-over without the agent noticing more than a spinner.
const retryDelaysMs = [500, 1000, 2000, 4000, 8000, 12000];

function buildUrl(path: string, query?: Query) {
  return path + toQueryString(query);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Waits until the browser believes it is online again (resolves at once when it already is). */
function waitForOnline() {
  if (navigator.onLine) return Promise.resolve();
  return new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Problem;
    if (problem && typeof problem.code === 'string') {
      return new ApiError(response.status, problem.code, problem.detail ?? problem.title, problem);
    }
  } catch {
    // Not problem+json (a proxy's HTML error page, say): fall through to a generic error.
  }
  return new ApiError(
    response.status,
    `http.${response.status}`,
    response.statusText || `HTTP ${response.status}`,
  );
}

function isRetryable(error: ApiError) {
  // 409 idempotency.in_progress: our earlier attempt is still running on the server; asking again
  // with the same key returns its result once it finishes.
  return error.isNetworkError || error.status >= 500 || error.code === 'idempotency.in_progress';
}

// A response fetched at start-up is used only by a request made soon after; later ones ask again.
const prefetchFreshMs = 10_000;
type Prefetched = Record<string, { response: Promise<Response>; at: number }>;
const prefetched = (): Prefetched =>
  ((window as unknown as Record<string, Prefetched | undefined>)[prefetchGlobal] ??= {});

/** Forgets what was fetched at start-up, e.g. after logging in as someone else. */
export function clearPrefetched() {
  for (const url of Object.keys(prefetched())) delete prefetched()[url];
}

function takePrefetched(url: string): Promise<Response> | undefined {
  const entry = prefetched()[url];
  delete prefetched()[url];
  return entry && Date.now() - entry.at < prefetchFreshMs ? entry.response : undefined;
}

/**
 * Calls the API with the session cookie. Unsafe requests carry the CSRF token; every POST carries
 * an `Idempotency-Key` that stays the same across the automatic retries, so a retried "send" never
 * posts a reply twice.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isUnsafe = method !== 'GET' && method !== 'HEAD';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (isUnsafe && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? crypto.randomUUID();
  const url = buildUrl(path, options.query);

  for (let attempt = 0; ; attempt += 1) {
    let error: ApiError;
    try {
      const early = attempt === 0 && method === 'GET' ? takePrefetched(url) : undefined;
      const response = await (early ??
        fetch(url, {
          method,
          headers,
          credentials: 'same-origin',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        }));
      if (response.ok) {
        if (response.status === 204) return undefined as T;
        const text = await response.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }
      error = await toApiError(response);
      if (error.status === 401 && path !== '/api/v1/auth/login') {
        for (const listener of unauthorizedListeners) listener();
      }
    } catch (caught) {
      if (options.signal?.aborted) throw caught;
      error = new ApiError(
        0,
        'network.unreachable',
        caught instanceof Error ? caught.message : String(caught),
      );
    }
    const delay = retryDelaysMs[attempt];
    // Reads are retried by TanStack Query; here only actions, which must keep their idempotency key.
    if (delay === undefined || !isUnsafe || !isRetryable(error)) throw error;
    await sleep(delay, options.signal);
    await waitForOnline();
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
