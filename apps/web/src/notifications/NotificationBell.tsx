import { mentionsAsPlainText, type Notification } from '@frontline/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { useRealtime } from '../realtime/RealtimeProvider.tsx';
import {
  notificationKeys,
  useMarkAllNotificationsRead,
  useMarkConversationNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
} from './notifications-api.ts';
import { useNotificationText } from './texts.ts';

/** Refetches my notifications whenever the stream says they changed (a new one, or read elsewhere). */
function useLiveNotifications() {
  const queryClient = useQueryClient();
  const { subscribe } = useRealtime();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'notification.created' || event.type === 'notifications.read') {
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
        }
      }),
    [subscribe, queryClient],
  );
}

/** Whatever told me about the conversation on screen has been seen: it is marked read, here and in my other tabs. */
function useReadWhileViewing(notifications: readonly Notification[]) {
  const { pathname } = useLocation();
  const { mutate: markConversationRead } = useMarkConversationNotificationsRead();
  const viewedId = /^\/conversations\/([0-9a-f-]{36})/.exec(pathname)?.[1];
  const hasUnreadAboutIt =
    viewedId !== undefined &&
    notifications.some(
      (notification) => notification.readAt === null && notification.conversation?.id === viewedId,
    );
  useEffect(() => {
    if (viewedId && hasUnreadAboutIt) markConversationRead(viewedId);
  }, [viewedId, hasUnreadAboutIt, markConversationRead]);
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { text, kindText } = useNotificationText();
  const format = useFormat();
  const isUnread = notification.readAt === null;
  return (
    <UnstyledButton
      onClick={onOpen}
      px="sm"
      py={8}
      w="100%"
      data-testid="notification-item"
      data-unread={isUnread || undefined}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: isUnread ? 'var(--mantine-color-indigo-0)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text size="sm" fw={isUnread ? 700 : 500} lineClamp={1}>
          {kindText(notification.kind, notification.actor?.name ?? text('someone'))}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          style={{ whiteSpace: 'nowrap' }}
          title={format.dateTime(notification.createdAt)}
        >
          {format.relative(notification.createdAt)}
        </Text>
      </Group>
      {notification.conversation && (
        <Text size="xs" c="gray.7" lineClamp={1}>
          #{notification.conversation.reference} · {notification.conversation.subject}
        </Text>
      )}
      <Text size="xs" c="dimmed" lineClamp={2}>
        {mentionsAsPlainText(notification.text)}
      </Text>
    </UnstyledButton>
  );
}

/**
 * The header's bell: my unread count, live, and the list of my notifications. Opening one marks
 * it read and goes to its conversation.
 */
export function NotificationBell() {
  const { text } = useNotificationText();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  useLiveNotifications();

  const unreadCount = notifications.data?.pages[0]?.unreadCount ?? 0;
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  useReadWhileViewing(items);
  const label =
    unreadCount > 0 ? `${text('bell')} · ${text('unread', { count: unreadCount })}` : text('bell');

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    setOpen(false);
    if (notification.conversation) navigate(`/conversations/${notification.conversation.id}`);
  };

  return (
    <Popover opened={isOpen} onChange={setOpen} position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={label} disabled={isOpen}>
          <Indicator
            label={unreadCount > 99 ? '99+' : unreadCount}
            disabled={unreadCount === 0}
            size={16}
            offset={4}
            color="red"
            data-testid="notification-count"
            data-count={unreadCount}
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={label}
              aria-haspopup="dialog"
              aria-expanded={isOpen}
              onClick={() => setOpen((current) => !current)}
              data-testid="notification-bell"
            >
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={text('bell')} role="dialog" data-testid="notification-list">
        <Group justify="space-between" px="sm" py="xs">
          <Group gap={6}>
            <Text fw={600} size="sm">
              {text('bell')}
            </Text>
            {unreadCount > 0 && (
              <Badge size="sm" color="red" variant="light">
                {unreadCount}
              </Badge>
            )}
          </Group>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unreadCount === 0}
            onClick={() => markAllRead.mutate()}
          >
            {text('markAllRead')}
          </Button>
        </Group>
        <Divider />
        {notifications.isPending ? (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        ) : notifications.isError ? (
          <Center p="sm">
            <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
          </Center>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {text('empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} p={4}>
              {items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onOpen={() => open(notification)}
                />
              ))}
              {notifications.hasNextPage && (
                <Button
                  variant="subtle"
                  size="xs"
                  loading={notifications.isFetchingNextPage}
                  onClick={() => void notifications.fetchNextPage()}
                >
                  {text('showOlder')}
                </Button>
              )}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
