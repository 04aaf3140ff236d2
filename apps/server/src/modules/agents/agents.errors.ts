import { AppError, conflict, notFound, unprocessable, validationFailed } from '../../platform/errors.ts';

export const agentNotFound = () => notFound('agents.not_found', 'No such agent');
export const agentEmailTaken = () =>
  conflict('agents.email_taken', 'An agent with this email already exists');
export const lastActiveAdmin = () =>
  conflict(
    'agents.last_admin',
    'This would leave no active admin',
    'Make another agent an admin first; an instance without an active admin cannot be managed.',
  );
export const unknownTeamsOfAgent = (teamIds: string[]) =>
  unprocessable(
    'agents.unknown_teams',
    'One or more of the given teams do not exist',
    `Unknown team ids: ${teamIds.join(', ')}`,
  );
export const includeInactiveNeedsAdmin = () =>
  new AppError({
    code: 'auth.forbidden',
    status: 403,
    title: 'Listing deactivated agents needs the admin role',
  });
export const wrongCurrentPassword = () =>
  new AppError({
    code: 'agents.wrong_current_password',
    status: 403,
    title: 'The current password is wrong',
  });

export const teamNotFound = () => notFound('teams.not_found', 'No such team');
export const teamNameTaken = () => conflict('teams.name_taken', 'A team with this name already exists');
export const unknownTeamMembers = (agentIds: string[]) =>
  unprocessable(
    'teams.unknown_members',
    'One or more of the given members are not agents',
    `Unknown agent ids: ${agentIds.join(', ')}`,
  );

export const apiTokenNotFound = () => notFound('api_tokens.not_found', 'No such API token');
export const apiTokenAgentUnknown = () =>
  unprocessable('api_tokens.unknown_agent', 'The agent the token should act as does not exist');
export const apiTokenAgentInactive = () =>
  unprocessable(
    'api_tokens.agent_inactive',
    'The agent the token should act as is deactivated; the token could not be used',
  );
export const apiTokenExpiryInPast = () =>
  validationFailed([{ path: 'body.expiresAt', message: 'must lie in the future' }]);

export const invitationNotFound = () =>
  new AppError({
    code: 'invitations.not_found',
    status: 404,
    title: 'This invitation is not valid',
    detail:
      'It may have been used already, replaced by a newer one or mistyped. Ask an admin for a new invitation.',
  });
export const invitationExpired = () =>
  new AppError({
    code: 'invitations.expired',
    status: 410,
    title: 'This invitation has expired',
    detail: 'Ask an admin for a new invitation.',
  });
export const agentAlreadyHasPassword = () =>
  conflict(
    'invitations.already_joined',
    'This agent has already chosen a password',
    'An invitation is for agents who have not signed in yet; an admin can set a new password instead.',
  );
