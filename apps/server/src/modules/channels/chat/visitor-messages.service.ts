import type { ChatMessage, OfflineRequestBody, RequestConfirmation } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { ChatUploadRow, ChatVisitorRow } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { addCustomerMessage, createConversation } from '../../conversations/index.ts';
import { resolveCustomer } from '../../customers/index.ts';
import { recordPromise } from '../../eta/index.ts';
import { type ChatMessageMetadata, isChatOngoing, toChatAttachment, toChatMessage } from './chat.dto.ts';
import { emptyMessage, unknownAttachment } from './chat.errors.ts';
import {
  findConversationOfExternalMessage,
  findConversationReference,
  findVisibleMessageByExternalId,
  findVisitor,
  insertChat,
  linkUploads,
  lockUnsentUploads,
  lockVisitor,
  updateVisitor,
} from './chat.repository.ts';
import { loadChatQueue } from './chat-queue.service.ts';
import { loadChatKeys } from './chat-settings.service.ts';
import { sendChatSignal } from './chat-signals.ts';
import { withTwoConnections } from './connection-slots.ts';
import { queueCustomerEmail } from './customer-email.ts';
import { textsFor, toSupportedLanguage } from './customer-texts.ts';
import { promiseWrittenResponse } from './response-time.ts';
import { type ChatDeps, ensureVisitorCustomer, findCurrentChat } from './visitor.service.ts';

export type VisitorMessageInput = { clientId: string; body: string; attachmentIds: string[] };
export type SentMessage = {
  message: ChatMessage;
  conversationId: string;
  isNewChat: boolean;
  isDuplicate: boolean;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Body for agents and search: the words, then one line per file; HTML with download links. */
export function composeBody(text: string, uploads: Pick<ChatUploadRow, 'id' | 'file_name' | 'size_bytes'>[]) {
  if (uploads.length === 0) return { bodyText: text, bodyHtml: null };
  const lines = uploads.map((upload) => `[${upload.file_name}]`);
  const links = uploads.map(
    (upload) =>
      `<li><a href="/api/v1/chats/uploads/${upload.id}">${escapeHtml(upload.file_name)}</a> (${Math.max(1, Math.round(upload.size_bytes / 1024))} KB)</li>`,
  );
  return {
    bodyText: [text, ...lines].filter(Boolean).join('\n'),
    bodyHtml: `${text ? `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>` : ''}<ul>${links.join('')}</ul>`,
  };
}

/** The visitor's own uploads that are unsent, or already in `conversationId` (a re-send after a crash). */
async function claimUploads(db: Queryable, visitorId: string, ids: string[], conversationId: string | null) {
  const unique = [...new Set(ids)];
  const uploads = await lockUnsentUploads(db, unique, { by: 'visitor', visitorId }, conversationId);
  if (uploads.length !== unique.length) throw unknownAttachment();
  return unique.map((id) => uploads.find((upload) => upload.id === id)!);
}

function metadataOf(clientId: string, text: string, uploads: ChatUploadRow[]): ChatMessageMetadata {
  return {
    clientId,
    text,
    attachments: uploads.map((upload) => ({
      id: upload.id,
      name: upload.file_name,
      contentType: upload.content_type,
      sizeBytes: upload.size_bytes,
    })),
  };
}

const subjectOf = (text: string, uploads: ChatUploadRow[]) =>
  (text.split('\n')[0] ?? '').slice(0, 80) || uploads[0]?.file_name || 'Chat';

/** The id the message is stored under: client ids are only unique per visitor. */
const externalIdOf = (visitorId: string, clientId: string) => `${visitorId}:${clientId}`;

/**
 * A visitor's message. The first one (or the first after a chat ended) opens a chat: a
 * conversation with channel `chat` in the queue. Stored exactly once per client id: a re-send
 * after a lost ack answers the stored message, and only then does the widget forget its copy.
 */
export async function sendVisitorMessage(
  deps: ChatDeps,
  visitorId: string,
  input: VisitorMessageInput,
): Promise<SentMessage> {
  const text = input.body.trim();
  if (!text && input.attachmentIds.length === 0) throw emptyMessage();
  const keys = await loadChatKeys(deps);
  const externalId = externalIdOf(visitorId, input.clientId);
  const stored = await findVisibleMessageByExternalId(deps.db, 'chat', externalId);
  if (stored) {
    return {
      message: toChatMessage(stored, keys.uploadUrl),
      conversationId: stored.conversation_id,
      isNewChat: false,
      isDuplicate: true,
    };
  }
  const visitor = (await findVisitor(deps.db, visitorId))!;
  const current = await findCurrentChat(deps.db, visitor);
  if (current && isChatOngoing(current)) {
    try {
      return await appendToChat(deps, keys.uploadUrl, visitorId, current.conversation_id, input, text);
    } catch (error) {
      // Closed or merged a moment ago: the message opens a new chat instead.
      if (!(error instanceof AppError) || error.status !== 409) throw error;
    }
  }
  return startChat(deps, keys.uploadUrl, visitorId, input, text);
}

async function appendToChat(
  deps: ChatDeps,
  uploadKey: Buffer,
  visitorId: string,
  conversationId: string,
  input: VisitorMessageInput,
  text: string,
): Promise<SentMessage> {
  // Most messages carry no file: no transaction for nothing (this runs for every message).
  const uploads =
    input.attachmentIds.length === 0
      ? []
      : await deps.db.transaction().execute(async (tx) => {
          const claimed = await claimUploads(tx, visitorId, input.attachmentIds, conversationId);
          await linkUploads(tx, input.attachmentIds, conversationId);
          return claimed;
        });
  const body = composeBody(text, uploads);
  const metadata = metadataOf(input.clientId, text, uploads);
  const { message, isDuplicate } = await addCustomerMessage(deps, conversationId, {
    body: body.bodyText,
    bodyHtml: body.bodyHtml,
    externalId: externalIdOf(visitorId, input.clientId),
    metadata,
    channel: 'chat',
  });
  return {
    message: {
      id: message.id,
      clientId: input.clientId,
      author: 'visitor',
      agent: null,
      body: text,
      attachments: (metadata.attachments ?? []).map((upload) => toChatAttachment(uploadKey, upload)),
      createdAt: message.createdAt,
    },
    conversationId,
    isNewChat: false,
    isDuplicate,
  };
}

/**
 * Opens the chat under the visitor's row lock, so two tabs sending at once make one chat. The
 * conversation commits first (its own transaction); if we die before the chat row commits, the
 * widget's re-send finds the conversation by the message's id and finishes the link.
 */
async function startChat(
  deps: ChatDeps,
  uploadKey: Buffer,
  visitorId: string,
  input: VisitorMessageInput,
  text: string,
): Promise<SentMessage> {
  const visitor = await ensureVisitorCustomer(deps, visitorId);
  const externalId = externalIdOf(visitorId, input.clientId);
  const started = await withTwoConnections(deps.pool, () =>
    deps.db.transaction().execute(async (tx) => {
      await lockVisitor(tx, visitorId);
      const committed = await findConversationOfExternalMessage(tx, 'chat', externalId);
      if (committed) {
        await insertChat(tx, { conversation_id: committed, visitor_id: visitorId });
        return { conversationId: committed, isNew: false };
      }
      const current = await findCurrentChat(tx, visitor);
      if (current && isChatOngoing(current))
        return { conversationId: current.conversation_id, isNew: false, isRace: true };
      const uploads = await claimUploads(tx, visitorId, input.attachmentIds, null);
      const body = composeBody(text, uploads);
      const conversation = await createConversation(deps, {
        customer: { id: visitor.customer_id! },
        subject: subjectOf(text, uploads),
        channel: 'chat',
        language: visitor.language,
        isLanguageGuessed: true,
        message: {
          body: body.bodyText,
          bodyHtml: body.bodyHtml,
          externalId,
          metadata: metadataOf(input.clientId, text, uploads),
        },
      });
      await insertChat(tx, { conversation_id: conversation.id, visitor_id: visitorId });
      await linkUploads(tx, input.attachmentIds, conversation.id);
      // The wait the widget shows as the chat starts is a promise, checked at the agent's first reply.
      const forecast = (await loadChatQueue(deps, tx)).forecastOf(conversation.id);
      if (forecast) {
        await recordPromise(tx, {
          conversationId: conversation.id,
          channel: 'chat',
          queue: 'chat',
          teamId: conversation.teamId,
          ...forecast.wait,
          forecast: forecast.raw,
          promisedAt: deps.clock.now(),
        });
      }
      await sendChatSignal(tx, { kind: 'queue' });
      await sendChatSignal(tx, { kind: 'visitor', visitorId });
      return { conversationId: conversation.id, isNew: true };
    }),
  );
  if ('isRace' in started)
    return appendToChat(deps, uploadKey, visitorId, started.conversationId, input, text);
  const message = (await findVisibleMessageByExternalId(deps.db, 'chat', externalId))!;
  return {
    message: toChatMessage(message, uploadKey),
    conversationId: started.conversationId,
    isNewChat: started.isNew,
    isDuplicate: !started.isNew,
  };
}

/**
 * A request left in the widget while nobody can chat: a conversation answered by email (never
 * queued for a live agent), with "we received your request" queued to the visitor's address.
 * A re-sent request (same client id) answers the first one.
 */
export async function createOfflineRequest(
  deps: ChatDeps,
  visitorId: string,
  input: OfflineRequestBody,
): Promise<RequestConfirmation> {
  const language = input.language ?? (await findVisitor(deps.db, visitorId))?.language ?? 'en';
  const externalId = externalIdOf(visitorId, input.clientId);
  const written = await promiseWrittenResponse(deps, {
    channel: 'chat',
    language: toSupportedLanguage(language),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  const answer = { expectedResponse: written.expected, expectedResponseText: written.text };
  return withTwoConnections(deps.pool, () =>
    deps.db.transaction().execute(async (tx) => {
      const visitor: ChatVisitorRow = (await lockVisitor(tx, visitorId))!;
      const committed = await findConversationOfExternalMessage(tx, 'chat', externalId);
      if (committed) return { reference: await findConversationReference(tx, committed), ...answer };
      const uploads = await claimUploads(tx, visitorId, input.attachmentIds, null);
      const body = composeBody(input.message, uploads);
      const conversation = await createConversation(deps, {
        customer: { email: input.email, name: input.name, preferredLanguage: language },
        subject: subjectOf(input.message, uploads),
        channel: 'chat',
        language,
        isLanguageGuessed: true,
        tags: ['offline-request'],
        message: {
          body: body.bodyText,
          bodyHtml: body.bodyHtml,
          externalId,
          metadata: metadataOf(input.clientId, input.message, uploads),
        },
      });
      await insertChat(tx, {
        conversation_id: conversation.id,
        visitor_id: visitorId,
        is_offline_request: true,
      });
      await linkUploads(tx, input.attachmentIds, conversation.id);
      await recordPromise(tx, {
        conversationId: conversation.id,
        channel: 'chat',
        teamId: conversation.teamId,
        ...written.promise,
        promisedAt: deps.clock.now(),
      });
      const customer = await resolveCustomer(tx, { id: conversation.customer.id });
      await updateVisitor(tx, visitorId, {
        name: input.name,
        email: input.email.toLowerCase(),
        language,
        ...(visitor.customer_id ? {} : { customer_id: customer.id }),
      });
      const texts = textsFor(toSupportedLanguage(language));
      await queueCustomerEmail(
        tx,
        {
          kind: 'request_received',
          to: input.email,
          subject: texts.requestSubject(conversation.reference),
          text: texts.requestBody(input.name, conversation.reference, written.text),
          language,
          conversationId: conversation.id,
          reference: conversation.reference,
        },
        `request-received:${conversation.id}`,
      );
      return { reference: conversation.reference, ...answer };
    }),
  );
}
