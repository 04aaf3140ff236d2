import type { ConversationSummary } from '@frontline/contracts';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConversationList } from '../api/conversations.ts';
import { ChannelIcon, StatusBadge } from '../components/badges.tsx';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';

const openStatuses = new Set(['new', 'open', 'pending', 'on_hold']);
export const isOpenConversation = (conversation: ConversationSummary) =>
  openStatuses.has(conversation.status);

/** Every conversation of a customer, newest first; open requests stand out. */
export function CustomerHistory({ customerId, currentId }: { customerId: string; currentId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useConversationList({ customer: customerId, sort: 'created_desc' });
  if (list.isPending) return <PageLoader h={80} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const conversations = list.data.pages.flatMap((page) => page.items);
  if (conversations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('customer.noConversations')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="customer-history">
      {conversations.map((conversation) => {
        const isOpen = isOpenConversation(conversation);
        const isCurrent = conversation.id === currentId;
        return (
          <Paper
            key={conversation.id}
            withBorder
            p={8}
            bg={isCurrent ? 'gray.1' : isOpen ? 'orange.0' : undefined}
            style={isOpen ? { borderColor: 'var(--mantine-color-orange-4)' } : undefined}
            data-open={isOpen || undefined}
          >
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <ChannelIcon channel={conversation.channel} size={14} />
                <Anchor component={Link} to={`/conversations/${conversation.id}`} size="sm" fw={500} truncate>
                  #{conversation.reference} {conversation.subject || t('conversation.noSubject')}
                </Anchor>
              </Group>
              <StatusBadge status={conversation.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {format.date(conversation.createdAt)}
              {isCurrent ? ` · ${t('customer.thisConversation')}` : ''}
            </Text>
          </Paper>
        );
      })}
      {list.hasNextPage && (
        <Button
          size="xs"
          variant="subtle"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('inbox.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
