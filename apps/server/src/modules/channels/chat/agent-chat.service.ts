import type {
  AgentAvailability,
  AgentChatInfo,
  AvailabilityStatus,
  ChatQueue,
  ConversationSummary,
} from '@frontline/contracts';
import type { Deps } from '../../../deps.ts';
import type { Principal } from '../../../platform/http.ts';
import { getAgent } from '../../agents/index.ts';
import {
  canSeeConversation,
  loadViewer,
  updateConversation,
  type Viewer,
} from '../../conversations/index.ts';
import { chatAlreadyClaimed, chatLimitReached, notAChat } from './chat.errors.ts';
import {
  advanceReadMark,
  type ChatView,
  findChatView,
  findVisibleMessage,
  lockChat,
} from './chat.repository.ts';
import {
  countActiveChatsOf,
  findAvailability,
  lockAvailability,
  upsertAvailability,
} from './chat-queue.repository.ts';
import { loadChatQueue } from './chat-queue.service.ts';
import { readChatSettings } from './chat-settings.service.ts';
import { sendChatSignal } from './chat-signals.ts';
import { withTwoConnections } from './connection-slots.ts';

type AgentDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
/** A widget refreshes `last_seen_at` every 25 s while connected. */
const onlineWindowMs = 60_000;

export async function getAvailability(deps: Pick<Deps, 'db'>, agentId: string): Promise<AgentAvailability> {
  const [row, settings, activeChats] = await Promise.all([
    findAvailability(deps.db, agentId),
    readChatSettings(deps.db),
    countActiveChatsOf(deps.db, agentId),
  ]);
  return {
    agentId,
    status: row?.status ?? 'offline',
    maxChats: row?.max_chats ?? settings.defaultMaxChats,
    activeChats,
  };
}

/** Online, away or offline; the widget's mode and every waiting visitor's wait follow at once. */
export async function setAvailability(deps: AgentDeps, agentId: string, status: AvailabilityStatus) {
  const settings = await readChatSettings(deps.db);
  await deps.db.transaction().execute(async (tx) => {
    await upsertAvailability(
      tx,
      agentId,
      { status },
      { max_chats: settings.defaultMaxChats },
      deps.clock.now(),
    );
    await sendChatSignal(tx, { kind: 'queue' });
  });
  return getAvailability(deps, agentId);
}

/** A supervisor sets how many chats an agent may hold at once. */
export async function setChatLimit(deps: AgentDeps, agentId: string, maxChats: number) {
  await getAgent(deps, agentId);
  await deps.db.transaction().execute(async (tx) => {
    await upsertAvailability(tx, agentId, { max_chats: maxChats }, { max_chats: maxChats }, deps.clock.now());
    await sendChatSignal(tx, { kind: 'queue' });
  });
  return getAvailability(deps, agentId);
}

async function loadVisibleChat(deps: AgentDeps, viewer: Viewer, conversationId: string): Promise<ChatView> {
  const chat = await findChatView(deps.db, conversationId);
  if (!chat || !canSeeConversation(viewer, { teamId: chat.team_id, assigneeId: chat.assignee_id }))
    throw notAChat();
  return chat;
}

/**
 * The agent takes a waiting chat. Refused when another agent was first (409 chat.already_claimed)
 * or when the agent already holds their limit of chats (409 chat.limit_reached). Claims by one
 * agent queue on their availability row and claims of one chat on its chat row, so neither two
 * quick clicks nor two agents can get past the checks together. Claiming a chat one holds is a no-op.
 */
export async function claimChat(
  deps: AgentDeps,
  principal: Principal,
  conversationId: string,
): Promise<ConversationSummary> {
  const viewer = await loadViewer(deps, principal);
  await loadVisibleChat(deps, viewer, conversationId);
  const settings = await readChatSettings(deps.db);
  return withTwoConnections(deps.pool, () =>
    deps.db.transaction().execute(async (tx) => {
      const availability = await lockAvailability(tx, viewer.agentId, {
        max_chats: settings.defaultMaxChats,
      });
      await lockChat(tx, conversationId);
      const chat = (await findChatView(tx, conversationId))!;
      if (chat.assignee_id !== null && chat.assignee_id !== viewer.agentId) throw chatAlreadyClaimed();
      if (chat.assignee_id === null) {
        const activeChats = await countActiveChatsOf(tx, viewer.agentId);
        if (activeChats >= availability.max_chats) throw chatLimitReached(availability.max_chats);
      }
      // The assignment is the conversations module's own transaction; ours holds the locks until it commits.
      const summary = await updateConversation(deps, viewer, conversationId, {
        assigneeId: viewer.agentId,
        ...(chat.status === 'new' ? { status: 'open' as const } : {}),
      });
      await sendChatSignal(tx, { kind: 'queue' });
      return summary;
    }),
  );
}

export async function getChatInfo(
  deps: AgentDeps,
  principal: Principal,
  conversationId: string,
): Promise<AgentChatInfo> {
  const chat = await loadVisibleChat(deps, await loadViewer(deps, principal), conversationId);
  return {
    conversationId: chat.conversation_id,
    visitor: {
      id: chat.visitor_id,
      name: chat.visitor_name,
      email: chat.visitor_email,
      language: chat.visitor_language,
      isVerified: chat.site_user_id !== null,
      isOnline: deps.clock.now().getTime() - new Date(chat.last_seen_at).getTime() < onlineWindowMs,
      pageUrl: chat.page_url,
      pageTitle: chat.page_title,
      lastSeenAt: iso(chat.last_seen_at),
    },
    isOfflineRequest: chat.is_offline_request,
    visitorReadAt: isoOrNull(chat.visitor_read_at),
    agentReadAt: isoOrNull(chat.agent_read_at),
    endedAt: isoOrNull(chat.ended_at),
    endedBy: chat.ended_by,
  };
}

/** Waiting chats the agent may see, in queue order, with the mode and the online agents' load. */
export async function getChatQueue(deps: AgentDeps, principal: Principal): Promise<ChatQueue> {
  const viewer = await loadViewer(deps, principal);
  const queue = await loadChatQueue(deps, deps.db);
  return {
    items: queue.waiting
      .map((chat, index) => ({ chat, position: index + 1 }))
      .filter(({ chat }) => canSeeConversation(viewer, { teamId: chat.team_id, assigneeId: null }))
      .map(({ chat, position }) => ({
        conversationId: chat.conversation_id,
        reference: chat.reference,
        position,
        visitorName: chat.visitor_name,
        language: chat.language,
        pageUrl: chat.page_url,
        preview: chat.preview,
        waitingSince: iso(chat.waiting_since ?? chat.created_at),
      })),
    mode: queue.mode,
    agents: queue.agents.map((agent) => ({
      agentId: agent.agent_id,
      name: agent.name,
      status: agent.status,
      maxChats: agent.max_chats,
      activeChats: agent.active_chats,
    })),
  };
}

/** The agent has seen the chat up to `messageId`; the visitor sees "read". */
export async function markReadByAgent(
  deps: AgentDeps,
  principal: Principal,
  conversationId: string,
  messageId: string,
) {
  await loadVisibleChat(deps, await loadViewer(deps, principal), conversationId);
  const message = await findVisibleMessage(deps.db, messageId);
  if (!message || message.conversation_id !== conversationId) throw notAChat();
  const readAt = new Date(message.created_at);
  await deps.db.transaction().execute(async (tx) => {
    await advanceReadMark(tx, conversationId, 'agent', readAt);
    await sendChatSignal(tx, { kind: 'read', conversationId, side: 'agent', at: readAt.toISOString() });
  });
}

/** Shows the visitor that this agent is (or stopped) typing; nothing is stored. */
export async function setAgentTyping(
  deps: AgentDeps,
  principal: Principal,
  conversationId: string,
  isTyping: boolean,
) {
  await loadVisibleChat(deps, await loadViewer(deps, principal), conversationId);
  const agent = await getAgent(deps, principal.agentId);
  await sendChatSignal(deps.db, {
    kind: 'typing',
    conversationId,
    side: 'agent',
    isTyping,
    agent: { id: agent.id, name: agent.name },
  });
}
