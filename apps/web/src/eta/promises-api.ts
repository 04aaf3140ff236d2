import type { ConversationPromises, PromiseReport } from '@frontline/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** Weeks as "2026-W47"; both undefined asks for the server's default (the last eight). */
export function usePromiseReport(range: { from?: string; to?: string }) {
  const query: Record<string, string> = {};
  if (range.from) query.from = range.from;
  if (range.to) query.to = range.to;
  return useQuery({
    queryKey: ['eta', 'promises-report', query],
    queryFn: ({ signal }) => api.get<PromiseReport>('/api/v1/eta/promises/report', query, signal),
  });
}

/**
 * What the conversation's customer was promised. Refetched whenever the conversation gains a
 * message or its first response (an acknowledgement records a promise; a reply settles it).
 */
export function useConversationPromises(conversation: {
  id: string;
  firstResponseAt: string | null;
  messages: unknown[];
}) {
  return useQuery({
    queryKey: [
      'eta',
      'conversation-promises',
      conversation.id,
      conversation.firstResponseAt,
      conversation.messages.length,
    ],
    queryFn: ({ signal }) =>
      api.get<ConversationPromises>(`/api/v1/conversations/${conversation.id}/promises`, undefined, signal),
    placeholderData: (previous) => previous,
  });
}
