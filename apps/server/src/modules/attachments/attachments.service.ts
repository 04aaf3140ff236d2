import type { MessageAttachment } from '@frontline/contracts';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/http.ts';
import { blobPath, storeBlob } from '../channels/email/index.ts';
import { agentUploadUrl, canSeeConversation, loadViewer } from '../conversations/index.ts';
import { attachmentNotFound, uploadTooLarge, uploadTypeRefused } from './attachments.errors.ts';
import {
  findAgentUploadWithPlacement,
  findUploadOfPublicReply,
  insertAgentUpload,
} from './attachments.repository.ts';
import { cleanFileName, detectUploadType, maxUploadBytes } from './upload-types.ts';

type AttachmentDeps = Pick<Deps, 'db' | 'config'>;

/**
 * Stores an agent's file for a reply or note: checked by its content (the same types and size as
 * the chat's), kept content-addressed in the file store, and recorded as the agent's own unsent
 * upload until a message of theirs sends it (`attachmentIds`).
 */
export async function storeAgentUpload(
  deps: AttachmentDeps,
  principal: Principal,
  file: { content: Buffer; name: string | undefined },
): Promise<MessageAttachment> {
  if (file.content.length > maxUploadBytes) throw uploadTooLarge(maxUploadBytes);
  const type = detectUploadType(file.content);
  if (!type) throw uploadTypeRefused();
  // The bytes are durable before the row that names them commits (see the file store).
  const stored = await storeBlob(deps.config.dataDir, file.content);
  const upload = await insertAgentUpload(deps.db, {
    agent_id: principal.agentId,
    sha256: stored.sha256,
    file_name: cleanFileName(file.name, type),
    content_type: type,
    size_bytes: stored.size,
  });
  return {
    id: upload.id,
    name: upload.file_name,
    contentType: upload.content_type,
    sizeBytes: upload.size_bytes,
    url: agentUploadUrl(upload.id),
  };
}

export type StoredAttachment = { path: string; name: string; contentType: string; sizeBytes: number };

const toStored = (
  deps: AttachmentDeps,
  upload: { sha256: string; file_name: string; content_type: string; size_bytes: number },
): StoredAttachment => ({
  path: blobPath(deps.config.dataDir, upload.sha256),
  name: upload.file_name,
  contentType: upload.content_type,
  sizeBytes: upload.size_bytes,
});

/**
 * A file for an agent: their own upload before it is sent, and once sent, for every agent who may
 * see the conversation the message is in (notes included). Anything else is a 404, like a file
 * that does not exist.
 */
export async function openAgentUpload(
  deps: AttachmentDeps,
  principal: Principal,
  uploadId: string,
): Promise<StoredAttachment> {
  const upload = await findAgentUploadWithPlacement(deps.db, uploadId);
  if (!upload) throw attachmentNotFound();
  if (upload.message_id === null) {
    if (upload.agent_id !== principal.agentId) throw attachmentNotFound();
    return toStored(deps, upload);
  }
  const viewer = await loadViewer(deps, principal);
  if (!canSeeConversation(viewer, { teamId: upload.team_id, assigneeId: upload.assignee_id })) {
    throw attachmentNotFound();
  }
  return toStored(deps, upload);
}

/**
 * An agent's file as a customer may receive it (the chat's capability URL): only one sent with a
 * public reply; a note's file or an unsent upload stays unknown.
 */
export async function openPublicReplyUpload(
  deps: AttachmentDeps,
  uploadId: string,
): Promise<StoredAttachment | null> {
  const upload = await findUploadOfPublicReply(deps.db, uploadId);
  return upload ? toStored(deps, upload) : null;
}
