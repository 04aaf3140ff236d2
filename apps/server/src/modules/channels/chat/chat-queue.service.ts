import type { ChatMode, QueueState } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { type BusinessCalendar, createCalendar, isOpen } from '../../sla/index.ts';
import { findMeanChatHandleSeconds, listAgentLoads, listWaitingChats } from './chat-queue.repository.ts';
import { readChatSettings } from './chat-settings.service.ts';
import { estimateChatWait } from './chat-wait.ts';

/** Without enough history a chat is assumed to take this long (seconds). */
const defaultHandleSeconds = 8 * 60;
const historyDays = 14;
const minimumHistory = 5;

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
 * online), who waits in which order, and the expected wait of each. The wait for position `i`
 * comes from `estimateChatWait`, the single point the ETA engine will take over.
 */
export async function loadChatQueue(deps: Pick<Deps, 'clock'>, db: Queryable): Promise<ChatQueueSnapshot> {
  const now = deps.clock.now();
  const [settings, agents, waiting, meanHandle] = await Promise.all([
    readChatSettings(db),
    listAgentLoads(db),
    listWaitingChats(db),
    findMeanChatHandleSeconds(db, new Date(now.getTime() - historyDays * 86_400_000), minimumHistory),
  ]);
  const online = agents.filter((agent) => agent.status === 'online');
  const capacity = online.reduce((sum, agent) => sum + agent.max_chats, 0);
  const freeSlots = online.reduce((sum, agent) => sum + Math.max(0, agent.max_chats - agent.active_chats), 0);
  const waitAt = (ahead: number) =>
    estimateChatWait({ ahead, capacity, freeSlots, meanHandleSeconds: meanHandle ?? defaultHandleSeconds });

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
