import { splitMentions } from '@frontline/contracts';
import { Mark } from '@mantine/core';
import { useSession } from '../../auth/session.tsx';
import { useNotificationText } from '../../notifications/texts.ts';

/** A note's body with each `@[Name](agent:id)` shown as a highlighted name (orange when it is me). */
export function MentionText({ body }: { body: string }) {
  const { agent } = useSession();
  const { text } = useNotificationText();
  return (
    <>
      {splitMentions(body).map((part) =>
        'mention' in part ? (
          <Mark
            key={part.at}
            color={part.mention.agentId === agent.id ? 'orange.2' : 'indigo.1'}
            px={3}
            fw={600}
            style={{ borderRadius: 4 }}
            title={text('mentionedAgent', { name: part.mention.name })}
            data-testid="note-mention"
          >
            @{part.mention.name}
          </Mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  );
}
