import type { ConversationDetail } from '@frontline/contracts';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUpdateConversation } from '../../api/conversations.ts';
import { FormError } from '../../components/states.tsx';
import { useTriageText } from './texts.ts';

/**
 * "Suggested priority: urgent — the customer says it is urgent, a payment problem", with one
 * click to apply it. Shown only while the suggestion is above the conversation's priority; the
 * server never applies it by itself, so the agent's choice always stands.
 */
export function TriageHint({ conversation }: { conversation: ConversationDetail }) {
  const { t } = useTranslation();
  const { text, reason } = useTriageText();
  const update = useUpdateConversation();
  const { suggestedPriority, signals } = conversation.triage;
  if (!suggestedPriority || conversation.status === 'closed' || conversation.status === 'merged') return null;
  const priority = t(`priority.${suggestedPriority}`);
  return (
    <Alert
      color={suggestedPriority === 'urgent' ? 'red' : 'orange'}
      variant="light"
      icon={<IconBolt size={18} />}
      p="xs"
      mt="xs"
      data-testid="triage-hint"
    >
      <Group justify="space-between" wrap="nowrap" align="start" gap="sm">
        <div>
          <Text size="sm" fw={600}>
            {text('suggested', { priority })}
          </Text>
          <List size="xs" spacing={0} aria-label={text('reasons')}>
            {signals.map((signal) => (
              <List.Item key={`${signal.kind}:${signal.evidence}`}>
                {reason(signal.kind, signal.reason)}
                {signal.evidence && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — „{signal.evidence}“
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          <FormError error={update.error} />
        </div>
        <Button
          size="compact-sm"
          variant="filled"
          color={suggestedPriority === 'urgent' ? 'red' : 'orange'}
          loading={update.isPending}
          onClick={() => update.mutate({ id: conversation.id, changes: { priority: suggestedPriority } })}
        >
          {text('apply', { priority })}
        </Button>
      </Group>
    </Alert>
  );
}
