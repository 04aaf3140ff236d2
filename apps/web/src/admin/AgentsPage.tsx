import type { Agent } from '@frontline/contracts';
import { Alert, Badge, Button, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreatedAgent,
  useAgents,
  useCreateAgent,
  useReinviteAgent,
  useTeams,
  useUpdateAgent,
} from '../api/directory.ts';
import { ShownOnceAlert } from '../components/ShownOnceAlert.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { AgentForm } from './AgentForm.tsx';

export function AgentsPage() {
  const { t } = useTranslation();
  const agents = useAgents({ includeInactive: true });
  const teams = useTeams();
  const create = useCreateAgent();
  const update = useUpdateAgent();
  const reinvite = useReinviteAgent();
  const format = useFormat();
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const [isNewDialog, setIsNewDialog] = useState(true);
  if (editing !== null && isNewDialog !== (editing === 'new')) setIsNewDialog(editing === 'new');
  const [created, setCreated] = useState<CreatedAgent | null>(null);
  const [invitation, setInvitation] = useState<{ email: string; url: string; expiresAt: string } | null>(
    null,
  );
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? '—';

  const close = () => {
    setEditing(null);
    create.reset();
    update.reset();
    reinvite.reset();
  };

  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('nav.agents')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('agents.new')}
        </Button>
      </Group>
      {created?.initialPassword && (
        <Alert color="teal" withCloseButton onClose={() => setCreated(null)} title={t('agents.createdTitle')}>
          {t('agents.initialPassword', { email: created.email })} <Code>{created.initialPassword}</Code>
        </Alert>
      )}
      {invitation && (
        <ShownOnceAlert
          title={t('agents.invitedTitle')}
          text={t('agents.invitedText', {
            email: invitation.email,
            until: format.dateTime(invitation.expiresAt),
          })}
          value={invitation.url}
          onClose={() => setInvitation(null)}
          testId="invitation-link"
        />
      )}
      {agents.isPending ? (
        <PageLoader />
      ) : agents.isError ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : (
        <Table highlightOnHover data-testid="agent-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.role')}</Table.Th>
              <Table.Th>{t('nav.teams')}</Table.Th>
              <Table.Th>{t('agents.languages')}</Table.Th>
              <Table.Th>{t('agents.skills')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.data.map((agent) => (
              <Table.Tr key={agent.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(agent)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {agent.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {agent.email}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`roles.${agent.role}`)}</Table.Td>
                <Table.Td>{agent.teamIds.map(teamName).join(', ') || '—'}</Table.Td>
                <Table.Td tt="uppercase">{agent.languages.join(', ') || '—'}</Table.Td>
                <Table.Td>{agent.skills.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  {agent.isActive && agent.invitationExpiresAt ? (
                    <Badge
                      color="blue"
                      variant="light"
                      title={t('agents.invitedUntil', { until: format.dateTime(agent.invitationExpiresAt) })}
                    >
                      {t('agents.invited')}
                    </Badge>
                  ) : (
                    <Badge color={agent.isActive ? 'teal' : 'gray'} variant="light">
                      {agent.isActive ? t('agents.active') : t('agents.inactive')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={close}
        // While the dialog fades out `editing` is already null: keep the title it opened with.
        title={isNewDialog ? t('agents.new') : t('agents.edit')}
        size="lg"
      >
        {editing !== null && editing !== 'new' && editing.invitationExpiresAt && (
          <Stack gap={4} mb="md" data-testid="reinvite">
            <Text size="sm">
              {t('agents.invitedUntil', { until: format.dateTime(editing.invitationExpiresAt) })}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                loading={reinvite.isPending}
                onClick={() =>
                  reinvite.mutate(editing.id, {
                    onSuccess: (issued) => {
                      setInvitation({ email: editing.email, ...issued });
                      close();
                    },
                  })
                }
              >
                {t('agents.reinvite')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('agents.reinviteHint')}
              </Text>
            </Group>
            <FormError error={reinvite.error} />
          </Stack>
        )}
        {editing !== null && (
          <AgentForm
            agent={editing === 'new' ? undefined : editing}
            error={editing === 'new' ? create.error : update.error}
            isSaving={create.isPending || update.isPending}
            onCancel={close}
            onSubmit={({ password, isActive, email, access, ...values }) => {
              if (editing === 'new') {
                const isInvite = access === 'invite';
                create.mutate(
                  { ...values, email, invite: isInvite, ...(password && !isInvite ? { password } : {}) },
                  {
                    onSuccess: (agent) => {
                      if (agent.invitation) setInvitation({ email: agent.email, ...agent.invitation });
                      else setCreated(agent);
                      close();
                    },
                  },
                );
              } else {
                update.mutate(
                  { id: editing.id, changes: { ...values, isActive, ...(password ? { password } : {}) } },
                  { onSuccess: close },
                );
              }
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
