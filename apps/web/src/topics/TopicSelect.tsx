import type { ConversationDetail } from '@frontline/contracts';
import { Select, Text } from '@mantine/core';
import { useUpdateConversation } from '../api/conversations.ts';
import { percent, useTopicText } from './texts.ts';
import { useTopics } from './topics-api.ts';

/**
 * The conversation's topic, and who set it. Choosing one (even the one triage set) makes it the
 * agent's: triage never replaces it, and the classifier learns from it once the conversation is solved.
 */
export function TopicSelect({ conversation }: { conversation: ConversationDetail }) {
  const { text, topicName } = useTopicText();
  const topics = useTopics();
  const update = useUpdateConversation();
  const current = conversation.topic;
  const options = (topics.data ?? [])
    .filter((topic) => topic.isActive || topic.id === current?.id)
    .map((topic) => ({ value: topic.id, label: topicName(topic) }));
  const how =
    current?.source === 'rule'
      ? text('sourceRule')
      : current?.source === 'classifier'
        ? text('sourceClassifier', { confidence: percent(current.confidence ?? 0) })
        : current
          ? text('sourceAgent')
          : undefined;
  return (
    <Select
      size="xs"
      label={text('topic')}
      placeholder={text('noTopic')}
      clearable
      searchable
      data={options}
      value={current?.id ?? null}
      disabled={conversation.status === 'merged'}
      description={
        how && (
          <Text span size="xs" c="dimmed">
            {how}
          </Text>
        )
      }
      data-testid="topic-select"
      onChange={(topicId) => update.mutate({ id: conversation.id, changes: { topicId: topicId ?? null } })}
    />
  );
}
