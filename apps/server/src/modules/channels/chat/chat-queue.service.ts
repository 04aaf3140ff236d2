import type { ChatMode, QueueState } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { fitHandlingTime, type HandlingTimeModel } from '../../eta/index.ts';
import { type BusinessCalendar, createCalendar, isOpen } from '../../sla/index.ts';
import {
  findRecentChatHandleSeconds,
  listActiveChatStarts,
  listAgentLoads,
  listWaitingChats,
} from './chat-queue.repository.ts';
import { readChatSettings } from './chat-settings.service.ts';
import { forecastChatWait } from './chat-wait.ts';

/** Without enough history a chat is assumed to take this long (seconds), exponentially distributed. */
const defaultHandling: HandlingTimeModel = { kind: 'exponential', meanSeconds: 8 * 60 };
const historyDays = 14;
const minimumHistory = 5;
/** The most recent chats the handling-time model is fitted from. */
const historyLimit = 500;

export type ChatQueueSnapshot = {
  mode: ChatMode;
  waiting: Awaited<ReturnType<typeof listWaitingChats>>;
  agents: Awaited<ReturnType<typeof listAgentLoads>>;
  /** Position and wait of a waiting chat; null if it is not waiting. */
  queueStateOf: (conversationId: string) => QueueState | null;
};

const calendars = new Map<string, BusinessCalendar>();

function calendarOf(definition: NonNullable<Awaited<ReturnType<typeof readChatSettings>>['businessHours']>) {
  const cacheKey = JSON.stringify(definition);
  let calendar = calendars.get(cacheKey);
  if (!calendar) {
    calendar = createCalendar({ ...definition, holidays: definition.holidays ?? null });
    if (calendars.size > 20) calendars.clear();
    calendars.set(cacheKey, calendar);
  }
  return calendar;
}

/**
 * The chat queue as it stands: whether chat is offered at all (enabled, business hours, an agent
 * online), who waits in which order, and the expected wait of each, forecast by the ETA engine
 * (`forecastChatWait`) from the online agents' slots, their chats in progress and recent handling times.
 */
export async function loadChatQueue(deps: Pick<Deps, 'clock'>, db: Queryable): Promise<ChatQueueSnapshot> {
  const now = deps.clock.now();
  // Three queries at a time at most: the hub runs this on every change of the line, and claims
  // need two pooled connections of their own.
  const [settings, agents, waiting] = await Promise.all([
    readChatSettings(db),
    listAgentLoads(db),
    listWaitingChats(db),
  ]);
  const [history, activeChats] = await Promise.all([
    findRecentChatHandleSeconds(db, new Date(now.getTime() - historyDays * 86_400_000), historyLimit),
    listActiveChatStarts(db),
  ]);
  const online = agents.filter((agent) => agent.status === 'online');
  const capacity = online.reduce((sum, agent) => sum + agent.max_chats, 0);
  const line = {
    now: now.getTime(),
    agents: online.map((agent) => ({
      id: agent.agent_id,
      maxChats: agent.max_chats,
      activeSince: activeChats
        .filter((chat) => chat.assignee_id === agent.agent_id)
        .map((chat) => new Date(chat.since).getTime()),
    })),
    handling: history.length >= minimumHistory ? fitHandlingTime(history) : defaultHandling,
  };
  // One forecast per position, computed on first use: the widget asks for every waiting chat.
  const waits = new Map<number, ReturnType<typeof forecastChatWait>>();
  const waitAt = (ahead: number) => {
    if (!waits.has(ahead)) waits.set(ahead, forecastChatWait(line, ahead));
    return waits.get(ahead)!;
  };

  const reason: ChatMode['reason'] = !settings.isEnabled
    ? 'disabled'
    : settings.businessHours && !isOpen(calendarOf(settings.businessHours), now)
      ? 'closed'
      : capacity === 0
        ? 'no_agents'
        : 'open';
  const mode: ChatMode =
    reason === 'open'
      ? { mode: 'online', reason, wait: waitAt(waiting.length) }
      : { mode: 'offline', reason, wait: null };
  const positions = new Map(waiting.map((chat, index) => [chat.conversation_id, index]));
  return {
    mode,
    waiting,
    agents,
    queueStateOf: (conversationId) => {
      const index = positions.get(conversationId);
      return index === undefined ? null : { position: index + 1, wait: waitAt(index) };
    },
  };
}

/** The chat's public ETA: the wait of someone starting a chat now, or closed (offline). */
export async function currentChatEta(deps: Pick<Deps, 'clock' | 'db'>) {
  const { mode } = await loadChatQueue(deps, deps.db);
  return mode.mode === 'online' && mode.wait
    ? { p50Seconds: mode.wait.p50Seconds, p90Seconds: mode.wait.p90Seconds, open: true }
    : { p50Seconds: null, p90Seconds: null, open: false };
}
