import type { MailboxConnectionTest } from '@frontline/contracts';
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { FormError } from '../components/states.tsx';
import { type MailboxTextKey, useMailboxText } from './texts.ts';

type Check = MailboxConnectionTest['inbound'];

function CheckLine({ label, check }: { label: string; check: Check }) {
  const { text } = useMailboxText();
  const stepKey = `step_${check.failedStep}` as MailboxTextKey;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="connection-check">
      {check.ok ? (
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
      ) : (
        <IconCircleX size={20} color="var(--mantine-color-red-7)" aria-hidden />
      )}
      <div>
        <Text size="sm" fw={600}>
          {label}:{' '}
          {check.ok ? text('testOk') : text('testFailed', { step: check.failedStep ? text(stepKey) : '—' })}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {check.message}
        </Text>
      </div>
    </Group>
  );
}

/** Progress while the servers are tried, then what worked and, precisely, what failed. */
export function ConnectionTestResult({
  isPending,
  result,
  error,
}: {
  isPending: boolean;
  result: MailboxConnectionTest | undefined;
  error: unknown;
}) {
  const { text } = useMailboxText();
  if (isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{text('testing')}</Text>
      </Group>
    );
  }
  if (error) return <FormError error={error} />;
  if (!result) return null;
  const isOk = result.inbound.ok && result.outbound.ok;
  return (
    <Alert
      color={isOk ? 'teal' : 'red'}
      variant="light"
      role="status"
      aria-live="polite"
      data-testid="connection-test-result"
    >
      <Stack gap="xs">
        <CheckLine label={text('testInbound')} check={result.inbound} />
        <CheckLine label={text('testOutbound')} check={result.outbound} />
      </Stack>
    </Alert>
  );
}
