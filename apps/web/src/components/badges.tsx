import type { Channel, ConversationStatus, Priority } from '@frontline/contracts';
import { Badge, Tooltip } from '@mantine/core';
import {
  IconApi,
  IconBrandTelegram,
  IconBuildingStore,
  IconForms,
  IconMail,
  IconMessageCircle,
  IconPhone,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const statusColors: Record<ConversationStatus, string> = {
  new: 'blue',
  open: 'red',
  pending: 'yellow',
  on_hold: 'gray',
  solved: 'teal',
  closed: 'dark',
  merged: 'violet',
};

const priorityColors: Record<Priority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size="sm"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={priorityColors[priority]}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      size="sm"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {t(`priority.${priority}`)}
    </Badge>
  );
}

const channelIcons: Record<Channel, typeof IconMail> = {
  api: IconApi,
  email: IconMail,
  web_form: IconForms,
  chat: IconMessageCircle,
  phone: IconPhone,
  social: IconBrandTelegram,
  walk_in: IconBuildingStore,
};

export function ChannelIcon({ channel, size = 18 }: { channel: Channel; size?: number }) {
  const { t } = useTranslation();
  const Icon = channelIcons[channel] ?? IconMessageCircle;
  const label = t(`channel.${channel}`);
  return (
    <Tooltip label={label}>
      <Icon size={size} aria-label={label} role="img" stroke={1.6} />
    </Tooltip>
  );
}
