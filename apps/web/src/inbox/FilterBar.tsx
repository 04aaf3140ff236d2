import { channels, conversationStatuses, priorities } from '@frontline/contracts';
import { Badge, Button, Group, MultiSelect, Popover, Select, Stack, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconFilter, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationFilters } from '../api/conversations.ts';
import { useAgents, useTeams } from '../api/directory.ts';
import { isSupervisor, useSession } from '../auth/session.tsx';
import { useSlaText } from '../sla/texts.ts';
import { useTopicText } from '../topics/texts.ts';
import { useTopics } from '../topics/topics-api.ts';
import { CustomerFilterSelect } from './CustomerFilterSelect.tsx';
import { choosableFilterNames } from './filters.ts';
import { useInboxText } from './texts.ts';

type Props = {
  /** The filters the agent chose on top of the view's own. */
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
  /** Saves the current filters as a view, private (`teamId` null) or shared with a team. */
  onSaveView: (name: string, teamId: string | null) => void;
  onDeleteView?: () => void;
  /** Saves the filters chosen on top into the view itself (its owner only). */
  onUpdateView?: () => void;
  /** The view's own order, shown while the agent has not chosen another. */
  defaultSort?: ConversationFilters['sort'];
};

const splitList = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
const joinList = (values: string[]) => (values.length > 0 ? values.join(',') : undefined);

export function FilterBar({ filters, onChange, onSaveView, onDeleteView, onUpdateView, defaultSort }: Props) {
  const { t } = useTranslation();
  const { text: slaText } = useSlaText();
  const agents = useAgents();
  const teams = useTeams();
  const topics = useTopics();
  const { text: topicText, topicName } = useTopicText();
  const [viewName, setViewName] = useState('');
  const [shareTeamId, setShareTeamId] = useState<string | null>(null);
  const { agent } = useSession();
  const { text: inboxText } = useInboxText();
  // Agents share with their own teams; supervisors with any team.
  const shareableTeams = (teams.data ?? []).filter(
    (team) => isSupervisor(agent) || agent.teamIds.includes(team.id),
  );
  const activeCount = choosableFilterNames.filter((field) => filters[field]).length;
  const set = (changes: Partial<ConversationFilters>) => onChange({ ...filters, ...changes });

  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={170}
        aria-label={t('inbox.sort')}
        value={filters.sort ?? defaultSort ?? 'updated_desc'}
        allowDeselect={false}
        data={[
          ...(['updated_desc', 'updated_asc', 'created_desc', 'created_asc'] as const).map((sort) => ({
            value: sort,
            label: t(`inbox.sortBy.${sort}`),
          })),
          { value: 'sla_due_asc', label: slaText('sortByDue') },
        ]}
        onChange={(sort) => set({ sort: (sort ?? undefined) as ConversationFilters['sort'] })}
      />
      <Popover position="bottom-end" width={320} shadow="md" trapFocus>
        <Popover.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFilter size={14} />}
            rightSection={
              activeCount > 0 ? (
                <Badge size="xs" circle aria-label={t('inbox.activeFilters', { n: activeCount })}>
                  {activeCount}
                </Badge>
              ) : undefined
            }
          >
            {t('inbox.filters')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <MultiSelect
              size="xs"
              label={t('fields.status')}
              data={conversationStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
              value={splitList(filters.status)}
              onChange={(values) => set({ status: joinList(values) })}
              comboboxProps={{ withinPortal: false }}
            />
            <MultiSelect
              size="xs"
              label={t('fields.priority')}
              data={priorities.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
              value={splitList(filters.priority)}
              onChange={(values) => set({ priority: joinList(values) })}
              comboboxProps={{ withinPortal: false }}
            />
            <MultiSelect
              size="xs"
              label={t('fields.channel')}
              data={channels.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
              value={splitList(filters.channel)}
              onChange={(values) => set({ channel: joinList(values) })}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              size="xs"
              label={t('fields.team')}
              clearable
              data={[
                { value: 'none', label: t('inbox.noTeam') },
                ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
              ]}
              value={filters.team ?? null}
              onChange={(team) => set({ team: team ?? undefined })}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              size="xs"
              label={t('fields.assignee')}
              clearable
              searchable
              data={[
                { value: 'me', label: t('inbox.me') },
                { value: 'none', label: t('inbox.unassigned') },
                ...(agents.data ?? []).map((agent) => ({ value: agent.id, label: agent.name })),
              ]}
              value={filters.assignee ?? null}
              onChange={(assignee) => set({ assignee: assignee ?? undefined })}
              comboboxProps={{ withinPortal: false }}
            />
            <Group grow gap="xs">
              <TextInput
                size="xs"
                label={t('fields.language')}
                placeholder="lt"
                value={filters.language ?? ''}
                onChange={(event) => set({ language: event.currentTarget.value.trim() || undefined })}
              />
              <TextInput
                size="xs"
                label={t('fields.tag')}
                value={filters.tag ?? ''}
                onChange={(event) => set({ tag: event.currentTarget.value.trim() || undefined })}
              />
            </Group>
            <Select
              size="xs"
              label={topicText('topic')}
              placeholder={topicText('anyTopic')}
              clearable
              data={(topics.data ?? []).map((topic) => ({ value: topic.key, label: topicName(topic) }))}
              value={filters.topic ?? null}
              onChange={(topic) => set({ topic: topic ?? undefined })}
              comboboxProps={{ withinPortal: false }}
            />
            <CustomerFilterSelect value={filters.customer} onChange={(customer) => set({ customer })} />
            <TextInput
              size="xs"
              label={t('fields.text')}
              value={filters.text ?? ''}
              onChange={(event) => set({ text: event.currentTarget.value || undefined })}
            />
            <Group justify="space-between">
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconX size={14} />}
                onClick={() => onChange({ sort: filters.sort })}
                disabled={activeCount === 0}
              >
                {t('inbox.clearFilters')}
              </Button>
              {onDeleteView && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={onDeleteView}
                >
                  {t('inbox.deleteView')}
                </Button>
              )}
            </Group>
            {onUpdateView && activeCount > 0 && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconDeviceFloppy size={14} />}
                onClick={onUpdateView}
              >
                {inboxText('updateView')}
              </Button>
            )}
            <TextInput
              size="xs"
              label={t('inbox.viewName')}
              value={viewName}
              onChange={(event) => setViewName(event.currentTarget.value)}
            />
            <Group gap="xs" align="end" wrap="nowrap">
              {shareableTeams.length > 0 && (
                <Select
                  size="xs"
                  style={{ flex: 1 }}
                  label={inboxText('shareWith')}
                  value={shareTeamId ?? ''}
                  onChange={(value) => setShareTeamId(value || null)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                  data={[
                    { value: '', label: inboxText('onlyMe') },
                    ...shareableTeams.map((team) => ({ value: team.id, label: team.name })),
                  ]}
                  data-testid="saved-view-share"
                />
              )}
              <Button
                size="xs"
                ml="auto"
                leftSection={<IconDeviceFloppy size={14} />}
                disabled={!viewName.trim()}
                onClick={() => {
                  onSaveView(viewName.trim(), shareTeamId);
                  setViewName('');
                  setShareTeamId(null);
                }}
              >
                {t('inbox.saveView')}
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
