import type { CreateApiTokenBody } from '@frontline/contracts';
import type { Deps } from '../../deps.ts';
import type { Principal } from '../../platform/http.ts';
import { generateToken, hashToken } from '../../platform/secrets.ts';
import { toApiTokenDto } from './agents.dto.ts';
import {
  apiTokenAgentInactive,
  apiTokenAgentUnknown,
  apiTokenExpiryInPast,
  apiTokenNotFound,
} from './agents.errors.ts';
import { findAgentRow } from './agents.repository.ts';
import {
  findApiToken,
  insertApiToken,
  listApiTokenRows,
  revokeApiTokenRow,
} from './api-tokens.repository.ts';

const tokenPrefix = 'flt_';
// Enough to tell tokens apart in a list, far too little to guess the remaining 35 characters.
const recognisablePrefixLength = 8;

/**
 * Creates an API token acting as `agentId` (default: the caller). The secret is returned once;
 * only its sha256 is stored, with its first characters kept so people can recognise it.
 *
 * @example const { token } = await createApiToken(deps, admin, { name: 'Shop integration' })
 */
export async function createApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  creator: Pick<Principal, 'agentId'> | null,
  input: CreateApiTokenBody,
) {
  const agentId = input.agentId ?? creator?.agentId;
  if (!agentId) throw apiTokenAgentUnknown();
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
  if (expiresAt && expiresAt <= deps.clock.now()) throw apiTokenExpiryInPast();
  const agent = await findAgentRow(deps.db, agentId);
  if (!agent) throw apiTokenAgentUnknown();
  if (!agent.is_active) throw apiTokenAgentInactive();

  const token = generateToken('flt');
  const row = await insertApiToken(deps.db, {
    agent_id: agentId,
    name: input.name,
    token_hash: hashToken(token),
    token_prefix: token.slice(tokenPrefix.length, tokenPrefix.length + recognisablePrefixLength),
    created_by_id: creator?.agentId ?? null,
    expires_at: expiresAt,
  });
  return { ...toApiTokenDto(row), token };
}

export async function listApiTokens(deps: Pick<Deps, 'db'>, filter: { agentId?: string }) {
  const rows = await listApiTokenRows(deps.db, filter);
  return rows.map(toApiTokenDto);
}

/** Revokes a token at once: the next request presenting it gets 401. Revoking twice is harmless. */
export async function revokeApiToken(deps: Pick<Deps, 'db' | 'clock'>, tokenId: string) {
  const token = await findApiToken(deps.db, tokenId);
  if (!token) throw apiTokenNotFound();
  await revokeApiTokenRow(deps.db, tokenId, deps.clock.now());
}
