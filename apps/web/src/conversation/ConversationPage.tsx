import {
  ActionIcon,
  Anchor,
  Box,
  Flex,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useConversation, useUpdateConversation } from '../api/conversations.ts';
import { useSession } from '../auth/session.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { ChannelIcon, PriorityBadge, StatusBadge } from '../components/badges.tsx';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { ConversationPromises } from '../eta/ConversationPromises.tsx';
import { useFormat } from '../i18n/format.ts';
import { usePresence } from '../realtime/presence.ts';
import { SlaBadge } from '../sla/SlaBadge.tsx';
import { useNow } from '../sla/use-now.ts';
import { TopicSuggestionHint } from '../topics/TopicSuggestionHint.tsx';
import { Composer, type ComposerHandle } from './Composer.tsx';
import { ConversationControls } from './ConversationControls.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { PresenceBar } from './PresenceBar.tsx';
import { Timeline } from './Timeline.tsx';
import { TriageHint } from './triage/TriageHint.tsx';

export function ConversationPage() {
  const { id = '' } = useParams();
  return <ConversationScreen key={id} id={id} />;
}

function ConversationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { agent } = useSession();
  const conversation = useConversation(id);
  const update = useUpdateConversation();
  const composer = useRef<ComposerHandle>(null);
  const [openedAt] = useState(() => new Date().toISOString());
  const [isMergeOpen, setIsMergeOpen] = useState(false);
  const { colleagues, announceTyping } = usePresence(id);
  const now = useNow();

  const compose = params.get('compose');
  const isLoaded = Boolean(conversation.data);
  useEffect(() => {
    if (!isLoaded || (compose !== 'reply' && compose !== 'note')) return;
    composer.current?.focus(compose);
    setParams({}, { replace: true });
  }, [compose, isLoaded, setParams]);

  useHotkeys([
    ['r', () => composer.current?.focus('reply')],
    ['n', () => composer.current?.focus('note')],
    ['a', () => update.mutate({ id, changes: { assigneeId: agent.id } })],
    ['s', () => update.mutate({ id, changes: { status: 'solved' } })],
    ['Escape', () => navigate(-1)],
  ]);

  useEffect(() => {
    if (conversation.data)
      document.title = `#${conversation.data.reference} ${conversation.data.subject} · Frontline`;
    return () => {
      document.title = 'Frontline';
    };
  }, [conversation.data]);

  if (conversation.isPending) return <PageLoader />;
  if (conversation.isError) {
    return (
      <Box p="md">
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      </Box>
    );
  }
  const { data } = conversation;

  return (
    <Flex h="calc(100vh - 56px)" direction={{ base: 'column', md: 'row' }}>
      <Box style={{ flex: 1, minWidth: 0 }} h="100%">
        <Stack gap={0} h="100%">
          <Box px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <Tooltip label={t('common.back')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => navigate(-1)}
                    aria-label={t('common.back')}
                  >
                    <IconArrowLeft size={18} />
                  </ActionIcon>
                </Tooltip>
                <ChannelIcon channel={data.channel} />
                <Title order={2} size="h4" lineClamp={1} data-testid="conversation-subject">
                  {data.subject || t('conversation.noSubject')}
                </Title>
                <Text c="dimmed" size="sm">
                  #{data.reference}
                </Text>
                <StatusBadge status={data.status} />
                <PriorityBadge priority={data.priority} />
                <SlaBadge sla={data.sla} now={now} />
              </Group>
              <PresenceBar colleagues={colleagues} />
            </Group>
            <Text size="xs" c="dimmed" mt={2}>
              {t('conversation.openedOn', { date: format.dateTime(data.createdAt) })}
              {data.mergedIntoId && (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/conversations/${data.mergedIntoId}`} size="xs">
                    {t('conversation.mergedInto')}
                  </Anchor>
                </>
              )}
            </Text>
            <TriageHint conversation={data} />
            <TopicSuggestionHint conversation={data} />
          </Box>
          <ScrollArea style={{ flex: 1 }} px="md" py="sm" bg="var(--mantine-color-gray-0)">
            <Timeline conversation={data} />
          </ScrollArea>
          <Box p="sm">
            <Composer ref={composer} conversation={data} openedAt={openedAt} onTyping={announceTyping} />
          </Box>
        </Stack>
      </Box>
      <Box
        w={{ base: '100%', md: 360 }}
        h="100%"
        style={{ flexShrink: 0, borderLeft: '1px solid var(--mantine-color-default-border)' }}
      >
        <ScrollArea h="100%" p="md">
          <Stack gap="lg">
            {data.channel === 'chat' && <ChatPanel conversation={data} />}
            <Paper>
              <ConversationControls conversation={data} onMerge={() => setIsMergeOpen(true)} />
            </Paper>
            <ConversationPromises conversation={data} now={now} />
            <CustomerPanel customerId={data.customer.id} conversationId={data.id} />
          </Stack>
        </ScrollArea>
      </Box>
      <MergeDialog conversation={data} opened={isMergeOpen} onClose={() => setIsMergeOpen(false)} />
    </Flex>
  );
}
