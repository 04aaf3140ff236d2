/**
 * The walk-in world: one office open 08:00–18:00 on weekdays, four services with different
 * service times, six desks each serving some of them, priority customers, booked appointments,
 * no-shows (some come back and are re-admitted) and transfers between services. Times are
 * seconds from Monday 3 March 2025 00:00 in Vilnius, like the other scenarios.
 */
import type { WalkInRules } from '@frontline/contracts';

export type WalkInServiceSpec = {
  id: string;
  /** Share of walk-in customers who come for this service. */
  walkInShare: number;
  /** Share of the booked appointments that are for this service. */
  appointmentShare: number;
  /** Call to finish at the desk: lognormal with this median and log-space sigma. */
  medianSeconds: number;
  sigma: number;
};

export type WalkInDeskSpec = {
  id: string;
  serviceIds: string[];
  /** Signed-in periods of every working day, in hours from midnight; the gap is a break. */
  sessions: Array<[number, number]>;
};

export type WalkInScenario = {
  kind: 'walk-in';
  name: string;
  epochMs: number;
  timeZone: string;
  /** Calendar days simulated from the epoch; Saturdays and Sundays are closed. */
  days: number;
  /** Predictions before this teach calibration but are not scored. */
  warmupSeconds: number;
  /** Opening hours of every weekday ('HH:MM'), as the location's calendar holds them. */
  opens: string;
  closes: string;
  /** Walk-ins per hour by hour of day (no tickets after `lastTicketHour`). */
  walkInsPerHour: number[];
  lastTicketHour: number;
  /** Appointments booked per working day, on a 15-minute grid between these hours. */
  appointmentsPerDay: number;
  appointmentHours: [number, number];
  priorityShare: number;
  /** Customers who are not there when called (walk-ins who left, appointments who never came). */
  noShowShare: number;
  /** Of the no-shows, the share who come back within the re-admission window. */
  returnShare: number;
  /** Share of served visits that the desk sends on to another service. */
  transferShare: number;
  rules: Pick<
    WalkInRules,
    'priorityBoostMinutes' | 'appointmentLeadMinutes' | 'noShowGraceSeconds' | 'readmitWindowMinutes'
  >;
  services: WalkInServiceSpec[];
  desks: WalkInDeskSpec[];
  seed: number;
};

/** Monday 2025-03-03 00:00 in Europe/Vilnius (UTC+2). */
const EPOCH_MS = Date.UTC(2025, 2, 2, 22, 0, 0);

export function walkInScenario(seed: number): WalkInScenario {
  return {
    kind: 'walk-in',
    name: 'walk-in',
    epochMs: EPOCH_MS,
    timeZone: 'Europe/Vilnius',
    // Two weeks: ten working days.
    days: 12,
    warmupSeconds: 24 * 3600,
    opens: '08:00',
    closes: '18:00',
    // A morning peak and an after-lunch one; the last tickets at 17:30 (the half hour counts half).
    walkInsPerHour: [0, 0, 0, 0, 0, 0, 0, 0, 20, 30, 36, 36, 32, 30, 34, 32, 26, 18, 0, 0, 0, 0, 0, 0],
    lastTicketHour: 17.5,
    // ~15 % of the day's visits.
    appointmentsPerDay: 50,
    appointmentHours: [8.5, 17.25],
    priorityShare: 0.05,
    noShowShare: 0.04,
    returnShare: 0.25,
    transferShare: 0.03,
    rules: {
      priorityBoostMinutes: 10,
      appointmentLeadMinutes: 5,
      noShowGraceSeconds: 120,
      readmitWindowMinutes: 30,
    },
    services: [
      { id: 'documents', walkInShare: 0.35, appointmentShare: 0.3, medianSeconds: 360, sigma: 0.5 },
      { id: 'tax', walkInShare: 0.2, appointmentShare: 0.4, medianSeconds: 720, sigma: 0.6 },
      { id: 'information', walkInShare: 0.3, appointmentShare: 0, medianSeconds: 150, sigma: 0.6 },
      { id: 'permits', walkInShare: 0.15, appointmentShare: 0.3, medianSeconds: 540, sigma: 0.5 },
    ],
    desks: [
      {
        id: 'desk1',
        serviceIds: ['documents', 'information'],
        sessions: [
          [8, 12],
          [12.5, 18],
        ],
      },
      {
        id: 'desk2',
        serviceIds: ['documents', 'information'],
        sessions: [
          [8, 12.5],
          [13, 18],
        ],
      },
      {
        id: 'desk3',
        serviceIds: ['documents', 'permits'],
        sessions: [
          [8, 13],
          [13.5, 18],
        ],
      },
      {
        id: 'desk4',
        serviceIds: ['tax'],
        sessions: [
          [8, 12],
          [12.5, 18],
        ],
      },
      {
        id: 'desk5',
        serviceIds: ['tax', 'permits'],
        sessions: [
          [8, 12.5],
          [13, 18],
        ],
      },
      // A generalist for the busy middle of the day.
      {
        id: 'desk6',
        serviceIds: ['documents', 'tax', 'information', 'permits'],
        sessions: [[10, 16]],
      },
    ],
    seed,
  };
}
