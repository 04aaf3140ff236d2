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
export { civilDayAt, toWallClock, wallTimeToInstant } from './zoned-time.ts';
