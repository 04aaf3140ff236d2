import type { Notification, NotificationPage } from '@frontline/contracts';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const notificationKeys = { all: ['notifications'] as const };

const pageSize = 20;

/** My notifications, newest first; `unreadCount` of the first page is the bell's number. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam, signal }) =>
      api.get<NotificationPage>('/api/v1/notifications', { limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Shows the notification read at once; the server's answer (and other tabs) follow. */
function markReadInCache(
  data: InfiniteData<NotificationPage> | undefined,
  isRead: (notification: Notification) => boolean,
): InfiniteData<NotificationPage> | undefined {
  if (!data) return data;
  const now = new Date().toISOString();
  let newlyRead = 0;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((notification) => {
      if (notification.readAt || !isRead(notification)) return notification;
      newlyRead += 1;
      return { ...notification, readAt: now };
    }),
  }));
  return {
    ...data,
    pages: pages.map((page) => ({ ...page, unreadCount: Math.max(0, page.unreadCount - newlyRead) })),
  };
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/v1/notifications/${id}/read`),
    onMutate: (id) => {
      queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.all, (data) =>
        markReadInCache(data, (notification) => notification.id === id),
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ markedCount: number }>('/api/v1/notifications/read-all'),
    onMutate: () => {
      queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.all, (data) =>
        markReadInCache(data, () => true),
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Marks my notifications about one conversation read: I am looking at it now. */
export function useMarkConversationNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) =>
      api.post<{ markedCount: number }>('/api/v1/notifications/read-all', undefined, {
        query: { conversationId },
      }),
    onMutate: (conversationId) => {
      queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.all, (data) =>
        markReadInCache(data, (notification) => notification.conversation?.id === conversationId),
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
