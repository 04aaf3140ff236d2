import type { ConversationSla, SlaState } from '@frontline/contracts';
import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { IconClockPause, IconFlame, IconHourglassHigh } from '@tabler/icons-react';
import { useFormat } from '../i18n/format.ts';
import { useSlaText } from './texts.ts';

/**
 * The state at `now` from the moments the server stored, so a countdown turns "at risk" and then
 * "breached" on screen at the right second without waiting for the server.
 */
export function slaStateNow(sla: ConversationSla, now: number): SlaState {
  if (sla.dueAt && new Date(sla.dueAt).getTime() <= now) return 'breached';
  if (sla.warningAt && new Date(sla.warningAt).getTime() <= now) return 'at_risk';
  if (sla.state === 'paused') return 'paused';
  return 'ok';
}

/** "2 h 5 min", "3 d 4 h", "12 min" in the agent's locale. */
function useDuration() {
  const format = useFormat();
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(format.locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  // Time left rounds up and time overdue rounds down, so neither claims more slack than there is.
  return (seconds: number) => {
    const minutes = Math.max(1, seconds > 0 ? Math.ceil(seconds / 60) : Math.floor(-seconds / 60));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
    if (hours > 0) return rest > 0 ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
    return unit(rest, 'minute');
  };
}

// Dark text on the light badges and a dark red fill keep the text readable (WCAG AA contrast).
const looks: Record<SlaState, { color: string; variant: 'light' | 'filled'; text?: string }> = {
  ok: { color: 'gray', variant: 'light', text: 'dark.6' },
  at_risk: { color: 'orange', variant: 'light', text: 'orange.9' },
  breached: { color: 'red.9', variant: 'filled' },
  paused: { color: 'gray', variant: 'light', text: 'dark.6' },
};

/** The SLA countdown: time left to the earliest target, or how long it is overdue. */
export function SlaBadge({
  sla,
  now,
  size = 'sm',
}: {
  sla: ConversationSla | null;
  now: number;
  size?: 'sm' | 'md';
}) {
  const { text } = useSlaText();
  const format = useFormat();
  const duration = useDuration();
  if (!sla) return null;
  const state = slaStateNow(sla, now);
  const secondsLeft = sla.dueAt ? (new Date(sla.dueAt).getTime() - now) / 1000 : null;
  const label =
    state === 'paused'
      ? text('paused')
      : secondsLeft === null
        ? null
        : secondsLeft <= 0
          ? text('overdueBy', { time: duration(secondsLeft) })
          : text('dueIn', { time: duration(secondsLeft) });
  if (!label) return null;
  const targets = (
    [
      ['firstResponse', sla.firstResponseDueAt],
      ['nextResponse', sla.nextResponseDueAt],
      ['resolution', sla.resolutionDueAt],
    ] as const
  ).filter(([, due]) => due !== null);
  const icon =
    state === 'breached' ? (
      <IconFlame size={12} />
    ) : state === 'paused' ? (
      <IconClockPause size={12} />
    ) : (
      <IconHourglassHigh size={12} />
    );
  return (
    <Tooltip
      multiline
      w={280}
      label={
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {text('policy', { name: sla.policyName })}
          </Text>
          {targets.map(([metric, due]) => (
            <Text size="xs" key={metric}>
              {text('dueAt', { metric: text(metric), date: format.dateTime(due!) })}
            </Text>
          ))}
          {state === 'paused' && <Text size="xs">{text('pausedHint')}</Text>}
        </Stack>
      }
    >
      <Badge
        size={size}
        color={looks[state].color}
        variant={looks[state].variant}
        c={looks[state].text}
        leftSection={icon}
        data-testid="sla-badge"
        data-state={state}
        style={{ minWidth: 'max-content' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
