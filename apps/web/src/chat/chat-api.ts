import type {
  AgentAvailability,
  AgentChatEvent,
  AgentChatInfo,
  AvailabilityStatus,
  ChatQueue,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, apiRequest } from '../api/client.ts';
import { conversationKeys } from '../api/conversations.ts';

/** The agent side of live chat: availability, the waiting line, a chat's visitor, claiming. */

const chatKeys = {
  availability: ['chat', 'availability'] as const,
  queue: ['chat', 'queue'] as const,
  info: (id: string) => ['chat', 'info', id] as const,
};

export function useAvailability() {
  return useQuery({
    queryKey: chatKeys.availability,
    queryFn: ({ signal }) => api.get<AgentAvailability>('/api/v1/me/availability', undefined, signal),
  });
}

export function useSetAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: AvailabilityStatus) =>
      apiRequest<AgentAvailability>('PUT', '/api/v1/me/availability', { body: { status } }),
    onSuccess: (availability) => client.setQueryData(chatKeys.availability, availability),
  });
}

export function useChatQueue() {
  return useQuery({
    queryKey: chatKeys.queue,
    queryFn: ({ signal }) => api.get<ChatQueue>('/api/v1/chats/queue', undefined, signal),
  });
}

export function useChatInfo(conversationId: string) {
  return useQuery({
    queryKey: chatKeys.info(conversationId),
    queryFn: ({ signal }) => api.get<AgentChatInfo>(`/api/v1/chats/${conversationId}`, undefined, signal),
  });
}

export function useClaimChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => api.post(`/api/v1/chats/${conversationId}/claim`),
    onSettled: (_result, _error, conversationId) => {
      void client.invalidateQueries({ queryKey: conversationKeys.all });
      void client.invalidateQueries({ queryKey: chatKeys.info(conversationId) });
      void client.invalidateQueries({ queryKey: chatKeys.availability });
      void client.invalidateQueries({ queryKey: chatKeys.queue });
    },
  });
}

export const markChatRead = (conversationId: string, messageId: string) =>
  api.post(`/api/v1/chats/${conversationId}/read`, { messageId });
export const sendChatTyping = (conversationId: string, isTyping: boolean) =>
  api.post(`/api/v1/chats/${conversationId}/typing`, { isTyping });

/**
 * `/api/v1/chats/stream` while mounted (session cookie; reconnects after a drop). Queue changes
 * refresh the availability and queue queries here; everything else goes to `onEvent`.
 */
export function useChatEvents(onEvent: (event: AgentChatEvent) => void) {
  const client = useQueryClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let isClosed = false;
    const open = () => {
      socket = new WebSocket(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/chats/stream`,
      );
      socket.onmessage = (message) => {
        const event = JSON.parse(String(message.data)) as AgentChatEvent;
        if (event.type === 'queue.changed') {
          void client.invalidateQueries({ queryKey: chatKeys.queue });
          void client.invalidateQueries({ queryKey: chatKeys.availability });
        }
        handler.current(event);
      };
      socket.onclose = () => {
        if (!isClosed) retry = setTimeout(open, 3000);
      };
    };
    open();
    return () => {
      isClosed = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [client]);
}
