import type { ConversationEvent } from '@frontline/contracts';
import { useDirectoryNames } from '../api/directory.ts';
import { useCustomerText } from './customer-texts.ts';

/**
 * Timeline lines for the desk console's events (`customer_changed` when the desk says who the
 * visitor is, `follow_up_opened` on the conversation a follow-up was opened from); undefined for
 * any other event.
 */
export function useWalkInEventText() {
  const text = useCustomerText();
  const names = useDirectoryNames();
  return (event: ConversationEvent): string | undefined => {
    const actor = names.agentName(event.actorAgentId) ?? text('someone');
    switch (event.type) {
      case 'customer_changed':
        return text('eventCustomerChanged', { actor });
      case 'follow_up_opened':
        return event.actorType === 'agent' ? text('eventFollowUpOpened', { actor }) : undefined;
      default:
        return undefined;
    }
  };
}
