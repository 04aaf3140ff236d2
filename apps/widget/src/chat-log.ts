import type { ChatAttachment, ChatMessage } from '@frontline/contracts';
import type { PendingMessage } from './connection.ts';
import { h } from './dom.ts';
import { formatFileSize, type Language, type TextKey } from './i18n.ts';
import { segmentText } from './links.ts';
import { type Inline, parseMarkdownLite } from './markdown-lite.ts';

type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** Message text as DOM: text nodes and checked links only — never parsed as HTML. */
export function renderText(text: string): Node[] {
  return segmentText(text).map((segment) =>
    segment.kind === 'text'
      ? document.createTextNode(segment.text)
      : h('a', { href: segment.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, segment.text),
  );
}

function renderInline(parts: Inline[]): Node[] {
  return parts.map((part) =>
    part.kind === 'text'
      ? document.createTextNode(part.text)
      : part.kind === 'link'
        ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, part.text)
        : h(part.kind, {}, part.text),
  );
}

const withLineBreaks = (lines: Inline[][]) =>
  lines.flatMap((line, index) => [...(index > 0 ? [h('br')] : []), ...renderInline(line)]);

/** An agent's message, written with the workspace's formatting, as DOM built from parsed data. */
export function renderFormattedText(text: string): Node[] {
  return parseMarkdownLite(text).map((block) =>
    block.kind === 'list'
      ? h(
          block.isOrdered ? 'ol' : 'ul',
          {},
          block.items.map((item) => h('li', {}, renderInline(item))),
        )
      : h(block.kind === 'quote' ? 'blockquote' : 'p', {}, withLineBreaks(block.lines)),
  );
}

/** Images inline (opening full size on click); other files as download links with name and size. */
function renderAttachments(
  serverUrl: string,
  attachments: ChatAttachment[],
  t: Translate,
  language: Language,
): Node[] {
  return attachments.map((file) => {
    const href = new URL(file.url, serverUrl).href;
    const label = t('attachment', { name: file.name });
    const size = formatFileSize(file.sizeBytes, language);
    return file.contentType.startsWith('image/')
      ? h(
          'a',
          { href, target: '_blank', rel: 'noopener noreferrer', title: `${file.name} (${size})` },
          h('img', { src: href, alt: label, loading: 'lazy' }),
        )
      : h(
          'a',
          { class: 'file', href, target: '_blank', rel: 'noopener noreferrer', download: file.name },
          label,
          h('span', { class: 'size' }, ` (${size})`),
        );
  });
}

type Row = { key: string; signature: string; build: () => HTMLLIElement };

/**
 * The conversation as an ordered list, reconciled by key (message id, or client id while
 * pending): existing items stay in place, so a screen reader's live region announces only what
 * is new, and a message is never shown twice — the acknowledged copy replaces the pending one.
 */
export class ChatLog {
  readonly element = h('ol', { class: 'log' });
  private readonly items = new Map<string, { node: HTMLLIElement; signature: string }>();

  constructor(
    private readonly serverUrl: string,
    private readonly onRetry: (clientId: string) => void,
  ) {}

  render(
    messages: ChatMessage[],
    pending: readonly PendingMessage[],
    agentReadAt: string | null,
    t: Translate,
    language: Language,
  ) {
    const known = new Set(messages.map((message) => message.clientId).filter(Boolean));
    const lastRead = agentReadAt
      ? messages.filter((message) => message.author === 'visitor' && message.createdAt <= agentReadAt).at(-1)
          ?.id
      : undefined;
    const rows: Row[] = messages.map((message) => {
      const isRead = message.id === lastRead;
      return {
        key: message.id,
        signature: `${t('you')}|${isRead}`,
        build: () => {
          const who = message.author === 'visitor' ? t('you') : (message.agent?.name ?? t('someone'));
          return h(
            'li',
            { class: `msg ${message.author}` },
            h('span', { class: message.author === 'visitor' ? 'who sr-only' : 'who' }, `${who}:`),
            ...(message.author === 'agent' ? renderFormattedText(message.body) : renderText(message.body)),
            ...renderAttachments(this.serverUrl, message.attachments, t, language),
            isRead ? h('span', { class: 'meta' }, t('read')) : null,
          );
        },
      };
    });
    for (const item of pending) {
      if (known.has(item.clientId)) continue;
      rows.push({
        key: `pending:${item.clientId}`,
        signature: `${t('you')}|${item.error ?? ''}`,
        build: () =>
          h(
            'li',
            { class: item.error ? 'msg visitor failed' : 'msg visitor pending' },
            h('span', { class: 'who sr-only' }, `${t('you')}:`),
            ...renderText(item.body),
            ...renderAttachments(this.serverUrl, item.attachments, t, language),
            h('span', { class: 'meta' }, item.error ? t('notSent', { reason: item.error }) : t('sending')),
            item.error
              ? h('button', { class: 'linkish', onclick: () => this.onRetry(item.clientId) }, t('retry'))
              : null,
          ),
      });
    }
    this.reconcile(rows);
  }

  private reconcile(rows: Row[]) {
    const wanted = new Set(rows.map((row) => row.key));
    for (const [key, item] of this.items) {
      if (!wanted.has(key)) {
        item.node.remove();
        this.items.delete(key);
      }
    }
    let previous: Node | null = null;
    for (const row of rows) {
      let item = this.items.get(row.key);
      if (!item || item.signature !== row.signature) {
        const node = row.build();
        if (item) item.node.replaceWith(node);
        item = { node, signature: row.signature };
        this.items.set(row.key, item);
      }
      const expected: Node | null = previous ? previous.nextSibling : this.element.firstChild;
      if (expected !== item.node) this.element.insertBefore(item.node, expected);
      previous = item.node;
    }
  }
}
