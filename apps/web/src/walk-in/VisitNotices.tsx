import type { VisitNotice, WalkInVisit } from '@frontline/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { useFormat } from '../i18n/format.ts';
import { type NoticeTextKey, useNoticeText } from './notice-texts.ts';

const statusColor: Record<VisitNotice['status'], string> = {
  queued: 'gray',
  sent: 'teal',
  failed: 'red',
  skipped: 'gray',
};

function kindKey(notice: VisitNotice): NoticeTextKey {
  if (notice.kind === 'turn_near') return 'turnNear';
  return notice.callNumber > 1 ? 'calledAgain' : 'called';
}

/** What the visitor was told by SMS or email: "Told: called · SMS · sent 14:02". */
export function VisitNotices({ visit, compact = false }: { visit: WalkInVisit; compact?: boolean }) {
  const text = useNoticeText();
  const format = useFormat();
  const notices = visit.notices ?? [];
  if (notices.length === 0) {
    if (compact) return null;
    return (
      <Text size="sm" c="dimmed" data-testid="visit-notices">
        {text(visit.hasContact ? 'willBeNotified' : 'noContact')}
      </Text>
    );
  }
  // A recall's message says the same as the first call's: show the latest per kind and channel.
  const latest = new Map<string, VisitNotice>();
  for (const notice of notices) latest.set(`${notice.kind}:${notice.channel}`, notice);
  return (
    <Group gap={6} data-testid="visit-notices">
      {[...latest.values()].map((notice) => (
        <Badge
          key={`${notice.kind}:${notice.channel}`}
          variant="light"
          color={statusColor[notice.status]}
          size={compact ? 'xs' : 'sm'}
          tt="none"
        >
          {text(kindKey(notice))} · {text(notice.channel)} ·{' '}
          {notice.status === 'sent' && notice.sentAt ? format.relative(notice.sentAt) : text(notice.status)}
        </Badge>
      ))}
    </Group>
  );
}
