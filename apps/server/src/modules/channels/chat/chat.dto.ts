import type { ChatAgent, ChatAttachment, ChatMessage, ChatState } from '@frontline/contracts';
import type { ChatVisitorRow } from '../../../db/schema.ts';
import type { ChatView, VisibleMessageRow } from './chat.repository.ts';
import { signUploadId } from './signatures.ts';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

// Dark enough for white initials at WCAG AA (contrast ≥ 4.5:1 against #fff).
const avatarColors = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

/** The agent as a visitor sees them: name, initials and a stable colour for the avatar. */
export function toChatAgent(agent: { id: string; name: string }): ChatAgent {
  const words = agent.name.trim().split(/\s+/).filter(Boolean);
  const initials = words
    .slice(0, 2)
    .map((word) => word[0]!.toLocaleUpperCase())
    .join('');
  let hash = 0;
  for (const character of agent.id) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return { name: agent.name, initials: initials || '?', color: avatarColors[hash % avatarColors.length]! };
}

/** What a chat message keeps in `messages.metadata`. */
export type ChatMessageMetadata = {
  clientId?: string;
  /** The visitor's own words, without the attachment lines added to `body_text` for agents and search. */
  text?: string;
  attachments?: { id: string; name: string; contentType: string; sizeBytes: number }[];
};

export function uploadUrl(uploadKey: Buffer, uploadId: string) {
  return `/api/v1/public/chat/uploads/${uploadId}/${signUploadId(uploadKey, uploadId)}`;
}

export function toChatAttachment(
  uploadKey: Buffer,
  upload: { id: string; name: string; contentType: string; sizeBytes: number },
): ChatAttachment {
  return { ...upload, url: uploadUrl(uploadKey, upload.id) };
}

export function toChatMessage(row: VisibleMessageRow, uploadKey: Buffer): ChatMessage {
  const metadata = (row.metadata ?? {}) as ChatMessageMetadata;
  const isAgent = row.author_type === 'agent';
  return {
    id: row.id,
    clientId: metadata.clientId ?? null,
    author: row.author_type === 'customer' ? 'visitor' : isAgent ? 'agent' : 'system',
    agent:
      isAgent && row.author_agent_id
        ? toChatAgent({ id: row.author_agent_id, name: row.agent_name ?? '' })
        : null,
    body: metadata.text ?? row.body_text,
    attachments: (metadata.attachments ?? []).map((upload) => toChatAttachment(uploadKey, upload)),
    createdAt: iso(row.created_at),
  };
}

export function toChatState(chat: ChatView, messages: ChatMessage[]): ChatState {
  return {
    conversationId: chat.conversation_id,
    reference: chat.reference,
    agent: chat.agent_id ? toChatAgent({ id: chat.agent_id, name: chat.agent_name ?? '' }) : null,
    agentReadAt: isoOrNull(chat.agent_read_at),
    endedAt: isoOrNull(chat.ended_at),
    isOfflineRequest: chat.is_offline_request,
    messages,
  };
}

export function toVisitorProfile(visitor: ChatVisitorRow) {
  return {
    id: visitor.id,
    name: visitor.name,
    email: visitor.email,
    language: visitor.language,
    isVerified: visitor.site_user_id !== null,
  };
}

/** Whether the visitor can still write into this chat, or a new message starts a new one. */
export function isChatOngoing(chat: Pick<ChatView, 'ended_at' | 'status' | 'is_offline_request'>): boolean {
  return (
    chat.ended_at === null &&
    !chat.is_offline_request &&
    ['new', 'open', 'pending', 'on_hold'].includes(chat.status)
  );
}
