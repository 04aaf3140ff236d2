import { isChatOngoing, toChatMessage } from './chat.dto.ts';
import { chatNotFound, noEmailForTranscript, nothingToTranscribe } from './chat.errors.ts';
import {
  advanceReadMark,
  findChatHistory,
  findVisibleMessage,
  findVisitor,
  updateChat,
  updateVisitor,
} from './chat.repository.ts';
import { loadChatKeys } from './chat-settings.service.ts';
import { sendChatSignal } from './chat-signals.ts';
import { queueCustomerEmail } from './customer-email.ts';
import { textsFor, toSupportedLanguage } from './customer-texts.ts';
import { type ChatDeps, findCurrentChat, historyLimit } from './visitor.service.ts';

/** What the visitor does besides writing: the page they are on, typing, reading, leaving. */

async function loadOngoingChat(deps: ChatDeps, visitorId: string) {
  const visitor = await findVisitor(deps.db, visitorId);
  const chat = visitor ? await findCurrentChat(deps.db, visitor) : undefined;
  return visitor && chat && isChatOngoing(chat) ? { visitor, chat } : null;
}

/** The page the visitor is on, shown to the agent; sent by the widget on load and navigation. */
export async function setVisitorPage(
  deps: ChatDeps,
  visitorId: string,
  page: { url: string; title: string },
) {
  await deps.db.transaction().execute(async (tx) => {
    await updateVisitor(tx, visitorId, {
      page_url: page.url,
      page_title: page.title,
      last_seen_at: deps.clock.now(),
    });
    const visitor = (await findVisitor(tx, visitorId))!;
    const chat = await findCurrentChat(tx, visitor);
    if (chat && isChatOngoing(chat)) {
      await sendChatSignal(tx, { kind: 'page', conversationId: chat.conversation_id, ...page });
    }
  });
}

/** Typing is never stored: it only travels to the agents on the chat's instance(s). */
export async function setVisitorTyping(deps: ChatDeps, visitorId: string, isTyping: boolean) {
  const ongoing = await loadOngoingChat(deps, visitorId);
  if (!ongoing) return;
  await sendChatSignal(deps.db, {
    kind: 'typing',
    conversationId: ongoing.chat.conversation_id,
    side: 'visitor',
    isTyping,
  });
}

/**
 * The visitor saw everything up to `messageId` (in their latest chat). Read marks only move
 * forward, so a late "read" from a slow tab never un-reads newer messages.
 */
export async function markReadByVisitor(deps: ChatDeps, visitorId: string, messageId: string) {
  const visitor = await findVisitor(deps.db, visitorId);
  const chat = visitor ? await findCurrentChat(deps.db, visitor) : undefined;
  const message = await findVisibleMessage(deps.db, messageId);
  if (!chat || !message || message.conversation_id !== chat.conversation_id) throw chatNotFound();
  const readAt = new Date(message.created_at);
  await deps.db.transaction().execute(async (tx) => {
    await advanceReadMark(tx, chat.conversation_id, 'visitor', readAt);
    await sendChatSignal(tx, {
      kind: 'read',
      conversationId: chat.conversation_id,
      side: 'visitor',
      at: readAt.toISOString(),
    });
  });
}

/** The visitor closed the chat: it leaves the queue (or frees the agent's slot). */
export async function endChatByVisitor(deps: ChatDeps, visitorId: string) {
  const ongoing = await loadOngoingChat(deps, visitorId);
  if (!ongoing) return null;
  const endedAt = deps.clock.now();
  const conversationId = ongoing.chat.conversation_id;
  await deps.db.transaction().execute(async (tx) => {
    await updateChat(tx, conversationId, { ended_at: endedAt, ended_by: 'visitor' });
    await sendChatSignal(tx, { kind: 'ended', conversationId, by: 'visitor' });
    await sendChatSignal(tx, { kind: 'queue' });
  });
  return { endedAt: endedAt.toISOString() };
}

/** Queues the transcript of the visitor's latest chat to their address (or the one given). */
export async function requestTranscript(deps: ChatDeps, visitorId: string, email: string | undefined) {
  const visitor = (await findVisitor(deps.db, visitorId))!;
  const to = email ?? visitor.email;
  if (!to) throw noEmailForTranscript();
  const chat = await findCurrentChat(deps.db, visitor);
  if (!chat) throw nothingToTranscribe();
  const keys = await loadChatKeys(deps);
  const language = toSupportedLanguage(visitor.language);
  const texts = textsFor(language);
  const history = await findChatHistory(
    deps.db,
    { visitorId, customerId: visitor.customer_id, isVerified: visitor.site_user_id !== null },
    historyLimit,
  );
  const timeFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const lines = history
    .filter((row) => row.conversation_id === chat.conversation_id)
    .map((row) => toChatMessage(row, keys.uploadUrl))
    .map((message) => {
      const author = message.author === 'visitor' ? texts.you : (message.agent?.name ?? texts.agent);
      const files = message.attachments.map((file) => `  ${texts.attachment}: ${file.name}`);
      return [
        `[${timeFormat.format(new Date(message.createdAt))} UTC] ${author}: ${message.body}`,
        ...files,
      ].join('\n');
    });
  await queueCustomerEmail(
    deps.db,
    {
      kind: 'chat_transcript',
      to,
      subject: texts.transcriptSubject(chat.reference),
      text: [texts.transcriptIntro(chat.reference), '', ...lines].join('\n'),
      language,
      conversationId: chat.conversation_id,
      reference: chat.reference,
    },
    `chat-transcript:${chat.conversation_id}:${to}`,
  );
  return { email: to };
}
