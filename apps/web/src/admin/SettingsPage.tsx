import type { Settings } from '@frontline/contracts';
import { Button, Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorState, PageLoader } from '../components/states.tsx';

const settingsKey = ['settings'] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<Settings>('/api/v1/settings', undefined, signal),
  });
  const save = useMutation({
    mutationFn: (changes: Partial<Settings>) => api.patch<Settings>('/api/v1/settings', changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
  });
  const [days, setDays] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setDays(settings.data.autoCloseAfterDays);
  }, [settings.data]);

  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack p="md" maw={560}>
      <Title order={2} size="h3">
        {t('nav.settings')}
      </Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ autoCloseAfterDays: Number(days) });
          }}
        >
          <Stack>
            <NumberInput
              label={t('settings.autoClose')}
              description={t('settings.autoCloseHint')}
              min={1}
              max={365}
              value={days}
              onChange={setDays}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
