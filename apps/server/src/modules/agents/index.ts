export { countAgents, findTeamIdsOfAgent, isActiveAgent } from './agents.repository.ts';
export { registerAgentRoutes } from './agents.routes.ts';
export { createAgent, getAgent, listAgents } from './agents.service.ts';
export { createApiToken } from './api-tokens.service.ts';
export { acceptInvitation, readInvitation } from './invitations.service.ts';
export { isTeamMember, listActiveAgentIdsOfTeam, teamExists } from './teams.repository.ts';
export { createTeam, getTeam, listTeams } from './teams.service.ts';
