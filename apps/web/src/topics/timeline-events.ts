import type { ConversationEvent } from '@frontline/contracts';
import { percent, useTopicText } from './texts.ts';
import { useTopics } from './topics-api.ts';

/**
 * The timeline line of `topic_changed`: triage's entries carry the topic key and how it was found,
 * agents' the topic ids. Undefined for any other event.
 */
export function useTopicEventText() {
  const { text, topicName } = useTopicText();
  const topics = useTopics();
  const nameOf = (match: (topic: { id: string; key: string }) => boolean, fallback: unknown) => {
    const topic = topics.data?.find(match);
    return topic ? topicName(topic) : String(fallback ?? '…');
  };
  return (event: ConversationEvent, actor: string): string | undefined => {
    if (event.type !== 'topic_changed') return undefined;
    const data = event.data as Record<string, unknown>;
    if (event.actorType === 'system') {
      const topic = nameOf((candidate) => candidate.key === data.to, data.to);
      const how =
        data.source === 'classifier'
          ? text('sourceClassifier', { confidence: percent(Number(data.confidence ?? 0)) })
          : `${text('sourceRule')} „${String(data.keyword ?? '')}“`;
      return text('eventSetBy', { topic, how });
    }
    if (data.to === null) return text('eventCleared', { actor });
    return text('eventAgent', { actor, topic: nameOf((candidate) => candidate.id === data.to, data.to) });
  };
}
