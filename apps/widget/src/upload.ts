import type { ChatAttachment } from '@frontline/contracts';
import type { TextKey } from './i18n.ts';

const maxBytes = 10 * 1_048_576;
const allowedTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'];

export class UploadError extends Error {
  constructor(readonly reason: TextKey) {
    super(reason);
  }
}

/**
 * Sends one file as the raw request body. Checked here first (size, type) to spare the visitor a
 * long upload the server would refuse; the server checks the content again.
 */
export async function uploadFile(
  serverUrl: string,
  path: string,
  file: File,
  headers: Record<string, string> = {},
): Promise<ChatAttachment> {
  if (file.size > maxBytes) throw new UploadError('fileTooLarge');
  if (file.type && !allowedTypes.includes(file.type)) throw new UploadError('fileType');
  const response = await fetch(new URL(path, serverUrl), {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      ...headers,
    },
    body: file,
  });
  if (response.status === 413) throw new UploadError('fileTooLarge');
  if (response.status === 415) throw new UploadError('fileType');
  if (response.status === 429) throw new UploadError('tooFast');
  if (!response.ok) throw new UploadError('failed');
  return (await response.json()) as ChatAttachment;
}
