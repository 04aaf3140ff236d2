import type { ConversationEvent } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';
import { useDirectoryNames } from '../api/directory.ts';
import { useFormat } from '../i18n/format.ts';
import { type SlaTextKey, useSlaText } from './texts.ts';

const metricKeys: Record<string, SlaTextKey> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  resolution: 'resolution',
};

/**
 * Timeline lines for the SLA module's events (`sla_policy_applied`, `sla_warning`,
 * `sla_breached`, `sla_escalated`); undefined for any other event.
 */
export function useSlaEventText() {
  const { t } = useTranslation();
  const { text } = useSlaText();
  const format = useFormat();
  const names = useDirectoryNames();
  return (event: ConversationEvent): string | undefined => {
    const data = event.data as Record<string, unknown>;
    const metrics = () =>
      (Array.isArray(data.metrics) ? data.metrics : [])
        .map((metric) => (metricKeys[String(metric)] ? text(metricKeys[String(metric)]!) : String(metric)))
        .join(', ');
    const date = () => (typeof data.dueAt === 'string' ? format.dateTime(data.dueAt) : '—');
    const priority = (value: unknown) => t(`priority.${String(value)}` as 'priority.normal');
    switch (event.type) {
      case 'sla_policy_applied':
        return text('eventPolicyApplied', { name: String(data.policyName ?? '') });
      case 'sla_warning':
        return text('eventWarning', { metrics: metrics(), date: date() });
      case 'sla_breached':
        return text('eventBreached', { metrics: metrics(), date: date() });
      case 'sla_escalated': {
        if (data.action === 'notify') {
          const ids = Array.isArray(data.agentIds) ? (data.agentIds as string[]) : [];
          if (ids.length === 0) return text('eventNobodyNotified');
          return text('eventNotified', { names: ids.map((id) => names.agentName(id) ?? '…').join(', ') });
        }
        if (data.action === 'raise_priority') {
          return text('eventPriorityRaised', { from: priority(data.from), to: priority(data.to) });
        }
        if (data.action === 'move_team') {
          const team =
            names.teamName(typeof data.to === 'string' ? data.to : null) ?? String(data.teamName ?? '');
          return text('eventMovedTeam', { team });
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };
}
