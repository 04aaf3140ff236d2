import type { AgentRole } from '@frontline/contracts';
import type { Deps } from '../deps.ts';
import { createAgent, createTeam, getAgent, listTeams } from '../modules/agents/index.ts';
import { findAgentByEmail } from '../modules/auth/index.ts';
import {
  addCustomerMessage,
  closeSolvedConversations,
  createConversation,
  postAgentMessage,
  updateConversation,
  type Viewer,
} from '../modules/conversations/index.ts';
import { createCustomer } from '../modules/customers/index.ts';
import { getSettings } from '../modules/settings/index.ts';
import type { Clock } from '../platform/clock.ts';
import { englishConversations } from './demo-conversations-en.ts';
import { hungarianConversations } from './demo-conversations-hu.ts';
import { lithuanianConversations } from './demo-conversations-lt.ts';
import { polishConversations } from './demo-conversations-pl.ts';
import { slovakConversations } from './demo-conversations-sk.ts';
import { demoCustomers } from './demo-customers.ts';
import {
  type AgentKey,
  type DemoAgent,
  type DemoConversation,
  type DemoCustomer,
  demoAdminKey,
  demoAgentDomain,
  demoAgents,
  demoPassword,
  demoTeams,
  type TeamKey,
} from './demo-data.ts';
import { seedDemoSla } from './demo-sla.ts';
import { daysPerCopy, planDemoTimeline } from './demo-timeline.ts';
import {
  backdateCustomer,
  backdateNewEvents,
  countConversationsWithSubject,
  findCustomerIdByIdentity,
} from './seed.repository.ts';

type SeedDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

export type DemoSeedResult = {
  /** Every demo sign-in, for the CLI to print. */
  agents: { email: string; password: string; role: AgentRole }[];
  /** Customers and conversations created by this run (0 when the demo was already there). */
  customers: number;
  conversations: number;
  /** The demo admin existed, so nothing was written. */
  alreadySeeded: boolean;
};

/** All demo conversations, language by language. */
export const demoConversations: DemoConversation[] = [
  ...englishConversations,
  ...lithuanianConversations,
  ...slovakConversations,
  ...polishConversations,
  ...hungarianConversations,
];

const dayMs = 86_400_000;
const emailOf = (agent: DemoAgent) => `${agent.login}@${demoAgentDomain}`;

/**
 * Loads the demo: teams, agents, customers, and conversations with their replies and internal
 * notes in five languages, spread over the last 30 days and every status — all through the same
 * use cases the API calls, with a clock set to the moment each step happened. `scale` repeats the
 * conversation set, each copy 30 days further back (old `solved` ones closed, as the job would).
 *
 * Running it again is harmless: when the demo admin exists, nothing is written. The admin is
 * created last, so a run that was interrupted is completed by the next one (teams, agents and
 * customers are looked up before they are created, conversations by customer and subject).
 *
 * @example const { agents } = await seedDemoData(deps); // agents[0] = { email: 'tomas@demo.frontline.example', … }
 */
export async function seedDemoData(
  deps: SeedDeps,
  options: { scale?: number } = {},
): Promise<DemoSeedResult> {
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const roleOrder: AgentRole[] = ['admin', 'supervisor', 'agent'];
  const signIns = demoAgents
    .map((agent) => ({ email: emailOf(agent), password: demoPassword, role: agent.role }))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const admin = demoAgents.find((agent) => agent.key === demoAdminKey)!;
  if (await findAgentByEmail(deps.db, emailOf(admin))) {
    return { agents: signIns, customers: 0, conversations: 0, alreadySeeded: true };
  }

  const now = deps.clock.now();
  const teamIds = await ensureTeams(deps);
  await seedDemoSla(deps, teamIds);
  const viewers = new Map<AgentKey, Viewer>();
  for (const agent of demoAgents.filter((candidate) => candidate.key !== demoAdminKey)) {
    viewers.set(agent.key, await ensureAgent(deps, agent, teamIds));
  }
  const customers = await ensureCustomers(deps, now, scale);
  const { autoCloseAfterDays } = await getSettings(deps);

  let conversationCount = 0;
  for (let copy = 0; copy < scale; copy += 1) {
    for (const [index, conversation] of demoConversations.entries()) {
      const isCreated = await seedConversation(deps, conversation, {
        customer: customers.byKey.get(conversation.customer)!,
        teamIds,
        viewers,
        now,
        index,
        copy,
        autoCloseAfterDays,
      });
      if (isCreated) conversationCount += 1;
    }
  }
  await ensureAgent(deps, admin, teamIds);
  return {
    agents: signIns,
    customers: customers.createdCount,
    conversations: conversationCount,
    alreadySeeded: false,
  };
}

async function ensureTeams(deps: SeedDeps): Promise<Map<TeamKey, string>> {
  const existing = new Map((await listTeams(deps)).map((team) => [team.name.toLowerCase(), team.id]));
  const teamIds = new Map<TeamKey, string>();
  for (const team of demoTeams) {
    const id =
      existing.get(team.name.toLowerCase()) ??
      (await createTeam(deps, { name: team.name, description: team.description, memberIds: [] })).id;
    teamIds.set(team.key, id);
  }
  return teamIds;
}

async function ensureAgent(deps: SeedDeps, agent: DemoAgent, teamIds: Map<TeamKey, string>): Promise<Viewer> {
  const existing = await findAgentByEmail(deps.db, emailOf(agent));
  const created = existing
    ? await getAgent(deps, existing.id)
    : await createAgent(deps, {
        email: emailOf(agent),
        name: agent.name,
        role: agent.role,
        password: demoPassword,
        languages: agent.languages,
        skills: agent.skills,
        uiLanguage: agent.uiLanguage,
        teamIds: agent.teams.map((team) => teamIds.get(team)!),
      });
  return { agentId: created.id, role: created.role, teamIds: created.teamIds };
}

type SeededCustomer = { id: string; language: DemoCustomer['language'] };

async function ensureCustomers(deps: SeedDeps, now: Date, scale: number) {
  const byKey = new Map<string, SeededCustomer>();
  let createdCount = 0;
  for (const [index, customer] of demoCustomers.entries()) {
    const existingId =
      (customer.email && (await findCustomerIdByIdentity(deps.db, 'email', customer.email))) ||
      (customer.phone && (await findCustomerIdByIdentity(deps.db, 'phone', customer.phone))) ||
      undefined;
    let id = existingId;
    if (!id) {
      const created = await createCustomer(deps, {
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        identities: [],
        preferredLanguage: customer.language,
        organisation: customer.organisation,
        notes: customer.notes ?? '',
      });
      id = created.id;
      createdCount += 1;
      // Customers were with the shop before their first demo conversation.
      const since = (scale * daysPerCopy + 5 + ((index * 7) % 60)) * dayMs;
      await backdateCustomer(deps.db, id, new Date(now.getTime() - since));
    }
    byKey.set(customer.key, { id, language: customer.language });
  }
  return { byKey, createdCount };
}

type ConversationContext = {
  customer: SeededCustomer;
  teamIds: Map<TeamKey, string>;
  viewers: Map<AgentKey, Viewer>;
  now: Date;
  index: number;
  copy: number;
  autoCloseAfterDays: number;
};

/** Plays one demo conversation through the use cases; false when an earlier run already did. */
async function seedConversation(
  deps: SeedDeps,
  conversation: DemoConversation,
  context: ConversationContext,
) {
  const { customer, copy } = context;
  const seededBefore = await countConversationsWithSubject(deps.db, customer.id, conversation.subject);
  if (seededBefore > copy) return false;

  // Older copies of a solved conversation have been closed by the auto-close job by now.
  const status = copy > 0 && conversation.status === 'solved' ? 'closed' : conversation.status;
  const timeline = planDemoTimeline(conversation, { ...context, status });
  let moment = timeline.messageTimes[0]!;
  const clock: Clock = { now: () => moment };
  const at = { ...deps, clock };
  const assignee = conversation.assignee ? context.viewers.get(conversation.assignee) : undefined;
  const actor = () => {
    if (!assignee)
      throw new Error(`Demo conversation "${conversation.subject}" has agent work but no assignee`);
    return assignee;
  };

  const [opening, ...replies] = conversation.messages;
  if (opening?.author !== 'customer') {
    throw new Error(`Demo conversation "${conversation.subject}" must open with the customer's message`);
  }
  const { id } = await createConversation(at, {
    customer: { id: customer.id },
    subject: conversation.subject,
    message: { body: opening.body },
    priority: conversation.priority,
    channel: conversation.channel,
    language: customer.language,
    teamId: context.teamIds.get(conversation.team)!,
    assigneeId: assignee?.agentId,
    tags: conversation.tags,
  });
  let lastEventId = await backdateNewEvents(deps.db, id, 0, moment);

  for (const [offset, message] of replies.entries()) {
    moment = timeline.messageTimes[offset + 1]!;
    if (message.author === 'customer') {
      await addCustomerMessage(at, id, { body: message.body });
    } else {
      const visibility = message.author === 'note' ? 'internal' : 'public';
      await postAgentMessage(at, actor(), id, { body: message.body, visibility });
    }
    lastEventId = await backdateNewEvents(deps.db, id, lastEventId, moment);
  }

  if (status !== 'new') {
    moment = timeline.settledAt;
    await updateConversation(at, actor(), id, { status: status === 'closed' ? 'solved' : status });
    lastEventId = await backdateNewEvents(deps.db, id, lastEventId, moment);
  }
  if (timeline.closedAt) {
    moment = timeline.closedAt;
    await closeSolvedConversations(at);
    await backdateNewEvents(deps.db, id, lastEventId, moment);
  }
  return true;
}
