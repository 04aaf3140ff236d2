import type { Queryable } from '../../db/database.ts';
import type { BusinessCalendar } from './business-hours.ts';
import { loadBusinessCalendar } from './calendars.service.ts';
import { findPolicyCalendarIdOf } from './sla.repository.ts';

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
