import type { ConversationDetail, ConversationStatus, Priority } from '@frontline/contracts';
import { priorities } from '@frontline/contracts';
import { Button, Select, Stack, TagsInput } from '@mantine/core';
import { IconArrowMerge, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUpdateConversation } from '../api/conversations.ts';
import { useAgents, useTeams } from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { TopicSelect } from '../topics/TopicSelect.tsx';
import { settableStatuses } from './statuses.ts';

type Props = { conversation: ConversationDetail; onMerge: () => void };

/** Status, priority, team, assignee, topic and tags of one conversation; each change saves at once. */
export function ConversationControls({ conversation, onMerge }: Props) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const agents = useAgents();
  const teams = useTeams();
  const update = useUpdateConversation();
  const isMerged = conversation.status === 'merged';
  const isClosed = conversation.status === 'closed' || isMerged;
  const change = (changes: Parameters<typeof update.mutate>[0]['changes']) =>
    update.mutate({ id: conversation.id, changes });

  const statusOptions = [...new Set<ConversationStatus>([conversation.status, ...settableStatuses])].map(
    (status) => ({
      value: status,
      label: t(`status.${status}`),
      disabled: status === 'new' || status === 'merged',
    }),
  );

  return (
    <Stack gap="sm" data-testid="conversation-controls">
      <Select
        size="xs"
        label={t('fields.status')}
        data={statusOptions}
        value={conversation.status}
        allowDeselect={false}
        disabled={isMerged}
        onChange={(status) =>
          status && status !== conversation.status && change({ status: status as ConversationStatus })
        }
      />
      <Select
        size="xs"
        label={t('fields.priority')}
        data={priorities.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
        value={conversation.priority}
        allowDeselect={false}
        disabled={isClosed}
        onChange={(priority) => priority && change({ priority: priority as Priority })}
      />
      <Select
        size="xs"
        label={t('fields.team')}
        placeholder={t('inbox.noTeam')}
        clearable
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={conversation.teamId}
        disabled={isClosed}
        onChange={(teamId) => change({ teamId: teamId ?? null })}
      />
      <Select
        size="xs"
        label={t('fields.assignee')}
        placeholder={t('inbox.unassigned')}
        clearable
        searchable
        data={(agents.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        value={conversation.assigneeId}
        disabled={isClosed}
        onChange={(assigneeId) => change({ assigneeId: assigneeId ?? null })}
      />
      {conversation.assigneeId !== agent.id && !isClosed && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserCheck size={14} />}
          onClick={() => change({ assigneeId: agent.id })}
        >
          {t('conversation.assignToMe')}
        </Button>
      )}
      <TopicSelect conversation={conversation} />
      <TagsInput
        size="xs"
        label={t('fields.tags')}
        value={conversation.tags}
        disabled={isMerged}
        onChange={(tags) => change({ tags: tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean) })}
        clearable
      />
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowMerge size={14} />}
        onClick={onMerge}
        disabled={isClosed}
        fullWidth
      >
        {t('conversation.merge')}
      </Button>
    </Stack>
  );
}
