import { Badge, Button, Code, Group, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreatedApiToken,
  useAgents,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
} from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { ShownOnceAlert } from '../components/ShownOnceAlert.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { agent } = useSession();
  const tokens = useApiTokens();
  const agents = useAgents();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [agentId, setAgentId] = useState<string | null>(agent.id);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const agentName = (id: string) => agents.data?.find((candidate) => candidate.id === id)?.name ?? '—';

  return (
    <Stack p="md">
      <Title order={2} size="h3">
        {t('nav.apiTokens')}
      </Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              { name, agentId: agentId ?? undefined },
              {
                onSuccess: (token) => {
                  setCreated(token);
                  setName('');
                },
              },
            );
          }}
        >
          <Group align="end">
            <TextInput
              label={t('tokens.name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <Select
              label={t('tokens.actsAs')}
              data={(agents.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={agentId}
              onChange={setAgentId}
              searchable
            />
            <Button type="submit" leftSection={<IconKey size={16} />} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
          <FormError error={create.error} />
        </form>
      </Paper>
      {created && (
        <ShownOnceAlert
          title={t('tokens.createdTitle')}
          text={t('tokens.createdText')}
          value={created.token}
          onClose={() => setCreated(null)}
        />
      )}
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table data-testid="token-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.actsAs')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>flt_{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{agentName(token.agentId)}</Table.Td>
                <Table.Td>{format.date(token.createdAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? format.relative(token.lastUsedAt) : '—'}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray">{t('tokens.revoked')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        if (window.confirm(t('tokens.confirmRevoke', { name: token.name })))
                          revoke.mutate(token.id);
                      }}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
