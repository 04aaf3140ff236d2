import type { EmailMessageDetail, emailMessageListResponse } from '@frontline/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { api } from './client.ts';

export const emailKeys = {
  details: (conversationId: string) => ['conversation', conversationId, 'email'] as const,
};

/**
 * The email side of a conversation's messages (addresses, authentication, attachments, delivery),
 * by message id. Only asked for when the conversation has email messages.
 */
export function useEmailDetails(conversationId: string, hasEmail: boolean) {
  const query = useQuery({
    queryKey: emailKeys.details(conversationId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof emailMessageListResponse>>(
        `/api/v1/conversations/${conversationId}/email-messages`,
        undefined,
        signal,
      ),
    enabled: hasEmail,
  });
  return useMemo(
    () =>
      new Map<string, EmailMessageDetail>(
        (query.data?.items ?? []).map((detail) => [detail.messageId, detail]),
      ),
    [query.data],
  );
}
