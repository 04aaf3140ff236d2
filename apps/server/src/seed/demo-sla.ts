import type { Deps } from '../deps.ts';
import { createBusinessCalendar, createSlaPolicy } from '../modules/sla/index.ts';
import type { TeamKey } from './demo-data.ts';

const weekday = [{ from: '08:00', to: '18:00' }];

/**
 * The demo's business hours and SLA policies: urgent and high-priority work within an hour
 * (the complaints team called in as backup when it gets close), everything else within four
 * business hours and solved within five ten-hour business days.
 * Seeded before the conversations, so their (back-dated) due times, warnings and breaches show.
 */
export async function seedDemoSla(deps: Pick<Deps, 'db' | 'clock'>, teamIds: Map<TeamKey, string>) {
  const calendar = await createBusinessCalendar(deps, {
    name: 'Vilnius office',
    timeZone: 'Europe/Vilnius',
    weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    holidays: { country: 'LT' },
    closures: [],
  });
  await createSlaPolicy(deps, {
    name: 'Urgent and high priority',
    isEnabled: true,
    conditions: { priorities: ['urgent', 'high'] },
    firstResponseMinutes: 60,
    nextResponseMinutes: 120,
    resolutionMinutes: 8 * 60,
    calendarId: calendar.id,
    warningMinutes: 15,
    // Calls the complaints team in before a target is missed. Seeded conversations already overdue
    // only notify (a late job runs the breach's actions, not the warning's), so the demo stays as written.
    onWarning: { notify: true, raisePriority: true, backupTeamId: teamIds.get('complaints') ?? null },
    onBreach: { notify: true, raisePriority: false, backupTeamId: null },
  });
  await createSlaPolicy(deps, {
    name: 'Standard',
    isEnabled: true,
    conditions: {},
    firstResponseMinutes: 4 * 60,
    nextResponseMinutes: 8 * 60,
    resolutionMinutes: 5 * 10 * 60,
    calendarId: calendar.id,
    warningMinutes: 30,
    onWarning: { notify: true, raisePriority: false, backupTeamId: null },
    onBreach: { notify: true, raisePriority: false, backupTeamId: null },
  });
}
