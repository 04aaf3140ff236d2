import { type MessageAttachment, messageAttachmentLimits } from '@frontline/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { uploadAttachment } from './upload.ts';

/** A file in the composer: uploading, ready to send (with its stored attachment), or refused. */
export type ComposerFile = {
  key: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  progress: number;
  attachment: MessageAttachment | null;
  error: { kind: 'tooLarge' | 'typeRefused' | 'failed'; reason?: string } | null;
};

const isAccepted = (type: string) =>
  // An empty type is "the browser does not know": the server decides by the bytes.
  type === '' || (messageAttachmentLimits.acceptedTypes as readonly string[]).includes(type);

function errorOf(error: unknown): ComposerFile['error'] {
  const apiError = error as ApiError;
  if (apiError.status === 413) return { kind: 'tooLarge' };
  if (apiError.status === 415) return { kind: 'typeRefused' };
  return { kind: 'failed', reason: apiError.message };
}

/**
 * The files an agent is attaching to one draft. Each starts uploading the moment it is added, so
 * sending is instant; files already uploaded are kept with the draft (`initial`/`onReadyChange`)
 * and survive a reload like the text does.
 */
export function useComposerFiles(
  initial: MessageAttachment[],
  onReadyChange: (attachments: MessageAttachment[]) => void,
) {
  const [files, setFiles] = useState<ComposerFile[]>(() =>
    initial.map((attachment) => ({
      key: attachment.id,
      name: attachment.name,
      sizeBytes: attachment.sizeBytes,
      contentType: attachment.contentType,
      progress: 1,
      attachment,
      error: null,
    })),
  );
  const [tooMany, setTooMany] = useState(false);
  const uploads = useRef(new Map<string, AbortController>());
  const readyChange = useRef(onReadyChange);
  readyChange.current = onReadyChange;

  useEffect(
    () => () => {
      for (const controller of uploads.current.values()) controller.abort();
    },
    [],
  );

  // The draft keeps the uploaded files; tell it whenever that set changes.
  const readyIds = readyOf(files)
    .map((attachment) => attachment.id)
    .join(',');
  const reported = useRef(readyIds);
  useEffect(() => {
    if (reported.current === readyIds) return;
    reported.current = readyIds;
    readyChange.current(readyOf(files));
  }, [readyIds, files]);

  const update = (key: string, change: Partial<ComposerFile>) =>
    setFiles((current) => current.map((file) => (file.key === key ? { ...file, ...change } : file)));

  const add = (picked: File[]) => {
    if (picked.length === 0) return;
    const room = messageAttachmentLimits.maxFiles - files.length;
    setTooMany(picked.length > room);
    const added: ComposerFile[] = picked.slice(0, Math.max(0, room)).map((file) => ({
      key: crypto.randomUUID(),
      name: file.name || 'file',
      sizeBytes: file.size,
      contentType: file.type,
      progress: 0,
      attachment: null,
      error:
        file.size > messageAttachmentLimits.maxBytes
          ? { kind: 'tooLarge' }
          : isAccepted(file.type)
            ? null
            : { kind: 'typeRefused' },
    }));
    setFiles((current) => [...current, ...added]);
    added.forEach((entry, index) => {
      if (entry.error) return;
      const controller = new AbortController();
      uploads.current.set(entry.key, controller);
      uploadAttachment(picked[index]!, (progress) => update(entry.key, { progress }), controller.signal)
        .then((attachment) => update(entry.key, { attachment, progress: 1 }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) update(entry.key, { error: errorOf(error) });
        })
        .finally(() => uploads.current.delete(entry.key));
    });
  };

  const remove = (key: string) => {
    uploads.current.get(key)?.abort();
    setTooMany(false);
    setFiles((current) => current.filter((file) => file.key !== key));
  };

  const clear = () => {
    setTooMany(false);
    setFiles([]);
  };

  return {
    files,
    tooMany,
    add,
    remove,
    clear,
    ready: readyOf(files),
    isUploading: files.some((file) => !file.attachment && !file.error),
    hasErrors: files.some((file) => file.error !== null),
  };
}

function readyOf(files: ComposerFile[]): MessageAttachment[] {
  return files.flatMap((file) => (file.attachment ? [file.attachment] : []));
}
