import type { ConversationStatus } from '@frontline/contracts';

/**
 * Statuses an agent may set by hand. `new` is only where a conversation starts and `merged` comes
 * from the merge action (see `updateConversationBody`); `closed` follows solved automatically.
 */
export const settableStatuses: ConversationStatus[] = ['open', 'pending', 'on_hold', 'solved', 'closed'];
