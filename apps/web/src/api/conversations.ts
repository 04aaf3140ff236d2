import type {
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  conversationCountsSchema,
  Message,
  SavedViewFilters,
  UpdateConversationBody,
} from '@frontline/contracts';
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { inboxPageSize } from '../inbox/view-definitions.ts';
import { api } from './client.ts';

export type ConversationCounts = z.infer<typeof conversationCountsSchema>;
export type ConversationPage = { items: ConversationSummary[]; nextCursor: string | null };

/**
 * Filters as the list endpoint takes them (lists comma-separated), the same a saved view keeps:
 * `{ status: 'new,open', assignee: 'me', tag: 'refund' }`.
 */
export type ConversationFilters = SavedViewFilters;

export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => ['conversations', 'list'] as const,
  list: (filters: ConversationFilters) => ['conversations', 'list', filters] as const,
  counts: () => ['conversations', 'counts'] as const,
  detail: (id: string) => ['conversation', id] as const,
};

export function useConversationList(filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<ConversationPage>(
        '/api/v1/conversations',
        { ...filters, limit: inboxPageSize, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useConversationCounts() {
  return useQuery({
    queryKey: conversationKeys.counts(),
    queryFn: ({ signal }) => api.get<ConversationCounts>('/api/v1/conversations/counts', undefined, signal),
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => api.get<ConversationDetail>(`/api/v1/conversations/${id}`, undefined, signal),
  });
}

/** Puts a fresher summary of a conversation everywhere it is cached: lists and its detail. */
export function applySummaryToCache(
  queryClient: ReturnType<typeof useQueryClient>,
  summary: ConversationSummary,
  message?: Message,
) {
  queryClient.setQueriesData<InfiniteData<ConversationPage>>(
    { queryKey: conversationKeys.lists() },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => (item.id === summary.id ? summary : item)),
            })),
          }
        : data,
  );
  queryClient.setQueryData<ConversationDetail>(conversationKeys.detail(summary.id), (detail) => {
    if (!detail) return detail;
    const hasMessage = message ? detail.messages.some((existing) => existing.id === message.id) : true;
    return {
      ...detail,
      ...summary,
      messages: hasMessage || !message ? detail.messages : [...detail.messages, message],
    };
  });
}

export function useUpdateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateConversationBody }) =>
      api.patch<ConversationSummary>(`/api/v1/conversations/${id}`, changes),
    onSuccess: (summary) => {
      applySummaryToCache(queryClient, summary);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(summary.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}

export type PostMessageInput = {
  id: string;
  body: string;
  visibility: 'public' | 'internal';
  status?: ConversationStatus;
  /** Uploaded files (`POST /api/v1/attachments`) to send with it. */
  attachmentIds?: string[];
  /** One key per composed message, kept until it is sent, so a resend never duplicates it. */
  idempotencyKey: string;
};

export function usePostMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, idempotencyKey, ...body }: PostMessageInput) =>
      api.post<Message>(`/api/v1/conversations/${id}/messages`, body, { idempotencyKey }),
    onSuccess: (_message, input) => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(input.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}

export function useMergeConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, targetConversationId }: { id: string; targetConversationId: string }) =>
      api.post<unknown>(`/api/v1/conversations/${id}/merge`, { targetConversationId }),
    onSuccess: (_result, input) => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(input.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(input.targetConversationId) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}
