type InlineImage = { contentId: string | null; url: string };

/**
 * Prepares an email's sanitised HTML for display. The server keeps inline parts as `cid:` links
 * and turns remote images into an inert `data-blocked-src`; here inline parts point at their
 * attachment URLs, and blocked images get their `src` back only when the agent allows them.
 */
export function prepareEmailHtml(
  html: string,
  options: { inlineImages: InlineImage[]; isAllowingRemote: boolean },
) {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const urlsByContentId = new Map(
    options.inlineImages
      .filter((image) => image.contentId)
      .map((image) => [image.contentId!.replace(/^<|>$/g, '').toLowerCase(), image.url]),
  );
  let blockedImageCount = 0;
  for (const image of document.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (src.toLowerCase().startsWith('cid:')) {
      const url = urlsByContentId.get(src.slice(4).toLowerCase());
      if (url) image.setAttribute('src', url);
      else image.removeAttribute('src');
    }
    const blocked = image.getAttribute('data-blocked-src');
    if (blocked) {
      blockedImageCount += 1;
      if (options.isAllowingRemote) image.setAttribute('src', blocked);
    } else if (
      /^(https?:)?\/\//i.test(image.getAttribute('src') ?? '') &&
      !isSameOrigin(image.getAttribute('src')!)
    ) {
      // Sanitised mail never has these, but a message from another source might.
      blockedImageCount += 1;
    }
  }
  return { html: document.body.innerHTML, blockedImageCount };
}

function isSameOrigin(url: string) {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}
