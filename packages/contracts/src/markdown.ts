import { Marked, type RendererObject, type TokenizerAndRendererExtension } from 'marked';

/**
 * Agents write replies and notes in Markdown; the stored body stays that plain text (search,
 * inbox previews, the text part of a mail). This is the one renderer of it, used by the server
 * (the HTML part of a reply mail) and the workspace (timeline and preview), so both show the same.
 *
 * Safe by construction, and then sanitised by each side with {@link markdownAllowList}:
 * raw HTML in the Markdown is shown as text, links work only for http(s) and mailto and open in a
 * new tab without a referrer, images become links (a remote image would tell the sender a mail
 * was read), task-list checkboxes become text.
 */

/** Tags and attributes rendered Markdown may contain; everything else is removed. */
export const markdownAllowList = {
  tags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'mark',
  ],
  attributes: {
    a: ['href', 'rel', 'target'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    mark: ['class', 'data-agent-id'],
  } as Record<string, string[]>,
  schemes: ['http', 'https', 'mailto'],
} as const;

const linkRel = 'noopener noreferrer';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Whether a link target may be rendered as a link: only web and mail addresses. */
export function isSafeLinkTarget(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

// `@[Name](agent:uuid)` would otherwise read as a link with an unknown scheme and lose the name.
const mentionExtension: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start: (source) => source.indexOf('@['),
  tokenizer(source) {
    const match = /^@\[([^\]\n]{1,200})\]\(agent:([0-9a-fA-F-]{36})\)/.exec(source);
    if (!match) return undefined;
    return { type: 'mention', raw: match[0], name: match[1]!, agentId: match[2]!.toLowerCase() };
  },
  renderer: (token) =>
    `<mark class="mention" data-agent-id="${escapeHtml(String(token.agentId))}">@${escapeHtml(String(token.name))}</mark>`,
};

const renderer: RendererObject = {
  // Raw HTML typed by an agent (or pasted) is shown as the text it is, never interpreted.
  html: ({ text }) => escapeHtml(text),
  link({ href, tokens }) {
    const label = this.parser.parseInline(tokens);
    if (!isSafeLinkTarget(href)) return label;
    return `<a href="${escapeHtml(href.trim())}" rel="${linkRel}" target="_blank">${label}</a>`;
  },
  image: ({ href, text }) =>
    isSafeLinkTarget(href) && /^https?:/i.test(href.trim())
      ? `<a href="${escapeHtml(href.trim())}" rel="${linkRel}" target="_blank">${escapeHtml(text || href)}</a>`
      : escapeHtml(text),
  checkbox: ({ checked }) => (checked ? '[x] ' : '[ ] '),
  code: ({ text }) => `<pre><code>${escapeHtml(text)}</code></pre>\n`,
};

const markdown = new Marked({ gfm: true, breaks: true, async: false });
markdown.use({ renderer, extensions: [mentionExtension] });

/**
 * Markdown as HTML (before the caller's sanitising pass). Single line breaks are kept, as agents
 * type them.
 *
 * @example
 * renderMarkdown('**Hi** <b>x</b>') // '<p><strong>Hi</strong> &#60;b&#62;x&#60;/b&#62;</p>\n'
 */
export function renderMarkdown(body: string): string {
  return markdown.parse(body, { async: false });
}
