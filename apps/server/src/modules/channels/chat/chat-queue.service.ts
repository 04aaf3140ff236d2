import type { ChatMode, QueueState } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import { fitHandlingTime, fitPatience, type HandlingTimeModel, loadCalibration } from '../../eta/index.ts';
import { type BusinessCalendar, createCalendar, isOpen } from '../../sla/index.ts';
import {
  findRecentChatHandleSeconds,
  listActiveChatStarts,
  listAgentLoads,
  listRecentChatWaits,
  listWaitingChats,
} from './chat-queue.repository.ts';
import { readChatSettings } from './chat-settings.service.ts';
import { type ChatLine, type ChatWaitForecast, forecastChatWait } from './chat-wait.ts';

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
  /** The forecast behind a waiting chat's wait, to record as its promise; null as above. */
  forecastOf: (conversationId: string) => ChatWaitForecast | null;
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
export async function loadChatQueue(
  deps: Pick<Deps, 'clock' | 'db'>,
  db: Queryable,
): Promise<ChatQueueSnapshot> {
  const now = deps.clock.now();
  // Three queries at a time at most: the hub runs this on every change of the line, and claims
  // need two pooled connections of their own.
  const [settings, agents, waiting] = await Promise.all([
    readChatSettings(db),
    listAgentLoads(db),
    listWaitingChats(db),
  ]);
  const since = new Date(now.getTime() - historyDays * 86_400_000);
  const [history, activeChats, recentWaits] = await Promise.all([
    findRecentChatHandleSeconds(db, since, historyLimit),
    listActiveChatStarts(db),
    listRecentChatWaits(db, since, historyLimit),
  ]);
  const calibration = await loadCalibration(deps, { kind: 'conversations', queue: 'chat' });
  const online = agents.filter((agent) => agent.status === 'online');
  const capacity = online.reduce((sum, agent) => sum + agent.max_chats, 0);
  const line: ChatLine = {
    now: now.getTime(),
    agents: online.map((agent) => ({
      id: agent.agent_id,
      maxChats: agent.max_chats,
      languages: agent.languages,
      activeSince: activeChats
        .filter((chat) => chat.assignee_id === agent.agent_id)
        .map((chat) => new Date(chat.since).getTime()),
    })),
    waiting: waiting.map((chat) => ({ id: chat.conversation_id, language: chat.language })),
    handling: history.length >= minimumHistory ? fitHandlingTime(history) : defaultHandling,
    patience: fitPatience(recentWaits),
    calibration,
  };
  // One forecast per waiting chat, computed on first use: the widget asks for every one.
  const forecasts = new Map<string, ChatWaitForecast | null>();
  const forecastOf = (conversationId: string) => {
    if (!forecasts.has(conversationId))
      forecasts.set(conversationId, forecastChatWait(line, { kind: 'waiting', conversationId }));
    return forecasts.get(conversationId)!;
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
      ? {
          mode: 'online',
          reason,
          wait: forecastChatWait(line, { kind: 'new', language: null })?.wait ?? null,
        }
      : { mode: 'offline', reason, wait: null };
  const positions = new Map(waiting.map((chat, index) => [chat.conversation_id, index]));
  return {
    mode,
    waiting,
    agents,
    queueStateOf: (conversationId) => {
      const index = positions.get(conversationId);
      return index === undefined
        ? null
        : { position: index + 1, wait: forecastOf(conversationId)?.wait ?? null };
    },
    forecastOf: (conversationId) => (positions.has(conversationId) ? forecastOf(conversationId) : null),
  };
}

/** The chat's public ETA: the wait of someone starting a chat now, or closed (offline). */
export async function currentChatEta(deps: Pick<Deps, 'clock' | 'db'>) {
  const { mode } = await loadChatQueue(deps, deps.db);
  return mode.mode === 'online' && mode.wait
    ? { p50Seconds: mode.wait.p50Seconds, p90Seconds: mode.wait.p90Seconds, open: true }
    : { p50Seconds: null, p90Seconds: null, open: false };
}
