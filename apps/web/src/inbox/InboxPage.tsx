import type { ConversationSummary } from '@frontline/contracts';
import { Button, Center, Checkbox, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys, useInterval } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type ConversationFilters,
  useConversationList,
  useUpdateConversation,
} from '../api/conversations.ts';
import { useTeams } from '../api/directory.ts';
import { useSession } from '../auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '../components/states.tsx';
import { useSlaText } from '../sla/texts.ts';
import { BulkActions } from './BulkActions.tsx';
import { ConversationRow } from './ConversationRow.tsx';
import { FilterBar } from './FilterBar.tsx';
import { filtersFromParams } from './filters.ts';
import { useInboxText } from './texts.ts';
import { useBuiltInViewLabel } from './view-label.ts';
import { findBuiltInView, useCustomViews } from './views.ts';

// Ages and "waiting since" are re-rendered each half minute so they stay true on an idle screen.
const clockTickMs = 30_000;

export function InboxPage() {
  const { t } = useTranslation();
  const viewLabel = useBuiltInViewLabel();
  const { text: slaText } = useSlaText();
  const navigate = useNavigate();
  const { view: viewId = 'mine' } = useParams();
  const [params, setParams] = useSearchParams();
  const { agent } = useSession();
  const teams = useTeams();
  const {
    views: customViews,
    save: saveCustomView,
    update: updateCustomView,
    remove: removeCustomView,
  } = useCustomViews(agent.id);
  const { text: inboxText } = useInboxText();
  const [activeIndex, setActiveIndex] = useState(0);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [now, setNow] = useState(Date.now());
  const update = useUpdateConversation();
  useInterval(() => setNow(Date.now()), clockTickMs, { autoInvoke: true });

  const builtIn = findBuiltInView(viewId);
  const custom = viewId.startsWith('custom-')
    ? customViews.find((view) => `custom-${view.id}` === viewId)
    : undefined;
  const myTeams = (teams.data ?? []).filter((team) => agent.teamIds.includes(team.id));
  // "My teams" shows every team the agent is in (as its count does); one team can be picked.
  const chosenTeam = params.get('team') ?? (myTeams.length > 0 ? 'mine' : undefined);
  const extraFilters = filtersFromParams(params);
  const title = custom?.name ?? (builtIn ? viewLabel(builtIn) : t('views.search'));

  const baseFilters: ConversationFilters = builtIn?.filters ?? custom?.filters ?? {};
  const filters: ConversationFilters = {
    ...baseFilters,
    ...(builtIn?.id === 'my-teams' && chosenTeam ? { team: chosenTeam } : {}),
    ...extraFilters,
  };
  const isMyTeamsWithoutTeam = builtIn?.id === 'my-teams' && !chosenTeam;
  const list = useConversationList(filters);
  const conversations = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const showStatus = !filters.status || filters.status.includes(',');

  // A new view starts at the top with nothing selected: reset while rendering when the view or
  // its filters change (React's "adjust state on a prop change" pattern; no effect, no flash).
  const viewKey = `${viewId}?${params.toString()}`;
  const [shownViewKey, setShownViewKey] = useState(viewKey);
  if (shownViewKey !== viewKey) {
    setShownViewKey(viewKey);
    setActiveIndex(0);
    setSelectedIds(new Set());
  }

  const active: ConversationSummary | undefined =
    conversations[Math.min(activeIndex, conversations.length - 1)];
  const open = (conversation: ConversationSummary | undefined, compose?: 'reply' | 'note') => {
    if (!conversation) return;
    navigate(`/conversations/${conversation.id}${compose ? `?compose=${compose}` : ''}`);
  };
  const toggleSelected = (id: string) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useHotkeys([
    ['j', () => setActiveIndex((index) => Math.min(index + 1, conversations.length - 1))],
    ['k', () => setActiveIndex((index) => Math.max(index - 1, 0))],
    ['Enter', () => open(active)],
    ['x', () => active && toggleSelected(active.id)],
    ['r', () => open(active, 'reply')],
    ['n', () => open(active, 'note')],
    ['a', () => active && update.mutate({ id: active.id, changes: { assigneeId: agent.id } })],
    ['s', () => active && update.mutate({ id: active.id, changes: { status: 'solved' } })],
  ]);

  const setExtraFilters = (next: ConversationFilters) => {
    const search = new URLSearchParams();
    if (builtIn?.id === 'my-teams' && chosenTeam) search.set('team', chosenTeam);
    for (const [name, value] of Object.entries(next)) if (value) search.set(name, value);
    setParams(search, { replace: true });
  };
  const saveView = (name: string, teamId: string | null) => {
    saveCustomView.mutate(
      { name, teamId, filters: { ...baseFilters, ...extraFilters } },
      {
        onSuccess: (view) => navigate(`/inbox/custom-${view.id}`),
        onError: () => notifications.show({ color: 'red', message: inboxText('saveFailed') }),
      },
    );
  };
  const selected = conversations.filter((conversation) => selectedIds.has(conversation.id));
  const allSelected = conversations.length > 0 && selected.length === conversations.length;

  return (
    <Stack gap={0} h="100%">
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Title order={2} size="h3" data-testid="inbox-title">
          {title}
        </Title>
        <FilterBar
          filters={extraFilters}
          defaultSort={baseFilters.sort}
          onChange={setExtraFilters}
          onSaveView={saveView}
          onDeleteView={
            custom?.isOwn
              ? () =>
                  removeCustomView.mutate(custom.id, {
                    onSuccess: () => navigate('/inbox/mine'),
                    onError: () => notifications.show({ color: 'red', message: inboxText('deleteFailed') }),
                  })
              : undefined
          }
          onUpdateView={
            custom?.isOwn
              ? () =>
                  updateCustomView.mutate(
                    { id: custom.id, filters: { ...baseFilters, ...extraFilters } },
                    {
                      // The view now holds these filters itself; nothing is left on top of it.
                      onSuccess: () => setParams(new URLSearchParams(), { replace: true }),
                      onError: () => notifications.show({ color: 'red', message: inboxText('updateFailed') }),
                    },
                  )
              : undefined
          }
        />
      </Group>
      {builtIn?.id === 'my-teams' && myTeams.length > 1 && (
        <Group px="md" pb="xs">
          <SegmentedControl
            size="xs"
            value={chosenTeam ?? ''}
            onChange={(team) => setParams({ team }, { replace: true })}
            data={[
              { value: 'mine', label: inboxText('allMyTeams') },
              ...myTeams.map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
        </Group>
      )}
      {selected.length > 0 && (
        <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-xs)' }}>
          <BulkActions selected={selected} onDone={() => setSelectedIds(new Set())} />
        </div>
      )}
      {isMyTeamsWithoutTeam ? (
        <EmptyState title={t('inbox.noTeamsTitle')} description={t('inbox.noTeamsDescription')} />
      ) : list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Center p="md">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </Center>
      ) : conversations.length === 0 ? (
        <EmptyState title={t('inbox.emptyTitle')} description={t('inbox.emptyDescription')} />
      ) : (
        <>
          <Table highlightOnHover verticalSpacing={6} data-testid="conversation-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    size="xs"
                    aria-label={t('inbox.selectAll')}
                    checked={allSelected}
                    indeterminate={selected.length > 0 && !allSelected}
                    onChange={() =>
                      setSelectedIds(
                        allSelected
                          ? new Set()
                          : new Set(conversations.map((conversation) => conversation.id)),
                      )
                    }
                  />
                </Table.Th>
                <Table.Th />
                <Table.Th>{t('inbox.columns.conversation')}</Table.Th>
                <Table.Th>{t('fields.priority')}</Table.Th>
                <Table.Th>{t('inbox.columns.language')}</Table.Th>
                <Table.Th>{t('fields.assignee')}</Table.Th>
                <Table.Th>{t('inbox.columns.age')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('inbox.columns.waiting')}</Table.Th>
                <Table.Th>{slaText('column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conversations.map((conversation, index) => (
                <ConversationRow
                  key={conversation.id}
                  conversation={conversation}
                  isActive={conversation.id === active?.id}
                  isSelected={selectedIds.has(conversation.id)}
                  showStatus={showStatus}
                  now={now}
                  onOpen={() => {
                    setActiveIndex(index);
                    open(conversation);
                  }}
                  onToggleSelected={() => toggleSelected(conversation.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="center" p="md">
            {list.hasNextPage ? (
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('inbox.loadMore')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('inbox.endOfList')}
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
