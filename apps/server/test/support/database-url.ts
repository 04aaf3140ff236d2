/** The same server and credentials, another database name (works for socket and TCP URLs). */
export function databaseUrlWithName(url: string, name: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/]*\/)([^?]*)(.*)$/.exec(url);
  if (!match) throw new Error(`Cannot parse database URL ${url}`);
  return `${match[1]}${name}${match[3]}`;
}
