import type { Agent, loginResponse, sessionResponse } from '@frontline/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { z } from 'zod';
import { ApiError, api, clearPrefetched, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { applyUiLanguage } from '../i18n/index.ts';

type SessionResponse = z.infer<typeof sessionResponse>;
export type LoginResponse = z.infer<typeof loginResponse>;

type SessionContextValue = {
  agent: Agent;
  logOut: () => Promise<void>;
  /** Replaces the cached agent after the agent edits their own profile. */
  updateAgent: (agent: Agent) => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);
export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 3,
  });
}

/** Takes a session the server has just started (logging in, joining by invitation) as this browser's. */
export function useAdoptSession() {
  const queryClient = useQueryClient();
  return useCallback(
    async (result: LoginResponse) => {
      setCsrfToken(result.csrfToken);
      // Whatever was fetched at start-up was asked for without (or with another) session.
      clearPrefetched();
      // A different agent may log in on this browser: nothing cached for the last one may show.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData<SessionResponse>(sessionKey, {
        agent: result.agent,
        csrfToken: result.csrfToken,
      });
      await applyUiLanguage(result.agent.uiLanguage);
    },
    [queryClient],
  );
}

export function useLogIn() {
  const adoptSession = useAdoptSession();
  return useCallback(
    async (email: string, password: string) => {
      await adoptSession(await api.post<LoginResponse>('/api/v1/auth/login', { email, password }));
    },
    [adoptSession],
  );
}

export function SessionProvider({ agent, children }: { agent: Agent; children: ReactNode }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    void applyUiLanguage(agent.uiLanguage);
  }, [agent.uiLanguage]);

  useEffect(() => {
    const unsubscribe = onUnauthorized(() => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
    });
    return () => {
      unsubscribe();
    };
  }, [queryClient]);

  const value = useMemo<SessionContextValue>(
    () => ({
      agent,
      logOut: async () => {
        await api.post('/api/v1/auth/logout').catch(() => {});
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(sessionKey, null);
      },
      updateAgent: (updated) =>
        queryClient.setQueryData<SessionResponse | null>(sessionKey, (current) =>
          current ? { ...current, agent: updated } : current,
        ),
    }),
    [agent, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in agent; only used below `SessionProvider`, which renders only with a session. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is used outside SessionProvider');
  return value;
}

export const isSupervisor = (agent: Agent) => agent.role === 'supervisor' || agent.role === 'admin';
export const isAdmin = (agent: Agent) => agent.role === 'admin';
