import { Button, Group, Text } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prepareEmailHtml } from './email-html.ts';

type InlineImage = { contentId: string | null; url: string };

// Remote images in email are how senders learn that (and when) a message was read; they load
// only when the agent asks. Inline parts of the mail (data: URLs, or attachments served by our own
// server: 'self') are part of the message and always shown.
const blockedPolicy = "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'; font-src data:";
const allowedPolicy =
  "default-src 'none'; img-src data: 'self' http: https:; style-src 'unsafe-inline'; font-src data:";

function documentFor(html: string, policy: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank"><style>body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 8px;padding-left:8px;border-left:2px solid #ced4da;color:#495057}</style></head><body>${html}</body></html>`;
}

/**
 * An email's HTML body, already sanitised by the server, shown in a sandboxed frame as a second
 * line of defence: no script can run (no `allow-scripts`), links open in a new tab, and a
 * Content-Security-Policy blocks every remote resource until the agent allows images.
 */
export function EmailHtml({ html, inlineImages = [] }: { html: string; inlineImages?: InlineImage[] }) {
  const { t } = useTranslation();
  const [isAllowingImages, setIsAllowingImages] = useState(false);
  const [height, setHeight] = useState(40);
  const frame = useRef<HTMLIFrameElement>(null);
  const prepared = useMemo(
    () => prepareEmailHtml(html, { inlineImages, isAllowingRemote: isAllowingImages }),
    [html, inlineImages, isAllowingImages],
  );
  const hasRemoteImages = prepared.blockedImageCount > 0;

  // Same-origin (but script-less) so the frame's height can be read and the message fits; images
  // that load (or fail and show their alt text) later change it again.
  const observer = useRef<ResizeObserver | null>(null);
  const fitHeight = useCallback(() => {
    const document = frame.current?.contentDocument;
    if (!document?.body) return;
    const measure = () => setHeight(Math.min(Math.max(document.documentElement.scrollHeight + 4, 24), 4000));
    measure();
    observer.current?.disconnect();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(document.body);
    for (const image of document.images) {
      image.addEventListener('load', measure);
      image.addEventListener('error', measure);
    }
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  return (
    <div>
      {hasRemoteImages && !isAllowingImages && (
        <Group gap="xs" mb={6} data-testid="images-blocked">
          <IconPhotoOff size={14} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {t('timeline.imagesBlocked')}
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => setIsAllowingImages(true)}>
            {t('timeline.showImages')}
          </Button>
        </Group>
      )}
      <iframe
        ref={frame}
        title={t('timeline.emailBody')}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={documentFor(prepared.html, isAllowingImages ? allowedPolicy : blockedPolicy)}
        onLoad={fitHeight}
        style={{ width: '100%', height, border: 0, display: 'block', background: 'transparent' }}
        data-testid="email-html"
      />
    </div>
  );
}
