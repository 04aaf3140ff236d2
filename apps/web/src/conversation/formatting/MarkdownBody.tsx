import { Box } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { useSession } from '../../auth/session.tsx';
import { useNotificationText } from '../../notifications/texts.ts';
import { renderSafeMarkdown } from './safe-markdown.ts';

/**
 * An agent's reply or note, written in Markdown, as formatted text: bold, italic, lists, quotes,
 * code and links (opening in a new tab). A note's `@[Name](agent:id)` shows as a highlighted
 * name, orange when it names me. The nodes come from the shared renderer, filtered by the shared
 * allow-list, and are placed as DOM nodes (never as an HTML string).
 */
export function MarkdownBody({ body, testId }: { body: string; testId?: string }) {
  const { agent } = useSession();
  const { text } = useNotificationText();
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const fragment = renderSafeMarkdown(body);
    for (const mention of fragment.querySelectorAll('mark.mention')) {
      const isMe = mention.getAttribute('data-agent-id') === agent.id;
      mention.setAttribute('data-testid', 'note-mention');
      mention.setAttribute('title', text('mentionedAgent', { name: (mention.textContent ?? '').slice(1) }));
      mention.classList.add(isMe ? 'frontline-mention-me' : 'frontline-mention');
    }
    container.current?.replaceChildren(...document.adoptNode(fragment).childNodes);
  }, [body, agent.id, text]);
  return <Box ref={container} className="frontline-markdown" fz="sm" data-testid={testId} />;
}
