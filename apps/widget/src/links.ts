/**
 * Splits message text into plain text and links, so the view can build DOM nodes from it
 * (text nodes and `<a>` with a checked href) and never parse HTML: an agent's or visitor's
 * `<script>` stays text. Only http(s) and mailto links become links.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const linkPattern = /\b(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gi;
// Punctuation that usually ends a sentence rather than the address.
const trailingPunctuation = /[.,;:!?)\]}'"]+$/;

export function hrefOf(text: string): string | null {
  const candidate =
    text.includes('@') && !text.includes('/')
      ? `mailto:${text}`
      : /^www\./i.test(text)
        ? `https://${text}`
        : text;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

export function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    const start = match.index ?? 0;
    let found = match[0];
    const trailing = trailingPunctuation.exec(found)?.[0] ?? '';
    // Keep a closing parenthesis that closes one opened inside the link (Wikipedia-style URLs).
    const keepParenthesis = trailing.startsWith(')') && found.slice(0, -trailing.length).includes('(');
    if (trailing && !keepParenthesis) found = found.slice(0, -trailing.length);
    const href = hrefOf(found);
    if (!href) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: found, href });
    last = start + found.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
