import type { Team } from '@frontline/contracts';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents, useCreateTeam, useDeleteTeam, useTeams, useUpdateTeam } from '../api/directory.ts';
import { isSupervisor, useSession } from '../auth/session.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';

function TeamForm({ team, onDone }: { team?: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const mutation = team ? update : create;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (team)
          update.mutate({ id: team.id, changes: { name, description, memberIds } }, { onSuccess: onDone });
        else create.mutate({ name, description, memberIds }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('fields.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Textarea
          label={t('teams.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <MultiSelect
          label={t('teams.members')}
          searchable
          data={(agents.data ?? []).map((agent) => ({ value: agent.id, label: agent.name }))}
          value={memberIds}
          onChange={setMemberIds}
        />
        <FormError error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {team ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const { agent } = useSession();
  const teams = useTeams();
  const agents = useAgents();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const canManage = isSupervisor(agent);
  const agentName = (id: string) => agents.data?.find((candidate) => candidate.id === id)?.name ?? '…';

  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('nav.teams')}
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('teams.new')}
          </Button>
        )}
      </Group>
      {teams.isPending ? (
        <PageLoader />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <Table highlightOnHover data-testid="team-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('teams.members')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr
                key={team.id}
                style={{ cursor: canManage ? 'pointer' : undefined }}
                onClick={() => canManage && setEditing(team)}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {team.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {team.description}
                  </Text>
                </Table.Td>
                <Table.Td>{team.memberIds.map(agentName).join(', ') || '—'}</Table.Td>
                <Table.Td w={60} onClick={(event) => event.stopPropagation()}>
                  {canManage && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={() => {
                        if (window.confirm(t('teams.confirmDelete', { name: team.name })))
                          remove.mutate(team.id);
                      }}
                    >
                      <IconTrash size={14} />
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('teams.new') : t('teams.edit')}
      >
        {editing !== null && (
          <TeamForm team={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
