import type { ConversationDetail } from '@frontline/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { useUpdateConversation } from '../api/conversations.ts';
import { FormError } from '../components/states.tsx';
import { percent, useTopicText } from './texts.ts';

/**
 * "Suggested topic: Billing (72 %)" with one click to apply: the classifier's guess when it was not
 * sure enough to set the topic itself. Shown only while the conversation has no topic.
 */
export function TopicSuggestionHint({ conversation }: { conversation: ConversationDetail }) {
  const { text, topicName } = useTopicText();
  const update = useUpdateConversation();
  const suggestion = conversation.topicSuggestion;
  if (!suggestion || conversation.topic || conversation.status === 'merged') return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconTags size={18} />}
      p="xs"
      mt="xs"
      data-testid="topic-suggestion"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div>
          <Text size="sm" fw={600}>
            {text('suggested', { topic: topicName(suggestion), confidence: percent(suggestion.confidence) })}
          </Text>
          <FormError error={update.error} />
        </div>
        <Button
          size="compact-sm"
          variant="filled"
          loading={update.isPending}
          onClick={() => update.mutate({ id: conversation.id, changes: { topicId: suggestion.id } })}
        >
          {text('apply')}
        </Button>
      </Group>
    </Alert>
  );
}
