import type { Deps } from '../../deps.ts';
import { AppError, forbidden, unauthenticated } from '../../platform/errors.ts';
import type { Principal, Role } from '../../platform/http.ts';
import { generateToken, hashPassword, hashToken, verifyPassword } from '../../platform/secrets.ts';
import { acceptInvitation, getAgent } from '../agents/index.ts';
import {
  deleteSession,
  extendSession,
  findAgentByEmail,
  findLiveApiToken,
  findLiveSession,
  insertSession,
  touchApiToken,
} from './auth.repository.ts';

// Verifying against this when the email is unknown keeps both answers equally slow, so timing
// does not reveal which addresses have accounts.
const decoyHash = hashPassword('decoy-password-for-timing');

const invalidCredentials = () =>
  new AppError({ code: 'auth.invalid_credentials', status: 401, title: 'Email or password is wrong' });

export async function logIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  credentials: { email: string; password: string; userAgent: string | null },
) {
  const agent = await findAgentByEmail(deps.db, credentials.email.trim().toLowerCase());
  const isValid = await verifyPassword(agent?.password_hash ?? (await decoyHash), credentials.password);
  if (!agent?.password_hash || !isValid) throw invalidCredentials();
  if (!agent.is_active) {
    throw new AppError({
      code: 'auth.agent_deactivated',
      status: 403,
      title: 'This account has been deactivated',
    });
  }
  return startSession(deps, agent.id, credentials.userAgent);
}

async function startSession(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  agentId: string,
  userAgent: string | null,
) {
  const token = generateToken('fls');
  const csrfToken = generateToken('fls').slice(4);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  await insertSession(deps.db, {
    tokenHash: hashToken(token),
    agentId,
    csrfToken,
    createdAt: now,
    expiresAt,
    userAgent: userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken, expiresAt: expiresAt.toISOString(), agent: await getAgent(deps, agentId) };
}

/**
 * An invited agent chooses their password and is signed in straight away.
 * @example await joinByInvitation(deps, { token, password: 'a long passphrase', userAgent })
 */
export async function joinByInvitation(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { token: string; password: string; userAgent: string | null },
) {
  const { email } = await acceptInvitation(deps, input);
  const agent = await findAgentByEmail(deps.db, email);
  if (!agent) throw invalidCredentials();
  return startSession(deps, agent.id, input.userAgent);
}

export async function logOut(deps: Pick<Deps, 'db'>, principal: Principal) {
  if (principal.sessionTokenHash) await deleteSession(deps.db, principal.sessionTokenHash);
}

export type ResolvedCredentials = { principal: Principal; csrfToken: string | null };

/**
 * Turns a presented token into a principal. Session tokens (`fls_…`) slide their expiry, at most
 * once a minute to spare writes; API tokens (`flt_…`) record when they were last used.
 */
export async function resolveToken(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  token: string,
  via: 'cookie' | 'bearer',
): Promise<ResolvedCredentials | null> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  if (token.startsWith('fls_')) {
    const session = await findLiveSession(deps.db, tokenHash, now);
    if (!session) return null;
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
      await extendSession(
        deps.db,
        tokenHash,
        now,
        new Date(now.getTime() + deps.config.sessionHours * 3_600_000),
      );
    }
    return {
      principal: {
        agentId: session.agent_id,
        role: session.role,
        via: via === 'cookie' ? 'cookie' : 'bearer-session',
        sessionTokenHash: tokenHash,
      },
      csrfToken: session.csrf_token,
    };
  }
  if (token.startsWith('flt_') && via === 'bearer') {
    const apiToken = await findLiveApiToken(deps.db, tokenHash, now);
    if (!apiToken) return null;
    if (!apiToken.last_used_at || now.getTime() - apiToken.last_used_at.getTime() > 60_000) {
      await touchApiToken(deps.db, apiToken.id, now);
    }
    return {
      principal: {
        agentId: apiToken.agent_id,
        role: apiToken.role,
        via: 'api-token',
        sessionTokenHash: null,
      },
      csrfToken: null,
    };
  }
  return null;
}

const roleRank: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/** Throws unless the caller is signed in with at least the given role. */
export function requireRole(principal: Principal | null, minimum: Role): Principal {
  if (!principal) throw unauthenticated();
  if (roleRank[principal.role] < roleRank[minimum]) {
    throw forbidden('auth.forbidden', `This needs the ${minimum} role`);
  }
  return principal;
}

export function hasRole(principal: Principal, minimum: Role): boolean {
  return roleRank[principal.role] >= roleRank[minimum];
}
