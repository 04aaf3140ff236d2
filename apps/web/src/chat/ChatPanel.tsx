import type { ConversationDetail } from '@frontline/contracts';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { markChatRead, sendChatTyping, useChatEvents, useChatInfo, useClaimChat } from './chat-api.ts';
import { useChatText } from './texts.ts';

/**
 * Beside a chat conversation: who the visitor is and where on the site, whether they are there,
 * typing, and what they have read; a button to take the chat. The agent's own typing and reading
 * go to the visitor from here.
 */
export function ChatPanel({ conversation }: { conversation: ConversationDetail }) {
  const text = useChatText();
  const { agent } = useSession();
  const client = useQueryClient();
  const info = useChatInfo(conversation.id);
  const claim = useClaimChat();
  const [isTyping, setIsTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useChatEvents((event) => {
    if (!('conversationId' in event) || event.conversationId !== conversation.id) return;
    if (event.type === 'visitor.typing') {
      setIsTyping(event.isTyping);
      clearTimeout(typingTimer.current);
      if (event.isTyping) typingTimer.current = setTimeout(() => setIsTyping(false), 10_000);
      return;
    }
    void client.invalidateQueries({ queryKey: ['chat', 'info', conversation.id] });
  });

  // What the agent sees is read: the visitor is told (only forward, so repeats are harmless).
  const latestCustomerMessageId = conversation.messages
    .filter((message) => message.authorType === 'customer')
    .at(-1)?.id;
  const isMine = conversation.assigneeId === agent.id;
  useEffect(() => {
    if (latestCustomerMessageId && isMine)
      void markChatRead(conversation.id, latestCustomerMessageId).catch(() => {});
  }, [latestCustomerMessageId, conversation.id, isMine]);

  // The workspace's composer is not ours to change: its typing reaches the visitor from here.
  useEffect(() => {
    let lastSent = 0;
    const onInput = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest('[data-testid="composer"]') || Date.now() - lastSent < 3000) return;
      lastSent = Date.now();
      void sendChatTyping(conversation.id, true).catch(() => {});
    };
    document.addEventListener('input', onInput);
    return () => document.removeEventListener('input', onInput);
  }, [conversation.id]);

  if (!info.data) return null;
  const chat = info.data;
  const lastAgentMessage = conversation.messages
    .filter((message) => message.authorType === 'agent' && message.visibility === 'public')
    .at(-1);
  const isSeen = Boolean(
    chat.visitorReadAt && lastAgentMessage && chat.visitorReadAt >= lastAgentMessage.createdAt,
  );
  const claimError = claim.error as ApiError | null;
  return (
    <Paper withBorder p="sm" data-testid="chat-panel">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{text('visitor')}</Text>
          <Badge color={chat.visitor.isOnline ? 'green' : 'gray'} variant="light">
            {chat.visitor.isOnline ? text('visitorOnline') : text('visitorOffline')}
          </Badge>
        </Group>
        {chat.visitor.isVerified && <Badge variant="outline">{text('verified')}</Badge>}
        {chat.visitor.pageUrl && (
          <Text size="sm">
            {text('page')}:{' '}
            <Anchor href={chat.visitor.pageUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {chat.visitor.pageTitle || chat.visitor.pageUrl}
            </Anchor>
          </Text>
        )}
        {chat.isOfflineRequest && <Alert color="blue">{text('offlineRequest')}</Alert>}
        {isTyping && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {text('typing')}
          </Text>
        )}
        {isSeen && (
          <Text size="xs" c="dimmed">
            {text('seen')}
          </Text>
        )}
        {chat.endedAt && (
          <Alert color="gray">{chat.endedBy === 'visitor' ? text('ended') : text('endedByAgent')}</Alert>
        )}
        {!chat.endedAt && !chat.isOfflineRequest && conversation.assigneeId === null && (
          <Button size="xs" onClick={() => claim.mutate(conversation.id)} loading={claim.isPending}>
            {text('claim')}
          </Button>
        )}
        {claimError && (
          <Alert color="red">
            {claimError.code === 'chat.limit_reached'
              ? text('limitReached')
              : claimError.code === 'chat.already_claimed'
                ? text('alreadyClaimed')
                : claimError.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
