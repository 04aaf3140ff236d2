import type {
  AgentRole,
  Channel,
  ConversationStatus,
  Priority,
  SupportedLanguage,
} from '@frontline/contracts';

/**
 * The demo instance: a mid-sized online retailer selling electronics and home goods in
 * Lithuania, Slovakia, Poland, Hungary and English-speaking countries. Texts live in the
 * `demo-*.ts` files beside this one; `demo-seed.ts` turns them into rows through the use cases.
 */

/** Every demo agent signs in with this password; `npx frontline seed-demo` prints it. */
export const demoPassword = 'frontline-demo';

/** Reserved for documentation (RFC 2606), so no demo address can ever reach a real mailbox. */
export const demoAgentDomain = 'demo.frontline.example';

export type TeamKey = 'billing' | 'technical' | 'orders' | 'lithuania' | 'complaints';

export type DemoTeam = { key: TeamKey; name: string; description: string };

export const demoTeams: DemoTeam[] = [
  {
    key: 'billing',
    name: 'Billing',
    description: 'Payments, refunds, invoices, subscriptions and discount codes.',
  },
  {
    key: 'technical',
    name: 'Technical support',
    description: 'Sign-in problems, the website and mobile app, the B2B API, warranty repairs.',
  },
  {
    key: 'orders',
    name: 'Orders & delivery',
    description: 'Delivery times, couriers, address changes, returns and exchanges.',
  },
  {
    key: 'lithuania',
    name: 'Lithuania desk',
    description: 'Everything written in Lithuanian, from the first question to the refund.',
  },
  {
    key: 'complaints',
    name: 'Complaints & escalations',
    description: 'Upset customers, damaged goods, courier complaints; each closed with a root cause.',
  },
];

export type AgentKey =
  | 'egle'
  | 'tomas'
  | 'zuzana'
  | 'jonas'
  | 'ruta'
  | 'marek'
  | 'katarzyna'
  | 'piotr'
  | 'eszter'
  | 'bence'
  | 'sarah';

export type DemoAgent = {
  key: AgentKey;
  name: string;
  /** Local part; the domain is `demoAgentDomain`. */
  login: string;
  role: AgentRole;
  languages: string[];
  skills: string[];
  uiLanguage: SupportedLanguage;
  teams: TeamKey[];
};

/** The admin doubles as the marker that the demo data is complete (it is created last). */
export const demoAdminKey: AgentKey = 'egle';

export const demoAgents: DemoAgent[] = [
  {
    key: 'tomas',
    name: 'Tomas Žukauskas',
    login: 'tomas',
    role: 'supervisor',
    languages: ['lt', 'en', 'de'],
    skills: ['escalations', 'logistics'],
    uiLanguage: 'lt',
    teams: ['lithuania', 'orders', 'complaints'],
  },
  {
    key: 'zuzana',
    name: 'Zuzana Kováčová',
    login: 'zuzana',
    role: 'supervisor',
    languages: ['sk', 'cs', 'en', 'de'],
    skills: ['billing', 'refunds', 'escalations'],
    uiLanguage: 'sk',
    teams: ['billing', 'complaints'],
  },
  {
    key: 'jonas',
    name: 'Jonas Kazlauskas',
    login: 'jonas',
    role: 'agent',
    languages: ['lt', 'en'],
    skills: ['logistics', 'returns', 'mobile-app'],
    uiLanguage: 'lt',
    teams: ['lithuania', 'orders'],
  },
  {
    key: 'ruta',
    name: 'Rūta Jankauskienė',
    login: 'ruta',
    role: 'agent',
    languages: ['lt', 'en', 'pl'],
    skills: ['billing', 'invoicing', 'refunds'],
    uiLanguage: 'lt',
    teams: ['lithuania', 'billing'],
  },
  {
    key: 'marek',
    name: 'Marek Novák',
    login: 'marek',
    role: 'agent',
    languages: ['sk', 'cs', 'en'],
    skills: ['technical', 'logistics', 'returns'],
    uiLanguage: 'sk',
    teams: ['technical', 'orders'],
  },
  {
    key: 'katarzyna',
    name: 'Katarzyna Wiśniewska',
    login: 'katarzyna',
    role: 'agent',
    languages: ['pl', 'en', 'de'],
    skills: ['logistics', 'refunds', 'invoicing'],
    uiLanguage: 'pl',
    teams: ['orders', 'billing', 'complaints'],
  },
  {
    key: 'piotr',
    name: 'Piotr Zieliński',
    login: 'piotr',
    role: 'agent',
    languages: ['pl', 'en', 'cs'],
    skills: ['technical', 'api', 'mobile-app'],
    uiLanguage: 'pl',
    teams: ['technical'],
  },
  {
    key: 'eszter',
    name: 'Eszter Nagy',
    login: 'eszter',
    role: 'agent',
    languages: ['hu', 'en', 'de'],
    skills: ['billing', 'returns', 'complaints'],
    uiLanguage: 'hu',
    teams: ['billing', 'orders', 'complaints'],
  },
  {
    key: 'bence',
    name: 'Bence Horváth',
    login: 'bence',
    role: 'agent',
    languages: ['hu', 'sk', 'en'],
    skills: ['technical', 'mobile-app'],
    uiLanguage: 'hu',
    teams: ['technical'],
  },
  {
    key: 'sarah',
    name: 'Sarah Mitchell',
    login: 'sarah',
    role: 'agent',
    languages: ['en', 'de'],
    skills: ['complaints', 'logistics'],
    uiLanguage: 'en',
    teams: ['orders', 'complaints'],
  },
  {
    key: 'egle',
    name: 'Eglė Vaitkutė',
    login: 'admin',
    role: 'admin',
    languages: ['lt', 'en', 'pl'],
    skills: ['reporting'],
    uiLanguage: 'en',
    teams: [],
  },
];

export type DemoLanguage = 'en' | 'lt' | 'sk' | 'pl' | 'hu';

export type DemoCustomer = {
  key: string;
  name: string;
  language: DemoLanguage;
  email?: string;
  /** E.164, as libphonenumber-js would normalise it. */
  phone?: string;
  organisation?: string;
  notes?: string;
};

export type DemoMessage = {
  /** `note` is an internal note by the assignee, always in English. */
  author: 'customer' | 'agent' | 'note';
  /** Hours after the conversation started. */
  afterHours: number;
  body: string;
};

export type DemoConversation = {
  customer: string;
  subject: string;
  channel: Channel;
  team: TeamKey;
  assignee: AgentKey | null;
  /** Where the conversation ends up; the seed walks it there through the status machine. */
  status: Exclude<ConversationStatus, 'merged'>;
  priority: Priority;
  tags: string[];
  /** When the customer first wrote, in days before the seed runs. */
  daysAgo: number;
  /** The first message is the customer's. */
  messages: DemoMessage[];
};

export const fromCustomer = (afterHours: number, body: string): DemoMessage => ({
  author: 'customer',
  afterHours,
  body,
});
export const fromAgent = (afterHours: number, body: string): DemoMessage => ({
  author: 'agent',
  afterHours,
  body,
});
export const note = (afterHours: number, body: string): DemoMessage => ({ author: 'note', afterHours, body });
