import sanitizeHtml from 'sanitize-html';

export type SanitisedHtml = {
  html: string;
  /** Remote images that were not kept loadable: each would tell the sender the mail was read. */
  blockedRemoteImages: number;
};

const allowedStyles = {
  '*': {
    color: [/^#[0-9a-f]{3,8}$/i, /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/i, /^[a-z]{3,20}$/i],
    'background-color': [/^#[0-9a-f]{3,8}$/i, /^[a-z]{3,20}$/i],
    'font-weight': [/^(bold|normal|[1-9]00)$/],
    'font-style': [/^(italic|normal)$/],
    'text-decoration': [/^(underline|line-through|none)$/],
    'text-align': [/^(left|right|center|justify)$/],
  },
};

/** Images this small are tracking pixels, not content. */
const isTrackerSize = (value: string | undefined) => value !== undefined && /^\s*[0-2](px)?\s*$/.test(value);

/**
 * Makes a received HTML body safe to show agents: no scripts, event handlers, frames, forms or
 * `javascript:` links, and no remote images — loading one would report to the sender (or a
 * tracker) that and when the mail was read. A remote image keeps its address in
 * `data-blocked-src` (inert) so the workspace may offer to load it; tracking pixels are dropped.
 * Inline images (`cid:` parts of the mail, `data:` images) stay.
 *
 * @example
 * sanitiseEmailHtml('<p onclick="x()">Hi<script>x()</script></p>').html // '<p>Hi</p>'
 */
export function sanitiseEmailHtml(html: string): SanitisedHtml {
  let blockedRemoteImages = 0;
  const cleaned = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'u', 's', 'del', 'ins'],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height', 'data-blocked-src'],
      font: ['color'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
      table: ['border', 'cellpadding', 'cellspacing', 'width'],
      ol: ['start', 'type'],
      '*': ['style', 'dir', 'lang'],
    },
    allowedStyles,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    // `<title>` and friends carry text nobody should see as part of the body.
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
      }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? '').trim();
        if (/^(cid:|data:image\/)/i.test(src)) return { tagName, attribs };
        if (!/^(https?:)?\/\//i.test(src)) {
          const { src: _dropped, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        blockedRemoteImages += 1;
        const { src: _remote, ...rest } = attribs;
        return { tagName, attribs: { ...rest, 'data-blocked-src': src } };
      },
    },
    exclusiveFilter: (frame) =>
      frame.tag === 'img' &&
      (!frame.attribs.src || frame.attribs.src === '') &&
      (isTrackerSize(frame.attribs.width) ||
        isTrackerSize(frame.attribs.height) ||
        !frame.attribs['data-blocked-src']),
  });
  return { html: cleaned.trim(), blockedRemoteImages };
}
