import type { Queryable } from '../../db/database.ts';
import type { BusinessCalendar } from './business-hours.ts';
import { loadBusinessCalendar } from './calendars.service.ts';
import { findPolicyCalendarIdOf } from './sla.repository.ts';
import { listSlaPolicies } from './sla-policies.service.ts';
import { findApplicablePolicy } from './sla-policy-match.ts';

/**
 * The business hours a conversation's promises count in: its SLA policy's calendar. Undefined
 * when no policy applies or the policy counts around the clock.
 */
export async function loadConversationCalendar(
  db: Queryable,
  conversationId: string,
): Promise<BusinessCalendar | undefined> {
  const calendarId = await findPolicyCalendarIdOf(db, conversationId);
  return calendarId ? loadBusinessCalendar(db, calendarId) : undefined;
}

/**
 * The business hours a conversation that does not exist yet would count in: the calendar of the
 * policy a new conversation on `channel` for `teamId` (normal priority, no topic, organisation or
 * tags yet) would get. What the public ETA and a web form's confirmation promise in.
 *
 * @example loadNewConversationCalendar(db, { channel: 'email', teamId: null })
 */
export async function loadNewConversationCalendar(
  db: Queryable,
  subject: { channel: string; teamId: string | null },
): Promise<BusinessCalendar | undefined> {
  const policy = findApplicablePolicy(await listSlaPolicies(db), {
    channel: subject.channel,
    priority: 'normal',
    teamId: subject.teamId,
    topic: null,
    organisation: null,
    tags: [],
  });
  return policy?.calendarId ? loadBusinessCalendar(db, policy.calendarId) : undefined;
}
