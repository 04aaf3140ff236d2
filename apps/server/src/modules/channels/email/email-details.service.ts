import type { EmailMessageDetail } from '@frontline/contracts';
import type { EmailMessageRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import { canSeeConversation, loadViewer } from '../../conversations/index.ts';
import type { EmailAuthentication } from './authentication.ts';
import {
  findAttachment,
  findConversationPlacement,
  findMessagePlacement,
  findRawOf,
  listAttachmentsOf,
  listEmailDetailsOf,
} from './email-details.repository.ts';
import { blobPath } from './file-store.ts';

type DetailDeps = Pick<Deps, 'db' | 'config'>;
type Address = { address: string; name: string };

const conversationNotFound = () => notFound('conversations.not_found', 'No such conversation');
const emailNotFound = () => notFound('email.not_found', 'No such email or attachment');

async function assertMaySee(
  deps: DetailDeps,
  principal: Principal,
  placement: { team_id: string | null; assignee_id: string | null } | undefined,
) {
  if (!placement) return false;
  const viewer = await loadViewer(deps, principal);
  return canSeeConversation(viewer, { teamId: placement.team_id, assigneeId: placement.assignee_id });
}

function toDetail(
  row: EmailMessageRow,
  attachments: Awaited<ReturnType<typeof listAttachmentsOf>>,
): EmailMessageDetail {
  const authentication = row.authentication as EmailAuthentication | null;
  return {
    messageId: row.message_id,
    mailboxId: row.mailbox_id,
    rfcMessageId: row.rfc_message_id,
    from: row.from_address ? { address: row.from_address, name: row.from_name } : null,
    to: (row.to_addresses as Address[]) ?? [],
    cc: (row.cc_addresses as Address[]) ?? [],
    replyTo: (row.reply_to_addresses as Address[]) ?? [],
    subject: row.subject,
    kind: row.kind,
    kindReason: row.kind_reason,
    authentication,
    isSuspicious: row.is_suspicious,
    threadedBy: row.threaded_by,
    fullText: row.full_text,
    attachments: attachments
      .filter((attachment) => attachment.message_id === row.message_id)
      .map((attachment) => ({
        id: attachment.id,
        filename: attachment.filename,
        contentType: attachment.content_type,
        size: attachment.size_bytes,
        contentId: attachment.content_id,
        isInline: attachment.is_inline,
        url: `/api/v1/email-messages/${row.message_id}/attachments/${attachment.id}`,
      })),
    originalUrl: row.raw_sha256 ? `/api/v1/email-messages/${row.message_id}/original` : null,
    delivery: row.delivery_status
      ? {
          status: row.delivery_status,
          attempts: row.delivery_attempts,
          error: row.delivery_error,
          sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
        }
      : null,
  };
}

/**
 * The email side of every message in a conversation: sender, recipients, CC, authentication,
 * the full text, attachments, the original, and for our mail its delivery. 404 when the agent
 * may not see the conversation, as for the conversation itself.
 */
export async function listEmailDetails(deps: DetailDeps, principal: Principal, conversationId: string) {
  const placement = await findConversationPlacement(deps.db, conversationId);
  if (!(await assertMaySee(deps, principal, placement))) throw conversationNotFound();
  const rows = await listEmailDetailsOf(deps.db, conversationId);
  const attachments = await listAttachmentsOf(
    deps.db,
    rows.map((row) => row.message_id),
  );
  return rows.map((row) => toDetail(row, attachments));
}

export type StoredFile = { path: string; contentType: string; filename: string; size: number };

export async function openOriginal(
  deps: DetailDeps,
  principal: Principal,
  messageId: string,
): Promise<StoredFile> {
  if (!(await assertMaySee(deps, principal, await findMessagePlacement(deps.db, messageId))))
    throw emailNotFound();
  const raw = await findRawOf(deps.db, messageId);
  if (!raw?.raw_sha256) throw emailNotFound();
  return {
    path: blobPath(deps.config.dataDir, raw.raw_sha256),
    contentType: 'message/rfc822',
    filename: `${messageId}.eml`,
    size: raw.raw_size ?? 0,
  };
}

export async function openAttachment(
  deps: DetailDeps,
  principal: Principal,
  messageId: string,
  attachmentId: string,
): Promise<StoredFile> {
  if (!(await assertMaySee(deps, principal, await findMessagePlacement(deps.db, messageId))))
    throw emailNotFound();
  const attachment = await findAttachment(deps.db, messageId, attachmentId);
  if (!attachment) throw emailNotFound();
  return {
    path: blobPath(deps.config.dataDir, attachment.sha256),
    contentType: attachment.content_type,
    filename: attachment.filename,
    size: attachment.size_bytes,
  };
}
