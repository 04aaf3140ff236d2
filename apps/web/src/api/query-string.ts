export type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * `?a=1&b=x%2Cy` from a query object, skipping empty values. The one encoder for API URLs: the
 * start-up prefetch in index.html is built with it too, so its URLs match the app's exactly.
 */
export function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
