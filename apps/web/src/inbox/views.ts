import type { SavedView, SavedViewCounts } from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, api } from '../api/client.ts';
import { type ConversationFilters, conversationKeys } from '../api/conversations.ts';
import { keepFilters } from './filters.ts';

export { type BuiltInView, type BuiltInViewId, builtInViews, findBuiltInView } from './view-definitions.ts';

/** A view an agent saved from the filter bar, kept on the server (`/api/v1/saved-views`). */
export type CustomView = Omit<SavedView, 'filters'> & { filters: ConversationFilters };

export const savedViewKeys = {
  list: ['saved-views'] as const,
  // Under the conversations key: every live change that refetches the inbox refetches these too.
  counts: [...conversationKeys.all, 'saved-view-counts'] as const,
};

const legacyStorageKey = (agentId: string) => `frontline.views.${agentId}`;
const importsRunning = new Set<string>();

/**
 * Views used to live in this browser's localStorage. Moves them to the server once: each is
 * posted with an idempotency key of its own, so an interrupted import never duplicates a view;
 * the stored list is dropped when every view was taken (or refused as no longer valid).
 */
async function importLocalViews(agentId: string): Promise<boolean> {
  const stored = localStorage.getItem(legacyStorageKey(agentId));
  if (!stored || importsRunning.has(agentId)) return false;
  importsRunning.add(agentId);
  try {
    let views: { id?: unknown; name?: unknown; filters?: unknown }[] = [];
    try {
      const parsed: unknown = JSON.parse(stored);
      if (Array.isArray(parsed)) views = parsed;
    } catch {
      // Unreadable: nothing to keep.
    }
    for (const view of views) {
      if (typeof view.name !== 'string' || typeof view.id !== 'string') continue;
      const filters =
        typeof view.filters === 'object' && view.filters ? (view.filters as ConversationFilters) : {};
      try {
        await api.post<SavedView>(
          '/api/v1/saved-views',
          { name: view.name.slice(0, 100), filters: keepFilters(filters) },
          { idempotencyKey: `saved-view-import-${agentId}-${view.id}`.slice(0, 200) },
        );
      } catch (error) {
        // A view the server refuses would be refused forever; anything else is tried next time.
        if (!(error instanceof ApiError && error.status >= 400 && error.status < 500)) return false;
      }
    }
    localStorage.removeItem(legacyStorageKey(agentId));
    return true;
  } finally {
    importsRunning.delete(agentId);
  }
}

/** My saved views and those shared with my teams, plus the actions on them. */
export function useCustomViews(agentId: string) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: savedViewKeys.list,
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/api/v1/saved-views', undefined, signal),
    select: (response) => response.items as CustomView[],
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: savedViewKeys.list });
    void queryClient.invalidateQueries({ queryKey: savedViewKeys.counts });
  };

  useEffect(() => {
    void importLocalViews(agentId).then((didImport) => {
      if (didImport) {
        void queryClient.invalidateQueries({ queryKey: savedViewKeys.list });
        void queryClient.invalidateQueries({ queryKey: savedViewKeys.counts });
      }
    });
  }, [agentId, queryClient]);

  const save = useMutation({
    mutationFn: (input: { name: string; filters: ConversationFilters; teamId: string | null }) =>
      api.post<CustomView>('/api/v1/saved-views', { ...input, filters: keepFilters(input.filters) }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, filters }: { id: string; filters: ConversationFilters }) =>
      api.patch<CustomView>(`/api/v1/saved-views/${id}`, { filters: keepFilters(filters) }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/saved-views/${id}`),
    onSuccess: refresh,
  });
  return { views: list.data ?? [], save, update, remove };
}

/** How many conversations each saved view holds, live like the built-in views' counts. */
export function useCustomViewCounts() {
  return useQuery({
    queryKey: savedViewKeys.counts,
    queryFn: ({ signal }) => api.get<SavedViewCounts>('/api/v1/saved-views/counts', undefined, signal),
    select: (response) => ({
      countLimit: response.countLimit,
      byId: new Map(response.items.map((item) => [item.id, item])),
    }),
  });
}
