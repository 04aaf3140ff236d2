import type { ChatAttachment } from '@frontline/contracts';
import type { Queryable } from '../../../db/database.ts';
import type { Deps } from '../../../deps.ts';
import type { Principal } from '../../../platform/http.ts';
import {
  cleanFileName,
  detectUploadType,
  maxUploadBytes,
  openPublicReplyUpload,
} from '../../attachments/index.ts';
import { canSeeConversation, loadViewer } from '../../conversations/index.ts';
import { blobPath, storeBlob } from '../email/index.ts';
import { toChatAttachment } from './chat.dto.ts';
import { unknownAttachment, uploadNotFound, uploadTooLarge, uploadTypeRefused } from './chat.errors.ts';
import { findChatPlacement, findUpload, insertUpload, lockUnsentUploads } from './chat.repository.ts';
import { loadChatKeys } from './chat-settings.service.ts';
import { isValidUploadSignature } from './signatures.ts';

type UploadDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/**
 * Stores a visitor's (or a web form's) file: checked by its content, kept content-addressed in
 * the file store, recorded as an upload that is not in any conversation until a message or a
 * form sends it. Answers the attachment with its capability URL.
 */
export async function storeUpload(
  deps: UploadDeps,
  uploader: { by: 'visitor'; visitorId: string } | { by: 'web_form' },
  file: { content: Buffer; name: string | undefined },
): Promise<ChatAttachment> {
  if (file.content.length > maxUploadBytes) throw uploadTooLarge(maxUploadBytes);
  const type = detectUploadType(file.content);
  if (!type) throw uploadTypeRefused();
  // The bytes are durable before the row that names them commits (see the file store).
  const stored = await storeBlob(deps.config.dataDir, file.content);
  const upload = await insertUpload(deps.db, {
    sha256: stored.sha256,
    file_name: cleanFileName(file.name, type),
    content_type: type,
    size_bytes: stored.size,
    uploaded_by: uploader.by,
    visitor_id: uploader.by === 'visitor' ? uploader.visitorId : null,
  });
  const keys = await loadChatKeys(deps);
  return toChatAttachment(keys.uploadUrl, {
    id: upload.id,
    name: upload.file_name,
    contentType: upload.content_type,
    sizeBytes: upload.size_bytes,
  });
}

export type UploadFile = { path: string; name: string; contentType: string; sizeBytes: number };

const toFile = (
  deps: UploadDeps,
  upload: NonNullable<Awaited<ReturnType<typeof findUpload>>>,
): UploadFile => ({
  path: blobPath(deps.config.dataDir, upload.sha256),
  name: upload.file_name,
  contentType: upload.content_type,
  sizeBytes: upload.size_bytes,
});

/** A file by its capability URL (what the widget shows); a wrong signature is a 404 like a missing file. */
export async function openSignedUpload(
  deps: UploadDeps,
  uploadId: string,
  signature: string,
): Promise<UploadFile> {
  const keys = await loadChatKeys(deps);
  if (!isValidUploadSignature(keys.uploadUrl, uploadId, signature)) throw uploadNotFound();
  const upload = await findUpload(deps.db, uploadId);
  if (upload) return toFile(deps, upload);
  // A file an agent sent with a public reply reaches the visitor the same way.
  const agentFile = await openPublicReplyUpload(deps, uploadId);
  if (!agentFile) throw uploadNotFound();
  return {
    path: agentFile.path,
    name: agentFile.name,
    contentType: agentFile.contentType,
    sizeBytes: agentFile.sizeBytes,
  };
}

/** A file for an agent: only once sent in a conversation they may see. */
export async function openUploadForAgent(
  deps: UploadDeps,
  principal: Principal,
  uploadId: string,
): Promise<UploadFile> {
  const upload = await findUpload(deps.db, uploadId);
  if (!upload?.conversation_id) throw uploadNotFound();
  const placement = await findChatPlacement(deps.db, upload.conversation_id, { anyChannel: true });
  const viewer = await loadViewer(deps, principal);
  if (
    !placement ||
    !canSeeConversation(viewer, { teamId: placement.team_id, assigneeId: placement.assignee_id })
  ) {
    throw uploadNotFound();
  }
  return toFile(deps, upload);
}

/**
 * Uploads among `ids` made by a web form and not sent yet, locked in the caller's transaction;
 * refused (422) if any is unknown, someone's chat upload, or already sent.
 */
export async function takeWebFormUploads(db: Queryable, ids: string[]) {
  const unique = [...new Set(ids)];
  const uploads = await lockUnsentUploads(db, unique, { by: 'web_form' }, null);
  if (uploads.length !== unique.length) throw unknownAttachment();
  return unique.map((id) => uploads.find((upload) => upload.id === id)!);
}

export { linkUploads } from './chat.repository.ts';
