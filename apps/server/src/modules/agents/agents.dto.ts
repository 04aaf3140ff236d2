import type { Agent, ApiToken, Team } from '@frontline/contracts';
import type { AgentWithTeams } from './agents.repository.ts';
import type { ApiTokenRow } from './api-tokens.repository.ts';
import type { TeamWithMembers } from './teams.repository.ts';

export function toAgentDto(agent: AgentWithTeams): Agent {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    languages: agent.languages,
    skills: agent.skills,
    uiLanguage: agent.ui_language as Agent['uiLanguage'],
    isActive: agent.is_active,
    teamIds: agent.team_ids,
    createdAt: agent.created_at.toISOString(),
    invitationExpiresAt:
      agent.invitation_expires_at === null ? null : new Date(agent.invitation_expires_at).toISOString(),
  };
}

export function toTeamDto(team: TeamWithMembers): Team {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    memberIds: team.member_ids,
    createdAt: team.created_at.toISOString(),
  };
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toApiTokenDto(token: ApiTokenRow): ApiToken {
  return {
    id: token.id,
    agentId: token.agent_id,
    name: token.name,
    prefix: token.token_prefix,
    createdById: token.created_by_id,
    createdAt: token.created_at.toISOString(),
    lastUsedAt: isoOrNull(token.last_used_at),
    expiresAt: isoOrNull(token.expires_at),
    revokedAt: isoOrNull(token.revoked_at),
  };
}
