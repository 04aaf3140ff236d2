import type {
  createMailboxBody,
  Mailbox,
  MailboxConnectionTest,
  mailboxConnectionTestBody,
  mailboxListResponse,
  UpdateMailboxBody,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.ts';

/** Mailboxes (admin only): the settings of every way email comes in and goes out. */
export const mailboxKeys = { all: ['mailboxes'] as const };

export type MailboxBody = z.input<typeof createMailboxBody>;
export type ConnectionTestBody = z.input<typeof mailboxConnectionTestBody>;

export function useMailboxes() {
  return useQuery({
    queryKey: mailboxKeys.all,
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof mailboxListResponse>>('/api/v1/mailboxes', undefined, signal),
    select: (response) => response.items,
    // The IMAP poller's status changes in the background; keep the list reasonably fresh.
    refetchInterval: 30_000,
  });
}

function useInvalidateMailboxes() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
}

export function useCreateMailbox() {
  const invalidate = useInvalidateMailboxes();
  return useMutation({
    mutationFn: (body: MailboxBody) => api.post<Mailbox>('/api/v1/mailboxes', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useUpdateMailbox() {
  const invalidate = useInvalidateMailboxes();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateMailboxBody }) =>
      api.patch<Mailbox>(`/api/v1/mailboxes/${id}`, changes),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeleteMailbox() {
  const invalidate = useInvalidateMailboxes();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/mailboxes/${id}`),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/**
 * Tries the servers: a saved mailbox's (by `mailboxId`) or settings not saved yet (by `settings`).
 * Nothing is stored either way.
 */
export function useConnectionTest() {
  return useMutation({
    mutationFn: (target: { mailboxId: string } | { settings: ConnectionTestBody }) =>
      'mailboxId' in target
        ? api.post<MailboxConnectionTest>(`/api/v1/mailboxes/${target.mailboxId}/connection-test`)
        : api.post<MailboxConnectionTest>('/api/v1/mailboxes/connection-test', target.settings),
    meta: { handlesErrors: true },
  });
}
