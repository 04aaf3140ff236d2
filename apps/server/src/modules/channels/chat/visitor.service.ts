import type { ChatMode, ChatState, QueueState } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { ChatVisitorRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { resolveCustomerByIdentity } from '../../customers/index.ts';
import { isChatOngoing, toChatMessage, toChatState, toVisitorProfile } from './chat.dto.ts';
import { identityNotConfigured, identityRefused } from './chat.errors.ts';
import {
  findChatHistory,
  findLatestChatView,
  findVisitor,
  findVisitorBySiteUser,
  insertVisitor,
  lockVisitor,
  touchVisitors,
  updateVisitor,
} from './chat.repository.ts';
import { type ChatQueueSnapshot, loadChatQueue } from './chat-queue.service.ts';
import { loadChatKeys, readChatSettings } from './chat-settings.service.ts';
import { sendChatSignal } from './chat-signals.ts';
import { isValidUserSignature, readVisitorToken, signVisitorToken } from './signatures.ts';

export type ChatDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'pool'>;

/** How many messages a reconnecting widget gets back; older ones stay with the agents. */
export const historyLimit = 200;

/**
 * The visitor behind a token, or a new visitor when the token is missing, forged or from a
 * database that no longer knows it. Answers the token the widget should keep.
 */
export async function connectVisitor(
  deps: ChatDeps,
  input: { token?: string; language?: string },
): Promise<{ visitor: ChatVisitorRow; token: string }> {
  const keys = await loadChatKeys(deps);
  const id = input.token ? readVisitorToken(keys.visitorToken, input.token) : null;
  let visitor = id ? await findVisitor(deps.db, id) : undefined;
  if (visitor) {
    await touchVisitors(deps.db, [visitor.id], deps.clock.now());
  } else {
    visitor = await insertVisitor(deps.db, { language: input.language ?? 'en' });
  }
  return { visitor, token: signVisitorToken(keys.visitorToken, visitor.id) };
}

export type VisitorState = {
  visitor: ChatVisitorRow;
  chat: ChatState | null;
  isChatOngoing: boolean;
  mode: ChatMode;
  queue: QueueState | null;
};

const ownerOf = (visitor: ChatVisitorRow) => ({
  visitorId: visitor.id,
  customerId: visitor.customer_id,
  isVerified: visitor.site_user_id !== null,
});

/** The visitor's latest chat (ongoing or not), if any. */
export function findCurrentChat(db: Queryable, visitor: ChatVisitorRow) {
  return findLatestChatView(db, ownerOf(visitor));
}

/** Everything a (re)connecting widget needs: profile, latest chat with history, mode and queue. */
export async function loadVisitorState(
  deps: ChatDeps,
  visitorId: string,
  currentQueue: () => Promise<ChatQueueSnapshot> = () => loadChatQueue(deps, deps.db),
): Promise<VisitorState | null> {
  const visitor = await findVisitor(deps.db, visitorId);
  if (!visitor) return null;
  const [keys, chat, history, queue] = await Promise.all([
    loadChatKeys(deps),
    findCurrentChat(deps.db, visitor),
    findChatHistory(deps.db, ownerOf(visitor), historyLimit),
    currentQueue(),
  ]);
  const messages = history.map((row) => toChatMessage(row, keys.uploadUrl));
  const isOngoing = chat ? isChatOngoing(chat) : false;
  return {
    visitor,
    chat: chat ? toChatState(chat, messages) : null,
    isChatOngoing: isOngoing,
    mode: queue.mode,
    queue: chat && isOngoing ? queue.queueStateOf(chat.conversation_id) : null,
  };
}

/** Pre-chat answers; each field only if given. Other tabs of the visitor are told. */
export async function updateVisitorProfile(
  deps: ChatDeps,
  visitorId: string,
  profile: { name?: string; email?: string; language?: string },
) {
  return deps.db.transaction().execute(async (tx) => {
    await updateVisitor(tx, visitorId, {
      ...(profile.name !== undefined ? { name: profile.name } : {}),
      ...(profile.email !== undefined ? { email: profile.email.toLowerCase() } : {}),
      ...(profile.language !== undefined ? { language: profile.language } : {}),
    });
    await sendChatSignal(tx, { kind: 'visitor', visitorId });
    return toVisitorProfile((await findVisitor(tx, visitorId))!);
  });
}

/**
 * A logged-in user of the site, vouched for by an HMAC of their id with the site's identity
 * secret. The visitor becomes that user (and their customer), so chats from their other devices
 * show here too. If this browser's visitor was already verified as someone else, the claim gets a
 * fresh visitor and token: one person's history never shows to the next user of a shared browser.
 */
export async function identifyVisitor(
  deps: ChatDeps,
  visitorId: string,
  claim: { userId: string; signature: string; name?: string; email?: string },
): Promise<{ visitorId: string; token: string }> {
  const settings = await readChatSettings(deps.db);
  if (!settings.identitySecret) throw identityNotConfigured();
  if (!isValidUserSignature(settings.identitySecret, claim.userId, claim.signature)) throw identityRefused();
  const keys = await loadChatKeys(deps);
  const identifiedId = await deps.db.transaction().execute(async (tx) => {
    let visitor = (await lockVisitor(tx, visitorId))!;
    if (visitor.site_user_id === claim.userId) return visitor.id;
    if (visitor.site_user_id !== null) {
      visitor = await insertVisitor(tx, { language: visitor.language });
    }
    const customer = await resolveCustomerByIdentity(
      tx,
      { kind: 'external', value: `site-user:${claim.userId}` },
      { name: claim.name, email: claim.email, preferredLanguage: visitor.language },
      deps.config,
    );
    // The user id is unique: their visitor on another device gives it up to this one.
    const previous = await findVisitorBySiteUser(tx, claim.userId);
    if (previous) await updateVisitor(tx, previous.id, { site_user_id: null });
    await updateVisitor(tx, visitor.id, {
      site_user_id: claim.userId,
      customer_id: customer.id,
      ...(claim.name ? { name: claim.name } : {}),
      ...(claim.email ? { email: claim.email.toLowerCase() } : {}),
    });
    return visitor.id;
  });
  return { visitorId: identifiedId, token: signVisitorToken(keys.visitorToken, identifiedId) };
}

/**
 * The customer a visitor's chats belong to, resolved once and remembered: the verified user's,
 * else the one with the visitor's email, else an anonymous one known by the visitor id.
 */
export async function ensureVisitorCustomer(deps: ChatDeps, visitorId: string): Promise<ChatVisitorRow> {
  return deps.db.transaction().execute(async (tx) => {
    const visitor = (await lockVisitor(tx, visitorId))!;
    if (visitor.customer_id) return visitor;
    const customer = await resolveCustomerByIdentity(
      tx,
      { kind: 'chat_visitor', value: visitor.id },
      {
        name: visitor.name || undefined,
        email: visitor.email ?? undefined,
        preferredLanguage: visitor.language,
      },
      deps.config,
    );
    await updateVisitor(tx, visitor.id, { customer_id: customer.id });
    return { ...visitor, customer_id: customer.id };
  });
}
