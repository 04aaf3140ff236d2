import { z } from 'zod';
import { isoDateTime, languageCode, supportedLanguage, uuid } from './common.ts';

export const agentRoles = ['admin', 'supervisor', 'agent'] as const;
export const agentRole = z.enum(agentRoles);
export type AgentRole = z.infer<typeof agentRole>;

const skill = z.string().trim().toLowerCase().min(1).max(64);
const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const agentSchema = z
  .object({
    id: uuid,
    email: z.string(),
    name: z.string(),
    role: agentRole,
    languages: z.array(z.string()),
    skills: z.array(z.string()),
    uiLanguage: supportedLanguage,
    isActive: z.boolean(),
    teamIds: z.array(uuid),
    createdAt: isoDateTime,
    /** Invited and not joined yet: until when the invitation link works; null otherwise. */
    invitationExpiresAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof agentSchema>;

export const createAgentBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: agentRole.default('agent'),
  password: password.optional(),
  /**
   * Send the agent an invitation to choose their own password (by email, and the link is
   * answered once for the admin to pass on). Not together with `password`.
   */
  invite: z.boolean().default(false),
  languages: z.array(languageCode).max(20).default([]),
  skills: z.array(skill).max(50).default([]),
  uiLanguage: supportedLanguage.default('en'),
  teamIds: z.array(uuid).max(50).default([]),
});
export type CreateAgentBody = z.infer<typeof createAgentBody>;

/** An invitation as issued: the link is answered only here, never stored in clear. */
export const issuedInvitationSchema = z.object({ url: z.string(), expiresAt: isoDateTime });
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;

/** Whom an invitation link is for, shown on the page where they choose a password. */
export const invitationDetailsSchema = z.object({
  name: z.string(),
  email: z.string(),
  uiLanguage: supportedLanguage,
  expiresAt: isoDateTime,
});
export type InvitationDetails = z.infer<typeof invitationDetailsSchema>;
export const invitationTokenParams = z.object({ token: z.string().min(10).max(200) });
export const acceptInvitationBody = z.strictObject({ password });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const createAgentResponse = agentSchema.extend({
  /**
   * Present only when the server generated the password: shown once, never stored in clear, so
   * an `Idempotency-Key` replay of the creation answers without it.
   */
  initialPassword: z.string().optional(),
  /** Present when the agent was invited (`invite: true`); not replayed by an `Idempotency-Key`. */
  invitation: issuedInvitationSchema.optional(),
});

export const listAgentsQuery = z.strictObject({
  /** Deactivated agents are listed too (admins only). */
  includeInactive: z.enum(['true', 'false']).default('false'),
});
export const agentListResponse = z.object({ items: z.array(agentSchema) });

export const updateAgentBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: agentRole.optional(),
  languages: z.array(languageCode).max(20).optional(),
  skills: z.array(skill).max(50).optional(),
  uiLanguage: supportedLanguage.optional(),
  isActive: z.boolean().optional(),
  teamIds: z.array(uuid).max(50).optional(),
  password: password.optional(),
});
export type UpdateAgentBody = z.infer<typeof updateAgentBody>;

export const updateProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  uiLanguage: supportedLanguage.optional(),
  languages: z.array(languageCode).max(20).optional(),
});

export type UpdateProfileBody = z.infer<typeof updateProfileBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const teamSchema = z
  .object({
    id: uuid,
    name: z.string(),
    description: z.string(),
    memberIds: z.array(uuid),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;

export const createTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  memberIds: z.array(uuid).max(500).default([]),
});
export type CreateTeamBody = z.infer<typeof createTeamBody>;
export const updateTeamBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  /** Replaces the whole membership. */
  memberIds: z.array(uuid).max(500).optional(),
});
export type UpdateTeamBody = z.infer<typeof updateTeamBody>;
export const teamListResponse = z.object({ items: z.array(teamSchema) });

export const apiTokenSchema = z
  .object({
    id: uuid,
    agentId: uuid,
    name: z.string(),
    /** The first 8 characters after `flt_`, to recognise a token without storing it. */
    prefix: z.string(),
    createdById: uuid.nullable(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
    expiresAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The agent the token acts as; defaults to the caller. */
  agentId: uuid.optional(),
  expiresAt: isoDateTime.optional(),
});
export type CreateApiTokenBody = z.infer<typeof createApiTokenBody>;
export const createApiTokenResponse = apiTokenSchema.extend({
  /**
   * The secret, shown only in this response; only its sha256 is stored, so an `Idempotency-Key`
   * replay of the creation answers without it.
   */
  token: z.string(),
});
export const listApiTokensQuery = z.strictObject({ agentId: uuid.optional() });
export const apiTokenListResponse = z.object({ items: z.array(apiTokenSchema) });
