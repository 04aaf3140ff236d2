import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError } from '../api/client.ts';

export type ErrorDescription = { title: string; message: string; fieldErrors: string[] };

/**
 * Turns any failure into words for the agent: a known problem code gets our translated sentence,
 * an unknown one the server's own title; field errors are listed by field.
 */
export function describeError(t: TFunction, error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return {
      title: t('errors.unexpected'),
      message: error instanceof Error ? error.message : String(error),
      fieldErrors: [],
    };
  }
  if (error.isNetworkError) {
    return { title: t('errors.network'), message: t('errors.networkDetail'), fieldErrors: [] };
  }
  const key = `problems.${error.code.replaceAll('.', '_')}`;
  const message = i18next.exists(key) ? (t as (key: string) => string)(key) : error.message;
  const fieldErrors = (error.problem?.errors ?? []).map(
    (fieldError) => `${fieldError.path}: ${fieldError.message}`,
  );
  return { title: t('errors.requestFailed', { status: error.status }), message, fieldErrors };
}
