import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';
import { hu } from './texts.hu.ts';
import { lt } from './texts.lt.ts';
import { pl } from './texts.pl.ts';
import { sk } from './texts.sk.ts';

/**
 * Texts of the walk-in setup and report screens, kept beside them (like the desk console's) so
 * the workspace's locale files stay untouched; they follow the agent's UI language.
 */
const en = {
  navSetup: 'Walk-in locations',
  navReport: 'Walk-in report',
  locationsTitle: 'Walk-in locations',
  locationsIntro:
    'Where customers take a number: each location has its opening hours, services with a ticket letter, desks, and the agents who may serve each service.',
  addLocation: 'New location',
  noLocations: 'No walk-in locations yet. Create the first one.',
  name: 'Name',
  address: 'Address',
  timeZone: 'Time zone',
  languages: 'Languages on the display',
  languagesHint: 'The first is the default; the kiosk offers every language.',
  openingHours: 'Opening hours',
  hoursHint: 'e.g. 09:00-12:00, 13:00-17:00; empty: closed',
  copyFromCalendar: 'Copy hours from a business-hours calendar',
  holidayCountry: 'Closed on public holidays of (country code)',
  closed: 'Closed',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
  badHours: 'Write the hours as 09:00-17:00, separated by commas.',
  allowsRemoteJoin: 'People may join the line remotely (from the public site)',
  nearTurnPosition: '“Your turn is near” at place in line (0: off)',
  nearTurnMinutes: '…or when at most this many minutes are left (0: off)',
  save: 'Save',
  saved: 'Saved',
  cancel: 'Cancel',
  create: 'Create',
  edit: 'Edit',
  back: 'All locations',
  details: 'Location',
  publicPages: 'Public pages',
  kiosk: 'Kiosk',
  display: 'Display board',
  join: 'Join from home',
  joinOff: 'Remote joining is off for this location.',
  services: 'Services',
  addService: 'Add service',
  editService: 'Edit service',
  noServices: 'No services yet: the kiosk has nothing to offer.',
  serviceName: 'Name ({{language}})',
  prefix: 'Ticket letter',
  prefixHint: 'A gives A-001, A-002, … from 1 every day',
  skills: 'Skills needed',
  skillsHint: 'Press Enter after each skill',
  dailyCapacity: 'Tickets per day',
  noLimit: 'No limit',
  lastTicketTime: 'Last ticket at',
  untilClosing: 'Until closing',
  agents: 'Agents who may serve it',
  active: 'Active',
  inactive: 'Not taking tickets',
  deactivate: 'Stop tickets',
  activate: 'Take tickets again',
  confirmDeactivate:
    'Stop giving tickets for “{{name}}”? The kiosk no longer offers it; customers already waiting are still served.',
  confirm: 'Yes, stop tickets',
  desks: 'Desks and counters',
  addDesk: 'Add desk',
  deskName: 'Desk name',
  noDesks: 'No desks yet: agents cannot sign in to serve.',
  required: 'Required',
  reportTitle: 'Walk-in report',
  reportIntro:
    'Per local day: arrivals, waits from ticket to call (median and P90), service times, no-shows, transfers, customers who left without being called, and how many promised waits were kept.',
  location: 'Location',
  from: 'From',
  to: 'To',
  groupBy: 'Per',
  byService: 'Service',
  byDesk: 'Desk',
  byHour: 'Hour of arrival',
  day: 'Day',
  group: 'Group',
  arrivals: 'Arrivals',
  served: 'Served',
  waitMedian: 'Wait (median)',
  waitP90: 'Wait (P90)',
  serviceMedian: 'Service time (median)',
  noShows: 'No-shows',
  transfers: 'Transfers',
  abandoned: 'Left unserved',
  promiseKept: 'Promises kept',
  total: 'Total',
  none: '—',
  empty: 'No visits in this period.',
  errorPrefixTaken: 'Another service of this location uses this letter.',
  errorDeskTaken: 'This location already has a desk of that name.',
  errorTimeZone: 'Unknown time zone.',
  lineRules: 'Line rules',
  priorityBoostMinutes: 'Priority customers move ahead by at most (min)',
  appointmentLeadMinutes: 'Appointments are due this early (min)',
  noShowGraceSeconds: 'No-show allowed after (seconds)',
  readmitWindowMinutes: 'A late no-show is re-admitted within (min)',
  renameDesk: 'Rename desk',
  removeDesk: 'Remove desk',
  confirmRemoveDesk: 'Remove “{{name}}”? Past visits stay in the report without a desk name.',
  errorDeskInUse:
    'Someone is signed in at this desk or a customer is called to it. Remove it once it is free.',
  confirmRemove: 'Yes, remove',
};
export type WalkInAdminTexts = typeof en;

const texts: Record<SupportedLanguage, WalkInAdminTexts> = { en, lt, sk, pl, hu };

export type WalkInAdminTextKey = keyof WalkInAdminTexts;

export function useWalkInAdminText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  const text = (key: WalkInAdminTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  return { text, language };
}
