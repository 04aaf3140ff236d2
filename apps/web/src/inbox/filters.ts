import { savedViewFiltersSchema } from '@frontline/contracts';
import type { ConversationFilters } from '../api/conversations.ts';

/**
 * Every filter the inbox knows, in the contract's words: what the address may carry and what a
 * saved view keeps are the same list, so a filter added to the contract is kept everywhere.
 */
export const filterNames = Object.keys(savedViewFiltersSchema.shape) as (keyof ConversationFilters)[];

/** The filters a person chooses in the filter bar (the order and the SLA views' filter aside). */
export const choosableFilterNames = filterNames.filter((name) => name !== 'sort' && name !== 'sla');

/** Only the known filters, without empty ones. */
export function keepFilters(filters: Record<string, string | undefined>): ConversationFilters {
  const kept: Record<string, string> = {};
  for (const name of filterNames) {
    const value = filters[name];
    if (value) kept[name] = value;
  }
  return kept as ConversationFilters;
}

/** The filters in an inbox address (`/inbox/all-open?priority=urgent&tag=refund`). */
export const filtersFromParams = (params: URLSearchParams): ConversationFilters =>
  keepFilters(Object.fromEntries(params));
