import type {
  Agent,
  ApiToken,
  agentListResponse,
  apiTokenListResponse,
  CreateApiTokenBody,
  CreateTeamBody,
  createAgentBody,
  createAgentResponse,
  createApiTokenResponse,
  IssuedInvitation,
  Team,
  teamListResponse,
  UpdateAgentBody,
  UpdateTeamBody,
} from '@frontline/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { api } from './client.ts';

export type CreatedAgent = z.infer<typeof createAgentResponse>;
export type CreatedApiToken = z.infer<typeof createApiTokenResponse>;

export const directoryKeys = {
  agents: (includeInactive: boolean) => ['agents', { includeInactive }] as const,
  teams: ['teams'] as const,
  apiTokens: ['api-tokens'] as const,
};

// Agents and teams change rarely and are needed on every screen (assignee names, pickers).
const directoryStaleMs = 5 * 60_000;

export function useAgents({ includeInactive = false } = {}) {
  return useQuery({
    queryKey: directoryKeys.agents(includeInactive),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof agentListResponse>>(
        '/api/v1/agents',
        includeInactive ? { includeInactive: 'true' } : undefined,
        signal,
      ),
    select: (response) => response.items,
    staleTime: directoryStaleMs,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: directoryKeys.teams,
    queryFn: ({ signal }) => api.get<z.infer<typeof teamListResponse>>('/api/v1/teams', undefined, signal),
    select: (response) => response.items,
    staleTime: directoryStaleMs,
  });
}

/** Agent and team names by id, for rows and timelines. */
export function useDirectoryNames() {
  const agents = useAgents();
  const teams = useTeams();
  return useMemo(() => {
    const agentNames = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
    const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
    return {
      agentName: (id: string | null | undefined) => (id ? agentNames.get(id) : undefined),
      teamName: (id: string | null | undefined) => (id ? teamNames.get(id) : undefined),
    };
  }, [agents.data, teams.data]);
}

function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['agents'] });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.teams });
  };
}

export function useCreateAgent() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: z.input<typeof createAgentBody>) => api.post<CreatedAgent>('/api/v1/agents', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** A new invitation for an agent who has not joined yet; the old link stops working. */
export function useReinviteAgent() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (agentId: string) => api.post<IssuedInvitation>(`/api/v1/agents/${agentId}/invitation`),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useUpdateAgent() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateAgentBody }) =>
      api.patch<Agent>(`/api/v1/agents/${id}`, changes),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useCreateTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => api.post<Team>('/api/v1/teams', body),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateTeamBody }) =>
      api.patch<Team>(`/api/v1/teams/${id}`, changes),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/teams/${id}`),
    onSuccess: invalidate,
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: directoryKeys.apiTokens,
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof apiTokenListResponse>>('/api/v1/api-tokens', undefined, signal),
    select: (response): ApiToken[] => response.items,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedApiToken>('/api/v1/api-tokens', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: directoryKeys.apiTokens }),
    meta: { handlesErrors: true },
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/api-tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: directoryKeys.apiTokens }),
  });
}
