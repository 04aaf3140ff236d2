import type { ConversationSummary } from '@frontline/contracts';
import { Badge, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon, PriorityBadge, StatusBadge } from '../components/badges.tsx';
import { useFormat } from '../i18n/format.ts';
import { useIsFresh } from '../realtime/RealtimeProvider.tsx';
import { SlaBadge } from '../sla/SlaBadge.tsx';

type Props = {
  conversation: ConversationSummary;
  isActive: boolean;
  isSelected: boolean;
  showStatus: boolean;
  now: number;
  onOpen: () => void;
  onToggleSelected: () => void;
};

export function ConversationRow({
  conversation,
  isActive,
  isSelected,
  showStatus,
  now,
  onOpen,
  onToggleSelected,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const isFresh = useIsFresh(conversation.id);
  const row = useRef<HTMLTableRowElement>(null);
  // Keyboard navigation (j/k) keeps the active row on screen.
  useEffect(() => {
    if (isActive) row.current?.scrollIntoView({ block: 'nearest' });
  }, [isActive]);
  const className = [isFresh ? 'frontline-fresh' : '', isActive ? 'frontline-row-active' : '']
    .join(' ')
    .trim();

  return (
    <Table.Tr
      ref={row}
      className={className || undefined}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      data-active={isActive || undefined}
      aria-selected={isSelected}
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
    >
      <Table.Td w={36} onClick={(event) => event.stopPropagation()}>
        <Checkbox
          size="xs"
          checked={isSelected}
          onChange={onToggleSelected}
          aria-label={t('inbox.selectConversation', { reference: conversation.reference })}
        />
      </Table.Td>
      <Table.Td w={28}>
        <ChannelIcon channel={conversation.channel} />
      </Table.Td>
      <Table.Td style={{ maxWidth: 0, width: '100%' }}>
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate>
              {conversation.customer.name || conversation.customer.email || t('customer.unnamed')}
            </Text>
            <Text size="xs" c="dimmed">
              #{conversation.reference}
            </Text>
            {showStatus && <StatusBadge status={conversation.status} />}
            {conversation.tags.slice(0, 3).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" style={{ minWidth: 'max-content' }}>
                {tag}
              </Badge>
            ))}
          </Group>
          <Text size="sm" truncate>
            <Text span fw={500}>
              {conversation.subject || t('conversation.noSubject')}
            </Text>
            <Text span c="dimmed">
              {' — '}
              {conversation.preview}
            </Text>
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={conversation.priority} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {conversation.language ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={conversation.assigneeId ? undefined : 'dimmed'} truncate maw={160}>
          {conversation.assigneeName ?? t('inbox.unassigned')}
        </Text>
        {conversation.teamName && (
          <Text size="xs" c="dimmed" truncate maw={160}>
            {conversation.teamName}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={format.dateTime(conversation.createdAt)}>
          <Text size="sm">{format.age(conversation.createdAt, now)}</Text>
        </Tooltip>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {conversation.waitingSince ? (
          <Tooltip label={format.dateTime(conversation.waitingSince)}>
            <Text size="sm" c="red.9" fw={500}>
              {format.relative(conversation.waitingSince, now)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <SlaBadge sla={conversation.sla} now={now} />
      </Table.Td>
    </Table.Tr>
  );
}
