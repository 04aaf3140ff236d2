import type { ConversationSummary, UpdateConversationBody } from '@frontline/contracts';
import { priorities } from '@frontline/contracts';
import {
  Button,
  type ComboboxData,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { conversationKeys } from '../api/conversations.ts';
import { useAgents } from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { settableStatuses } from '../conversation/statuses.ts';
import { useInboxText } from './texts.ts';

type Props = { selected: ConversationSummary[]; onDone: () => void };

/** A menu that acts as soon as an entry is picked, then shows its label again. */
function ActionSelect({
  label,
  width,
  data,
  disabled,
  isSearchable = false,
  onPick,
}: {
  label: string;
  width: number;
  data: ComboboxData;
  disabled: boolean;
  isSearchable?: boolean;
  onPick: (value: string) => void;
}) {
  return (
    <Select
      size="xs"
      w={width}
      placeholder={label}
      aria-label={label}
      searchable={isSearchable}
      disabled={disabled}
      value={null}
      data={data}
      onChange={(value) => value && onPick(value)}
    />
  );
}

/** Acts on every selected conversation at once; reports how many succeeded. */
export function BulkActions({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const { text: inboxText } = useInboxText();
  const { agent } = useSession();
  const agents = useAgents();
  const queryClient = useQueryClient();
  const [isBusy, setIsBusy] = useState(false);
  const [tag, setTag] = useState('');
  const [isMergeOpen, setIsMergeOpen] = useState(false);
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);

  const customerIds = new Set(selected.map((conversation) => conversation.customer.id));
  const canMerge = selected.length >= 2 && customerIds.size === 1;

  const run = async (
    action: (conversation: ConversationSummary) => Promise<unknown>,
    targets: ConversationSummary[] = selected,
  ) => {
    setIsBusy(true);
    const results = await Promise.allSettled(targets.map(action));
    setIsBusy(false);
    const failed = results.filter((result) => result.status === 'rejected').length;
    void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    for (const conversation of selected) {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversation.id) });
    }
    notifications.show({
      color: failed > 0 ? 'orange' : 'teal',
      message:
        failed > 0
          ? t('bulk.partlyDone', { done: results.length - failed, failed })
          : t('bulk.done', { done: results.length }),
    });
    onDone();
  };

  const update = (
    changes: (conversation: ConversationSummary) => UpdateConversationBody,
    targets: ConversationSummary[] = selected,
  ) =>
    run(
      (conversation) => api.patch(`/api/v1/conversations/${conversation.id}`, changes(conversation)),
      targets,
    );
  const tagsOnSelected = [...new Set(selected.flatMap((conversation) => conversation.tags))].sort();
  const removeTag = (removed: string) =>
    update(
      (conversation) => ({ tags: conversation.tags.filter((tag) => tag !== removed) }),
      selected.filter((conversation) => conversation.tags.includes(removed)),
    );

  return (
    <Paper withBorder px="sm" py={6} bg="indigo.0" data-testid="bulk-actions">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('bulk.selected', { n: selected.length })}
        </Text>
        <ActionSelect
          label={t('bulk.assign')}
          width={180}
          isSearchable
          disabled={isBusy}
          data={[
            { value: agent.id, label: t('inbox.me') },
            { value: 'none', label: t('inbox.unassigned') },
            ...(agents.data ?? [])
              .filter((candidate) => candidate.id !== agent.id)
              .map((candidate) => ({ value: candidate.id, label: candidate.name })),
          ]}
          onPick={(assigneeId) =>
            void update(() => ({ assigneeId: assigneeId === 'none' ? null : assigneeId }))
          }
        />
        <ActionSelect
          label={t('bulk.status')}
          width={150}
          disabled={isBusy}
          data={settableStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          onPick={(status) => void update(() => ({ status: status as UpdateConversationBody['status'] }))}
        />
        <ActionSelect
          label={t('bulk.priority')}
          width={140}
          disabled={isBusy}
          data={priorities.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
          onPick={(priority) =>
            void update(() => ({ priority: priority as UpdateConversationBody['priority'] }))
          }
        />
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            w={130}
            placeholder={t('bulk.tag')}
            aria-label={t('bulk.tag')}
            value={tag}
            onChange={(event) => setTag(event.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="default"
            disabled={isBusy || !tag.trim()}
            onClick={() => {
              const added = tag.trim().toLowerCase();
              setTag('');
              void update((conversation) => ({ tags: [...new Set([...conversation.tags, added])] }));
            }}
          >
            {t('bulk.addTag')}
          </Button>
        </Group>
        {tagsOnSelected.length > 0 && (
          <ActionSelect
            label={inboxText('removeTag')}
            width={150}
            disabled={isBusy}
            data={tagsOnSelected}
            onPick={(tag) => void removeTag(tag)}
          />
        )}
        <Button
          size="xs"
          variant="default"
          disabled={isBusy || !canMerge}
          onClick={() => setIsMergeOpen(true)}
        >
          {t('bulk.merge')}
        </Button>
        <Button size="xs" variant="subtle" color="gray" onClick={onDone}>
          {t('bulk.clear')}
        </Button>
      </Group>
      <Modal opened={isMergeOpen} onClose={() => setIsMergeOpen(false)} title={t('bulk.mergeTitle')}>
        <Stack>
          <Text size="sm">{t('bulk.mergeExplain')}</Text>
          <Radio.Group value={mergeTarget} onChange={setMergeTarget}>
            <Stack gap="xs">
              {selected.map((conversation) => (
                <Radio
                  key={conversation.id}
                  value={conversation.id}
                  label={`#${conversation.reference} ${conversation.subject}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button
              disabled={!mergeTarget}
              loading={isBusy}
              onClick={() => {
                const target = mergeTarget;
                setIsMergeOpen(false);
                setMergeTarget(null);
                if (!target) return;
                void run((conversation) =>
                  conversation.id === target
                    ? Promise.resolve()
                    : api.post(`/api/v1/conversations/${conversation.id}/merge`, {
                        targetConversationId: target,
                      }),
                );
              }}
            >
              {t('bulk.mergeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
