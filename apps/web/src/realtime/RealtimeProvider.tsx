import type { StreamEvent } from '@frontline/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { applySummaryToCache, conversationKeys } from '../api/conversations.ts';
import { sessionKey } from '../auth/session.tsx';
import { type ConnectionState, openStream, type Stream } from './stream.ts';

type Listener = (event: StreamEvent) => void;

type RealtimeContextValue = {
  state: ConnectionState;
  send: Stream['send'];
  /** Listens to every stream event (presence, for example); returns the unsubscribe function. */
  subscribe: (listener: Listener) => () => void;
  freshness: FreshnessStore;
};

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

// How long a row that changed live keeps its highlight; matches the CSS animation.
const freshForMs = 4000;
// Several events in a burst (a bulk action) cause one refetch of the lists, not one each.
const refetchDebounceMs = 250;

/** Which conversations changed live a moment ago, for the inbox's subtle highlight. */
function createFreshnessStore() {
  const freshUntil = new Map<string, number>();
  const listeners = new Set<() => void>();
  let version = 0;
  const notify = () => {
    version += 1;
    for (const listener of listeners) listener();
  };
  return {
    mark(id: string) {
      freshUntil.set(id, Date.now() + freshForMs);
      notify();
      setTimeout(() => {
        if ((freshUntil.get(id) ?? 0) <= Date.now()) {
          freshUntil.delete(id);
          notify();
        }
      }, freshForMs + 50);
    },
    isFresh: (id: string) => (freshUntil.get(id) ?? 0) > Date.now(),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => version,
  };
}
type FreshnessStore = ReturnType<typeof createFreshnessStore>;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [freshness] = useState(createFreshnessStore);
  const listeners = useRef(new Set<Listener>());
  const streamRef = useRef<Stream | null>(null);

  useEffect(() => {
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    const refetchLists = () => {
      clearTimeout(refetchTimer);
      refetchTimer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
        refetchDebounceMs,
      );
    };
    const stream = openStream({
      onStateChange: setState,
      onUnauthenticated: () => {
        // Asks the server whether the session still holds; a 401 there shows the login page.
        void queryClient.invalidateQueries({ queryKey: sessionKey });
      },
      onResync: () => {
        // Events sent while we were away are gone: reload everything visible instead.
        void queryClient.invalidateQueries();
      },
      onEvent: (event) => {
        for (const listener of listeners.current) listener(event);
        switch (event.type) {
          case 'conversation.created':
            freshness.mark(event.conversation.id);
            refetchLists();
            break;
          case 'conversation.updated':
            freshness.mark(event.conversation.id);
            applySummaryToCache(queryClient, event.conversation);
            void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(event.conversation.id) });
            refetchLists();
            break;
          case 'message.created':
            freshness.mark(event.conversation.id);
            applySummaryToCache(queryClient, event.conversation, event.message);
            void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(event.conversation.id) });
            refetchLists();
            break;
          default:
            break;
        }
      },
    });
    streamRef.current = stream;
    return () => {
      clearTimeout(refetchTimer);
      stream.close();
      streamRef.current = null;
    };
  }, [queryClient, freshness]);

  const value = useMemo<RealtimeContextValue>(
    () => ({
      state,
      send: (message) => streamRef.current?.send(message),
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      freshness,
    }),
    [state, freshness],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime is used outside RealtimeProvider');
  return value;
}

/** True for a short while after the conversation changed through the stream. */
export function useIsFresh(conversationId: string) {
  const { freshness } = useRealtime();
  useSyncExternalStore(freshness.subscribe, freshness.getVersion);
  return freshness.isFresh(conversationId);
}
