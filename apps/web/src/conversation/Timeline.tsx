import type {
  ConversationDetail,
  ConversationEvent,
  EmailMessageDetail,
  Message,
} from '@frontline/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconPoint } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDirectoryNames } from '../api/directory.ts';
import { useEmailDetails } from '../api/email.ts';
import { useFormat } from '../i18n/format.ts';
import { useSlaEventText } from '../sla/timeline-events.ts';
import { useTopicEventText } from '../topics/timeline-events.ts';
import { useWalkInEventText } from '../walk-in/timeline-events.ts';
import { MessageAttachments } from './attachments/MessageAttachments.tsx';
import { EmailHtml } from './EmailHtml.tsx';
import { EmailFooter, EmailHeader } from './EmailMeta.tsx';
import { MarkdownBody } from './formatting/MarkdownBody.tsx';
import { MentionText } from './mentions/MentionText.tsx';

const noImages: never[] = [];

type Entry =
  | { kind: 'message'; at: string; message: Message }
  | { kind: 'event'; at: string; event: ConversationEvent };

// Creation is obvious from the first message; showing it as an event would only repeat it.
const hiddenEventTypes = new Set(['created']);

type Names = ReturnType<typeof useDirectoryNames>;

function describeEvent(t: TFunction, event: ConversationEvent, names: Names, actor: string): string {
  const data = event.data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const statusLabel = (value: unknown) => (value ? t(`status.${text(value)}` as 'status.open') : '—');
  const priorityLabel = (value: unknown) => (value ? t(`priority.${text(value)}` as 'priority.normal') : '—');
  const agentLabel = (value: unknown) =>
    value ? (names.agentName(text(value)) ?? t('timeline.someone')) : t('inbox.unassigned');
  const teamLabel = (value: unknown) => (value ? (names.teamName(text(value)) ?? '—') : t('inbox.noTeam'));
  const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
  switch (event.type) {
    case 'status_changed':
      return t('timeline.statusChanged', { actor, from: statusLabel(data.from), to: statusLabel(data.to) });
    case 'priority_changed':
      return t('timeline.priorityChanged', {
        actor,
        from: priorityLabel(data.from),
        to: priorityLabel(data.to),
      });
    case 'assigned':
      if (!data.to) return t('timeline.unassigned', { actor });
      if (data.to === event.actorAgentId) return t('timeline.took', { actor });
      return t('timeline.assigned', { actor, to: agentLabel(data.to) });
    case 'team_changed':
      return t('timeline.teamChanged', { actor, to: teamLabel(data.to) });
    case 'tags_changed':
      return t('timeline.tagsChanged', {
        actor,
        added: list(data.added) || '—',
        removed: list(data.removed) || '—',
      });
    case 'language_changed':
      return t('timeline.languageChanged', { actor, to: text(data.to) || '—' });
    case 'subject_changed':
      return t('timeline.subjectChanged', { actor, to: text(data.to) });
    case 'merged_into':
      return t('timeline.mergedInto', { actor, reference: String(data.reference ?? '') });
    case 'merged_from':
      return t('timeline.mergedFrom', { actor, reference: String(data.reference ?? '') });
    default:
      return t('timeline.otherEvent', { actor, type: event.type });
  }
}

function MessageCard({
  message,
  customerName,
  emailDetail,
}: {
  message: Message;
  customerName: string;
  emailDetail: EmailMessageDetail | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useDirectoryNames();
  const isNote = message.visibility === 'internal';
  const isCustomer = message.authorType === 'customer';
  const author =
    message.authorType === 'customer'
      ? customerName
      : message.authorType === 'agent'
        ? (names.agentName(message.authorAgentId) ?? t('timeline.agent'))
        : t('timeline.system');
  return (
    <Paper
      withBorder
      p="sm"
      className={isNote ? 'frontline-note' : undefined}
      data-testid={isNote ? 'timeline-note' : 'timeline-message'}
      ml={isCustomer ? 0 : 'xl'}
      mr={isCustomer ? 'xl' : 0}
      bg={isNote ? undefined : isCustomer ? undefined : 'indigo.0'}
    >
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {author}
          </Text>
          {isNote && (
            <Badge size="xs" color="yellow" variant="filled" leftSection={<IconLock size={10} />}>
              {t('timeline.internalNote')}
            </Badge>
          )}
          {!isNote && !isCustomer && (
            <Badge size="xs" variant="light">
              {t('timeline.reply')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" title={format.dateTime(message.createdAt)}>
          {format.dateTime(message.createdAt)}
        </Text>
      </Group>
      {emailDetail && <EmailHeader detail={emailDetail} />}
      {message.bodyHtml ? (
        <EmailHtml html={message.bodyHtml} inlineImages={emailDetail?.attachments ?? noImages} />
      ) : message.authorType === 'agent' ? (
        // Agents write Markdown (the composer's formatting toolbar); customers' text stays as typed.
        <MarkdownBody body={message.body} />
      ) : (
        <Text size="sm" className="frontline-message-body">
          {isNote ? <MentionText body={message.body} /> : message.body}
        </Text>
      )}
      <MessageAttachments
        attachments={message.attachments.filter(
          // Chat and web-form bodies already link their files; only their images still need a preview.
          (file) => file.contentType.startsWith('image/') || !message.bodyHtml?.includes(file.url),
        )}
      />
      {emailDetail && <EmailFooter detail={emailDetail} />}
    </Paper>
  );
}

export function Timeline({ conversation }: { conversation: ConversationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useDirectoryNames();
  const describeSlaEvent = useSlaEventText();
  const describeWalkInEvent = useWalkInEventText();
  const describeTopicEvent = useTopicEventText();
  const entries: Entry[] = [
    ...conversation.messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...conversation.events
      .filter((event) => !hiddenEventTypes.has(event.type))
      .map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const customerName = conversation.customer.name || conversation.customer.email || t('customer.unnamed');
  const emailDetails = useEmailDetails(
    conversation.id,
    conversation.messages.some((message) => message.channel === 'email'),
  );

  return (
    <Stack gap="sm" data-testid="timeline">
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <MessageCard
            key={entry.message.id}
            message={entry.message}
            customerName={customerName}
            emailDetail={emailDetails.get(entry.message.id)}
          />
        ) : (
          <Group key={`event-${entry.event.id}`} gap={4} justify="center" data-testid="timeline-event">
            <IconPoint size={14} color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {describeSlaEvent(entry.event) ??
                describeWalkInEvent(entry.event) ??
                describeTopicEvent(
                  entry.event,
                  names.agentName(entry.event.actorAgentId) ?? t('timeline.agent'),
                ) ??
                describeEvent(
                  t,
                  entry.event,
                  names,
                  entry.event.actorType === 'agent'
                    ? (names.agentName(entry.event.actorAgentId) ?? t('timeline.agent'))
                    : entry.event.actorType === 'customer'
                      ? customerName
                      : t('timeline.system'),
                )}{' '}
              · {format.dateTime(entry.event.createdAt)}
            </Text>
          </Group>
        ),
      )}
    </Stack>
  );
}
