import { badRequest } from './errors.ts';

/**
 * Opaque cursors: the sort key of the last row returned, base64url-encoded JSON. Clients pass
 * them back unchanged; anything else is rejected with `request.bad_cursor`.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, 'string' | 'number'>>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    badRequest('request.bad_cursor', 'The cursor is not valid; start again from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  for (const [key, type] of Object.entries(shape)) {
    if (typeof (parsed as Record<string, unknown>)[key] !== type) throw invalid();
  }
  return parsed as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
