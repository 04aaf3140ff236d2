export {
  addBusinessTime,
  type BusinessCalendar,
  businessSecondsBetween,
  type CalendarDefinition,
  type Closure,
  createCalendar,
  type HolidayType,
  isOpen,
  nextClosing,
  nextOpening,
  type OpeningInterval,
  openPeriods,
  type Weekday,
  weekdays,
} from './business-hours.ts';
export { createBusinessCalendar } from './calendars.service.ts';
export { loadConversationCalendar, loadNewConversationCalendar } from './conversation-calendar.ts';
export { queueSlaRecount } from './sla.repository.ts';
export { registerSlaRoutes } from './sla.routes.ts';
export { checkConversationSla, recomputeConversationSla, slaTasks } from './sla.service.ts';
export { slaStateAt } from './sla-clock.ts';
export { createSlaPolicy } from './sla-policies.service.ts';
export { civilDayAt, toWallClock, wallTimeToInstant } from './zoned-time.ts';
