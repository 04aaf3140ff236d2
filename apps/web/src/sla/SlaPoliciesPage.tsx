import {
  type CreateSlaPolicyBody,
  channels,
  type Priority,
  priorities,
  type SlaEscalation,
  type SlaPolicy,
} from '@frontline/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useTeams } from '../api/directory.ts';
import { isAdmin, useSession } from '../auth/session.tsx';
import { EditDeleteActions } from '../components/RowActions.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useTopics } from '../topics/topics-api.ts';
import { useBusinessCalendars, useDeletePolicy, useSavePolicy, useSlaPolicies } from './sla-api.ts';
import { useSlaText } from './texts.ts';

const noEscalation: SlaEscalation = { notify: true, raisePriority: false, backupTeamId: null };

type Draft = Omit<CreateSlaPolicyBody, 'position'>;

const emptyDraft: Draft = {
  name: '',
  isEnabled: true,
  conditions: {},
  firstResponseMinutes: 60,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  calendarId: null,
  warningMinutes: 30,
  onWarning: noEscalation,
  onBreach: { ...noEscalation, raisePriority: true },
};

function draftOf(policy: SlaPolicy): Draft {
  return {
    name: policy.name,
    isEnabled: policy.isEnabled,
    conditions: policy.conditions,
    firstResponseMinutes: policy.firstResponseMinutes,
    nextResponseMinutes: policy.nextResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    calendarId: policy.calendarId,
    warningMinutes: policy.warningMinutes,
    onWarning: policy.onWarning,
    onBreach: policy.onBreach,
  };
}

function EscalationFields({
  legend,
  value,
  onChange,
  teamOptions,
}: {
  legend: string;
  value: SlaEscalation;
  onChange: (value: SlaEscalation) => void;
  teamOptions: Array<{ value: string; label: string }>;
}) {
  const { text } = useSlaText();
  return (
    <Fieldset legend={legend}>
      <Stack gap="xs">
        <Checkbox
          label={text('notify')}
          checked={value.notify}
          onChange={(event) => onChange({ ...value, notify: event.currentTarget.checked })}
        />
        <Checkbox
          label={text('raisePriority')}
          checked={value.raisePriority}
          onChange={(event) => onChange({ ...value, raisePriority: event.currentTarget.checked })}
        />
        <Select
          label={text('backupTeam')}
          data={[{ value: '', label: text('noBackupTeam') }, ...teamOptions]}
          value={value.backupTeamId ?? ''}
          onChange={(teamId) => onChange({ ...value, backupTeamId: teamId || null })}
          allowDeselect={false}
        />
      </Stack>
    </Fieldset>
  );
}

function PolicyForm({ policy, onDone }: { policy?: SlaPolicy; onDone: () => void }) {
  const { t } = useTranslation();
  const { text } = useSlaText();
  const teams = useTeams();
  const topics = useTopics();
  const calendars = useBusinessCalendars();
  const save = useSavePolicy();
  const [draft, setDraft] = useState<Draft>(policy ? draftOf(policy) : emptyDraft);
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const setConditions = (changes: Partial<Draft['conditions']>) =>
    set({ conditions: { ...draft.conditions, ...changes } });
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const minutes = (value: string | number) => (typeof value === 'number' && value > 0 ? value : null);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: policy?.id, body: draft }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={text('name')}
            required
            value={draft.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
          />
          <Switch
            label={text('enabled')}
            checked={draft.isEnabled}
            onChange={(event) => set({ isEnabled: event.currentTarget.checked })}
            mb={8}
          />
        </Group>
        <Fieldset legend={text('conditions')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={text('channels')}
              data={channels.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
              value={draft.conditions.channels ?? []}
              onChange={(values) => setConditions({ channels: values as (typeof channels)[number][] })}
            />
            <MultiSelect
              label={text('priorities')}
              data={priorities.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
              value={draft.conditions.priorities ?? []}
              onChange={(values) => setConditions({ priorities: values as Priority[] })}
            />
            <MultiSelect
              label={text('teams')}
              data={teamOptions}
              value={draft.conditions.teamIds ?? []}
              onChange={(values) => setConditions({ teamIds: values })}
            />
            <TagsInput
              label={text('tags')}
              value={draft.conditions.tags ?? []}
              onChange={(values) => setConditions({ tags: values.map((tag) => tag.toLowerCase()) })}
            />
            <TagsInput
              label={text('organisations')}
              value={draft.conditions.organisations ?? []}
              onChange={(values) => setConditions({ organisations: values })}
            />
            <TagsInput
              label={text('topics')}
              data={(topics.data ?? []).map((topic) => topic.key)}
              value={draft.conditions.topics ?? []}
              onChange={(values) => setConditions({ topics: values })}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={text('targets')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={text('firstResponseMinutes')}
              min={1}
              value={draft.firstResponseMinutes ?? ''}
              onChange={(value) => set({ firstResponseMinutes: minutes(value) })}
            />
            <NumberInput
              label={text('nextResponseMinutes')}
              min={1}
              value={draft.nextResponseMinutes ?? ''}
              onChange={(value) => set({ nextResponseMinutes: minutes(value) })}
            />
            <NumberInput
              label={text('resolutionMinutes')}
              min={1}
              value={draft.resolutionMinutes ?? ''}
              onChange={(value) => set({ resolutionMinutes: minutes(value) })}
            />
            <Select
              label={text('calendar')}
              data={[
                { value: '', label: text('aroundTheClock') },
                ...(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name })),
              ]}
              value={draft.calendarId ?? ''}
              onChange={(calendarId) => set({ calendarId: calendarId || null })}
              allowDeselect={false}
            />
            <NumberInput
              label={text('warningMinutes')}
              min={0}
              value={draft.warningMinutes}
              onChange={(value) => set({ warningMinutes: typeof value === 'number' ? value : 0 })}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EscalationFields
            legend={text('onWarning')}
            value={draft.onWarning}
            onChange={(onWarning) => set({ onWarning })}
            teamOptions={teamOptions}
          />
          <EscalationFields
            legend={text('onBreach')}
            value={draft.onBreach}
            onChange={(onBreach) => set({ onBreach })}
            teamOptions={teamOptions}
          />
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {text('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admin screen: the ordered SLA policies, their conditions, targets and escalations. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { text } = useSlaText();
  const { agent } = useSession();
  const policies = useSlaPolicies();
  const calendars = useBusinessCalendars();
  const teams = useTeams();
  const save = useSavePolicy();
  const remove = useDeletePolicy();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  if (!isAdmin(agent)) return <Navigate to="/inbox/mine" replace />;
  if (policies.isPending) return <PageLoader />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;

  const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);
  const conditionSummary = (policy: SlaPolicy) => {
    const { conditions } = policy;
    const parts = [
      ...(conditions.channels ?? []).map((channel) => t(`channel.${channel}`)),
      ...(conditions.priorities ?? []).map((priority) => t(`priority.${priority}`)),
      ...(conditions.teamIds ?? []).map((id) => teams.data?.find((team) => team.id === id)?.name ?? '…'),
      ...(conditions.tags ?? []).map((tag) => `#${tag}`),
      ...(conditions.organisations ?? []),
      ...(conditions.topics ?? []),
    ];
    return parts.length > 0 ? parts.join(', ') : text('anything');
  };

  return (
    <Stack p="md" gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{text('policiesTitle')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {text('addPolicy')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {text('policiesIntro')}
      </Text>
      {policies.data.length === 0 ? (
        <Text c="dimmed">{text('noPolicies')}</Text>
      ) : (
        <Table striped data-testid="sla-policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{text('name')}</Table.Th>
              <Table.Th>{text('conditionsShort')}</Table.Th>
              <Table.Th>{text('firstResponse')}</Table.Th>
              <Table.Th>{text('nextResponse')}</Table.Th>
              <Table.Th>{text('resolution')}</Table.Th>
              <Table.Th>{text('calendar')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.data.map((policy, index) => (
              <Table.Tr key={policy.id}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {policy.name}
                    </Text>
                    {!policy.isEnabled && (
                      <Badge size="xs" color="gray.8" variant="light">
                        {text('disabled')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{conditionSummary(policy)}</Text>
                </Table.Td>
                <Table.Td>{minutes(policy.firstResponseMinutes)}</Table.Td>
                <Table.Td>{minutes(policy.nextResponseMinutes)}</Table.Td>
                <Table.Td>{minutes(policy.resolutionMinutes)}</Table.Td>
                <Table.Td>
                  {calendars.data?.find((calendar) => calendar.id === policy.calendarId)?.name ??
                    text('aroundTheClock')}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={text('moveUp')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={text('moveUp')}
                        disabled={index === 0}
                        onClick={() => save.mutate({ id: policy.id, body: { position: index - 1 } })}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={text('moveDown')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={text('moveDown')}
                        disabled={index === policies.data.length - 1}
                        onClick={() => save.mutate({ id: policy.id, body: { position: index + 1 } })}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <EditDeleteActions
                      editLabel={text('edit')}
                      deleteLabel={text('delete')}
                      confirmDelete={text('confirmDeletePolicy', { name: policy.name })}
                      onEdit={() => setEditing(policy)}
                      onDelete={() => remove.mutate(policy.id)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? text('addPolicy') : text('editPolicy')}
        size="xl"
      >
        {editing !== null && (
          <PolicyForm policy={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
