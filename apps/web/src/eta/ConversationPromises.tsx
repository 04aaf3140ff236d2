import type { ConversationDetail, ConversationPromise } from '@frontline/contracts';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useFormat } from '../i18n/format.ts';
import { useDuration } from './duration.ts';
import { useConversationPromises } from './promises-api.ts';
import { useEtaText } from './texts.ts';

function PromiseLine({ promise, now }: { promise: ConversationPromise; now: number }) {
  const { text } = useEtaText();
  const format = useFormat();
  const duration = useDuration();
  const promisedAt = Date.parse(promise.promisedAt);
  const dueAt = Date.parse(promise.dueAt);
  const [color, status] =
    promise.kept === true
      ? [
          'teal',
          text('promiseKept', { waited: duration((Date.parse(promise.resolvedAt!) - promisedAt) / 1000) }),
        ]
      : promise.kept === false
        ? ['red', text('promiseMissed', { late: duration((Date.parse(promise.resolvedAt!) - dueAt) / 1000) })]
        : now > dueAt
          ? ['red', text('promiseOverdue', { time: format.dateTime(promise.dueAt) })]
          : ['blue', text('promiseOpen', { time: format.dateTime(promise.dueAt) })];
  return (
    <Stack gap={2} data-testid="conversation-promise">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {text(`shown_${promise.channel}` as Parameters<typeof text>[0])}
        </Text>
        <Text size="xs" c="dimmed">
          {format.dateTime(promise.promisedAt)}
        </Text>
      </Group>
      <Text size="sm">
        {text('promiseFigures', {
          about: duration(promise.p50Seconds),
          latest: duration(promise.p90Seconds),
        })}
      </Text>
      <Text size="xs" fw={600} c={`${color}.9`}>
        {status}
      </Text>
    </Stack>
  );
}

/**
 * What the customer was told about when they would be answered, and whether it held — beside
 * the conversation, so an agent sees at a glance that a promise is about to be broken.
 */
export function ConversationPromises({
  conversation,
  now,
}: {
  conversation: ConversationDetail;
  now: number;
}) {
  const { text } = useEtaText();
  const promises = useConversationPromises(conversation);
  const items = promises.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper data-testid="conversation-promises">
      <Stack gap="xs">
        <Title order={3} size="h6">
          {text('promisesTitle')}
        </Title>
        {items.map((promise) => (
          <PromiseLine key={promise.id} promise={promise} now={now} />
        ))}
      </Stack>
    </Paper>
  );
}
