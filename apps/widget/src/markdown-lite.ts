import { hrefOf, segmentText } from './links.ts';

/**
 * The formatting agents use in replies (the workspace's toolbar writes Markdown), read for the
 * chat: **bold**, *italic*, `code`, [links](https://…), bulleted and numbered lists, quotes.
 * A deliberately small subset instead of a Markdown library, to keep the widget's first load
 * small; the result is data that the view turns into DOM nodes, so nothing is parsed as HTML.
 * Links keep only http(s) and mailto addresses; anything else stays text.
 */
export type Inline =
  | { kind: 'text' | 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'paragraph' | 'quote'; lines: Inline[][] }
  | { kind: 'list'; isOrdered: boolean; items: Inline[][] };

// Order matters: a `**` is bold before a `*` can be italic; a mention token reads as its name.
const inlinePattern =
  /`([^`\n]+)`|\*\*(?=\S)([^*\n]+?)\*\*|(?<![*\w])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![*\w])|@\[([^\]\n]{1,200})\]\(agent:[0-9a-fA-F-]{36}\)|\[([^\]\n]+)\]\(([^()\s]+)\)/g;

function plainText(text: string): Inline[] {
  return segmentText(text).map((segment) =>
    segment.kind === 'text' ? { kind: 'text', text: segment.text } : segment,
  );
}

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const [raw, code, strong, em, mention, label, target] = match;
    if (match.index > last) parts.push(...plainText(text.slice(last, match.index)));
    if (code !== undefined) parts.push({ kind: 'code', text: code });
    else if (strong !== undefined) parts.push({ kind: 'strong', text: strong });
    else if (em !== undefined) parts.push({ kind: 'em', text: em });
    else if (mention !== undefined) parts.push({ kind: 'text', text: `@${mention}` });
    else {
      const href = target && /^(https?:|mailto:)/i.test(target) ? hrefOf(target) : null;
      parts.push(
        href ? { kind: 'link', text: label ?? target!, href } : { kind: 'text', text: label ?? raw },
      );
    }
    last = match.index + raw.length;
  }
  if (last < text.length) parts.push(...plainText(text.slice(last)));
  return parts;
}

const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
const numbered = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const quote = /^\s{0,3}>\s?(.*)$/;

/** Splits a message into paragraphs, lists and quotes; single line breaks stay line breaks. */
export function parseMarkdownLite(body: string): Block[] {
  const blocks: Block[] = [];
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const previous = blocks.at(-1);
    const bulletItem = bullet.exec(line);
    const numberedItem = bulletItem ? null : numbered.exec(line);
    const quoted = quote.exec(line);
    if (line.trim() === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
    } else if (bulletItem || numberedItem) {
      const isOrdered = Boolean(numberedItem);
      const item = parseInline((bulletItem ?? numberedItem)![1]!);
      if (previous?.kind === 'list' && previous.isOrdered === isOrdered) previous.items.push(item);
      else blocks.push({ kind: 'list', isOrdered, items: [item] });
    } else if (quoted) {
      if (previous?.kind === 'quote') previous.lines.push(parseInline(quoted[1]!));
      else blocks.push({ kind: 'quote', lines: [parseInline(quoted[1]!)] });
    } else if (previous?.kind === 'paragraph') {
      previous.lines.push(parseInline(line));
    } else {
      blocks.push({ kind: 'paragraph', lines: [parseInline(line)] });
    }
  }
  return blocks.filter((block) => (block.kind === 'list' ? block.items.length : block.lines.length) > 0);
}
