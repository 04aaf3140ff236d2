import {
  Alert,
  Button,
  Center,
  Group,
  List,
  Loader,
  EmptyState as MantineEmptyState,
  Stack,
} from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors.ts';

export function PageLoader({ h = 240 }: { h?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center h={h}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** A failed load, with what went wrong and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const description = describeError(t, error);
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={description.title} role="alert" maw={640} w="100%">
      <Stack gap="xs">
        <div>{description.message}</div>
        {description.fieldErrors.length > 0 && (
          <List size="sm">
            {description.fieldErrors.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** An inline error under a form: the problem's message and each field error. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const description = describeError(t, error);
  return (
    <Alert color="red" title={description.title} role="alert" variant="light">
      {description.message}
      {description.fieldErrors.length > 0 && (
        <List size="sm" mt={4}>
          {description.fieldErrors.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <MantineEmptyState
      py="xl"
      icon={<IconInbox size={32} />}
      withIndicatorBackground
      title={title}
      description={description}
    >
      {action}
    </MantineEmptyState>
  );
}
