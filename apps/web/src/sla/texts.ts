import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';
import { hu } from './texts.hu.ts';
import { lt } from './texts.lt.ts';
import { pl } from './texts.pl.ts';
import { sk } from './texts.sk.ts';

/**
 * The SLA feature's texts (countdowns, views, timeline events, admin screens), kept beside it so
 * the workspace's locale files stay untouched; they follow the agent's UI language.
 */
const en = {
  viewAtRisk: 'At risk',
  viewBreached: 'Breached',
  navPolicies: 'SLA policies',
  navCalendars: 'Business hours',
  dueIn: 'due in {{time}}',
  overdueBy: 'overdue {{time}}',
  paused: 'SLA paused',
  column: 'SLA',
  sortByDue: 'SLA due soonest',
  policy: 'Policy: {{name}}',
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
  dueAt: '{{metric}} due {{date}}',
  pausedHint: 'The clock stands still while the conversation waits on the customer or is on hold.',
  eventPolicyApplied: 'SLA policy “{{name}}” applies',
  eventWarning: 'SLA warning: {{metrics}} due {{date}}',
  eventBreached: 'SLA breached: {{metrics}} was due {{date}}',
  eventNotified: 'Escalation: notified {{names}}',
  eventNobodyNotified: 'Escalation: nobody to notify (no assignee or team supervisor)',
  eventPriorityRaised: 'Escalation: priority raised from {{from}} to {{to}}',
  eventMovedTeam: 'Escalation: moved to the backup team {{team}}',
  policiesTitle: 'SLA policies',
  policiesIntro:
    'Policies are tried from the top; the first enabled one whose conditions all hold sets the targets. Times count in business hours of the chosen calendar.',
  addPolicy: 'Add policy',
  editPolicy: 'Edit policy',
  noPolicies: 'No SLA policies yet. Add one to give conversations response targets.',
  name: 'Name',
  enabled: 'Enabled',
  disabled: 'Off',
  conditions: 'Conditions (empty: every conversation)',
  conditionsShort: 'Conditions',
  channels: 'Channels',
  priorities: 'Priorities',
  teams: 'Teams',
  topics: 'Topics',
  organisations: 'Customer organisations',
  tags: 'Tags (any of)',
  targets: 'Targets',
  firstResponseMinutes: 'First response (minutes)',
  nextResponseMinutes: 'Next response (minutes)',
  resolutionMinutes: 'Resolution (minutes)',
  calendar: 'Business hours',
  aroundTheClock: 'Around the clock (24/7)',
  warningMinutes: 'Warn this many minutes before',
  onWarning: 'When a target is close',
  onBreach: 'When a target is missed',
  notify: 'Notify the assignee and the team’s supervisors',
  raisePriority: 'Raise the priority one step',
  backupTeam: 'Move to backup team',
  noBackupTeam: 'Do not move',
  moveUp: 'Move up',
  moveDown: 'Move down',
  edit: 'Edit',
  delete: 'Delete',
  confirmDeletePolicy:
    'Delete the policy “{{name}}”? Its conversations are matched to the other policies again.',
  confirmDeleteCalendar: 'Delete the business hours “{{name}}”?',
  save: 'Save',
  cancel: 'Cancel',
  anything: 'any',
  calendarsTitle: 'Business hours',
  calendarsIntro:
    'Calendars say when the team works: weekly hours in a time zone, public holidays of a country and your own closures. SLA targets count only open time.',
  addCalendar: 'Add calendar',
  editCalendar: 'Edit calendar',
  noCalendars: 'No calendars yet. Without one, SLA targets count around the clock.',
  timeZone: 'Time zone',
  weeklyHours: 'Opening hours',
  hoursHint: 'e.g. 09:00-12:00, 13:00-17:00; empty: closed',
  holidayCountry: 'Public holidays of (country code)',
  holidayRegion: 'Region (optional)',
  closures: 'Closures',
  closuresHint:
    'One per line: 2026-12-24 or 2026-12-24..2026-12-26 or 2026-12-31T13:00, then an optional reason',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
  closed: 'closed',
  badHours: '{{day}}: write hours as HH:MM-HH:MM, separated by commas',
};
export type SlaTexts = typeof en;

const texts: Record<SupportedLanguage, SlaTexts> = { en, lt, sk, pl, hu };

export type SlaTextKey = keyof SlaTexts;

export function useSlaText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: SlaTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  return { text, language };
}
