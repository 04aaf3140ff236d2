import type { MessageAttachment } from '@frontline/contracts';
import { useEffect, useState } from 'react';

export type ComposerMode = 'reply' | 'note';

export type Draft = {
  mode: ComposerMode;
  body: string;
  /**
   * The idempotency key of this message, made when drafting starts and kept until it is sent: a
   * send that failed half-way and is retried (even after a reload) cannot post the message twice.
   */
  key: string;
  /** Files already uploaded for this message (the server keeps them until it is sent). */
  attachments: MessageAttachment[];
};

const storageKey = (conversationId: string) => `frontline.draft.${conversationId}`;

const emptyDraft = (mode: ComposerMode = 'reply'): Draft => ({
  mode,
  body: '',
  key: crypto.randomUUID(),
  attachments: [],
});

function readDraft(conversationId: string): Draft {
  try {
    const stored = JSON.parse(
      localStorage.getItem(storageKey(conversationId)) ?? 'null',
    ) as Partial<Draft> | null;
    if (stored && typeof stored.body === 'string' && typeof stored.key === 'string') {
      return {
        mode: stored.mode === 'note' ? 'note' : 'reply',
        body: stored.body,
        key: stored.key,
        attachments: Array.isArray(stored.attachments) ? stored.attachments : [],
      };
    }
  } catch {
    // A corrupt draft is dropped rather than breaking the page.
  }
  return emptyDraft();
}

/**
 * The composer's draft for one conversation, kept in localStorage so it survives reloads. The
 * composer is keyed by conversation, so this hook never sees the id change under it.
 */
export function useDraft(conversationId: string) {
  const [draft, setDraft] = useState<Draft>(() => readDraft(conversationId));

  useEffect(() => {
    if (draft.body || draft.attachments.length > 0)
      localStorage.setItem(storageKey(conversationId), JSON.stringify(draft));
    else localStorage.removeItem(storageKey(conversationId));
  }, [conversationId, draft]);

  return {
    draft,
    setBody: (body: string) => setDraft((current) => ({ ...current, body })),
    setMode: (mode: ComposerMode) => setDraft((current) => ({ ...current, mode })),
    setAttachments: (attachments: MessageAttachment[]) =>
      setDraft((current) => ({ ...current, attachments })),
    /** After a successful send: an empty draft with a new key for the next message. */
    clear: () => setDraft((current) => emptyDraft(current.mode)),
  };
}
