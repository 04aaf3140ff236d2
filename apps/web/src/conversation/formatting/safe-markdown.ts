import { isSafeLinkTarget, markdownAllowList, renderMarkdown } from '@frontline/contracts/markdown';

const allowedTags = new Set<string>(markdownAllowList.tags);

/**
 * Removes from rendered Markdown every element and attribute outside the shared allow-list
 * (the server applies the same list with sanitize-html): the renderer already escapes raw HTML,
 * and this second pass means a renderer bug still cannot put a script or handler into the page.
 */
function keepAllowed(parent: Element) {
  for (const element of [...parent.children]) {
    const tag = element.tagName.toLowerCase();
    if (!allowedTags.has(tag)) {
      element.replaceWith(document.createTextNode(element.textContent ?? ''));
      continue;
    }
    const allowedAttributes = markdownAllowList.attributes[tag] ?? [];
    for (const attribute of [...element.attributes]) {
      if (!allowedAttributes.includes(attribute.name)) element.removeAttribute(attribute.name);
    }
    if (tag === 'a') {
      const href = element.getAttribute('href') ?? '';
      if (!isSafeLinkTarget(href)) element.removeAttribute('href');
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    }
    keepAllowed(element);
  }
}

/** An agent's Markdown as elements that are safe to put into the page (inside a detached `div`). */
export function renderSafeMarkdown(body: string): HTMLElement {
  const container = new DOMParser().parseFromString(`<div>${renderMarkdown(body)}</div>`, 'text/html').body
    .firstElementChild as HTMLElement;
  keepAllowed(container);
  return container;
}
