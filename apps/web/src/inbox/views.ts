import { useLocalStorage } from '@mantine/hooks';
import type { ConversationFilters } from '../api/conversations.ts';

export { type BuiltInView, type BuiltInViewId, builtInViews, findBuiltInView } from './view-definitions.ts';

/** A view an agent saved from the filter bar; kept per agent in this browser. */
export type CustomView = { id: string; name: string; filters: ConversationFilters };

/** The agent's saved views, shared live between every component that shows them. */
export function useCustomViews(agentId: string) {
  return useLocalStorage<CustomView[]>({ key: `frontline.views.${agentId}`, defaultValue: [] });
}
