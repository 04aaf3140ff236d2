import { messageAttachmentLimits } from '@frontline/contracts';

/**
 * What files visitors and agents may send, recognised by their first bytes rather than by the
 * name or the Content-Type the browser claims: a renamed executable stays refused, and every file
 * is served back with the type we detected. The limits are the contract's, so the workspace can
 * refuse a file before uploading it.
 */
export const maxUploadBytes = messageAttachmentLimits.maxBytes;

export type UploadType = (typeof messageAttachmentLimits.acceptedTypes)[number];

const startsWith = (content: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, index) => content[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

function isPlainText(content: Buffer): boolean {
  // Valid UTF-8 with no control characters but tab, line feed and carriage return.
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(content);
  if (decoded.includes('\uFFFD')) return false;
  for (let index = 0; index < content.length; index += 1) {
    const byte = content[index]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

export function detectUploadType(content: Buffer): UploadType | null {
  if (content.length === 0) return null;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, ascii('GIF87a')) || startsWith(content, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(content, ascii('%PDF-'))) return 'application/pdf';
  return isPlainText(content) ? 'text/plain' : null;
}

/** A file name safe to store and to put in a Content-Disposition header: no paths, no controls. */
export function cleanFileName(raw: string | undefined, type: UploadType): string {
  let decoded = raw ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // not URI-encoded: use as given
  }
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter(
      (character) =>
        character.charCodeAt(0) >= 0x20 && character.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(character),
    )
    .join('')
    .trim()
    .slice(0, 200);
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned;
  const extension = {
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'application/pdf': 'pdf',
    'text/plain': 'txt',
  }[type];
  return `file.${extension}`;
}
