import type { CreateCustomerBody, CustomerReference, UpdateCustomerBody } from '@frontline/contracts';
import type { Queryable } from '../../db/database.ts';
import type { IdentityKind } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { publishChange } from '../../platform/realtime.ts';
import { toCustomerDto } from './customers.dto.ts';
import {
  alreadyMerged,
  cannotMergeIntoItself,
  customerNotFound,
  identityTaken,
  invalidIdentity,
} from './customers.errors.ts';
import {
  deleteCustomerRow,
  deleteIdentities,
  findCustomerRow,
  findIdentitiesOf,
  findIdentityOwner,
  insertCustomer,
  insertIdentityIfFree,
  insertMergeEvents,
  listCustomerRows,
  lockCustomerRow,
  reassignCustomerData,
  updateCustomerRow,
} from './customers.repository.ts';
import { type NormalisedIdentity, normaliseIdentity } from './identities.ts';

type PhoneCountry = Pick<Deps['config'], 'defaultPhoneCountry'>;

function normaliseOrThrow(
  kind: IdentityKind,
  raw: string,
  path: string,
  config: PhoneCountry,
): NormalisedIdentity {
  const result = normaliseIdentity(kind, raw, config.defaultPhoneCountry);
  if (!result.ok) throw invalidIdentity(kind, path, result.reason);
  return result.identity;
}

async function loadCustomer(db: Queryable, id: string) {
  const customer = await findCustomerRow(db, id);
  if (!customer) throw customerNotFound();
  return toCustomerDto(customer, await findIdentitiesOf(db, [id]));
}

/** Attaches identities to a customer; one held by another customer is a conflict. */
async function attachIdentities(db: Queryable, customerId: string, identities: NormalisedIdentity[]) {
  for (const identity of identities) {
    const isInserted = await insertIdentityIfFree(db, customerId, identity.kind, identity.value);
    if (isInserted) continue;
    const owner = await findIdentityOwner(db, identity.kind, identity.value);
    if (owner && owner.customer_id !== customerId)
      throw identityTaken(identity.kind, identity.value, owner.customer_id);
  }
}

function identitiesOf(
  input: Pick<CreateCustomerBody, 'email' | 'phone' | 'identities'>,
  config: PhoneCountry,
) {
  const identities: NormalisedIdentity[] = [];
  if (input.email) identities.push(normaliseOrThrow('email', input.email, 'body.email', config));
  if (input.phone) identities.push(normaliseOrThrow('phone', input.phone, 'body.phone', config));
  input.identities.forEach((identity, index) => {
    identities.push(
      normaliseOrThrow(identity.kind, identity.value, `body.identities.${index}.value`, config),
    );
  });
  return identities;
}

export async function createCustomer(deps: Pick<Deps, 'db' | 'config'>, input: CreateCustomerBody) {
  const identities = identitiesOf(input, deps.config);
  return deps.db.transaction().execute(async (tx) => {
    const { id } = await insertCustomer(tx, {
      name: input.name,
      preferred_language: input.preferredLanguage ?? null,
      organisation: input.organisation || null,
      notes: input.notes,
    });
    await attachIdentities(tx, id, identities);
    return loadCustomer(tx, id);
  });
}

export function getCustomer(deps: Pick<Deps, 'db'>, id: string) {
  return loadCustomer(deps.db, id);
}

export async function updateCustomer(
  deps: Pick<Deps, 'db' | 'config'>,
  id: string,
  input: UpdateCustomerBody,
) {
  const added = (input.addIdentities ?? []).map((identity, index) =>
    normaliseOrThrow(identity.kind, identity.value, `body.addIdentities.${index}.value`, deps.config),
  );
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomerRow(tx, id);
    if (!customer) throw customerNotFound();
    if (customer.merged_into_id) throw alreadyMerged(customer.merged_into_id);
    await updateCustomerRow(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.preferredLanguage !== undefined ? { preferred_language: input.preferredLanguage } : {}),
      ...(input.organisation !== undefined ? { organisation: input.organisation || null } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      updated_at: new Date(),
    });
    if (input.removeIdentityIds?.length) await deleteIdentities(tx, id, input.removeIdentityIds);
    await attachIdentities(tx, id, added);
    return loadCustomer(tx, id);
  });
}

export async function listCustomers(
  deps: Pick<Deps, 'db' | 'config'>,
  query: { email?: string; phone?: string; q?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(query.cursor, { createdAt: 'string', id: 'string' });
  const rows = await listCustomerRows(deps.db, {
    email: query.email
      ? normaliseOrThrow('email', query.email, 'querystring.email', deps.config).value
      : undefined,
    phone: query.phone
      ? normaliseOrThrow('phone', query.phone, 'querystring.phone', deps.config).value
      : undefined,
    text: query.q,
    after,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const identities = await findIdentitiesOf(
    deps.db,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toCustomerDto(row, identities)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id })
        : null,
  };
}

/**
 * Folds `sourceId` into `targetId`: identities, conversations and message authorship move to the
 * target, empty fields of the target are filled from the source, notes are kept from both. The
 * source row stays, marked merged, so links to it can be redirected.
 */
export async function mergeCustomers(
  deps: Pick<Deps, 'db'>,
  input: { targetId: string; sourceId: string; actorAgentId: string },
) {
  return deps.db.transaction().execute((tx) => mergeCustomerInto(tx, input));
}

/**
 * Merges `sourceId` into `targetId` in the caller's transaction: identities, conversations and
 * notes move, and the source points at the target from then on.
 */
export async function mergeCustomerInto(
  tx: Queryable,
  input: { targetId: string; sourceId: string; actorAgentId: string },
) {
  if (input.targetId === input.sourceId) throw cannotMergeIntoItself();
  // Lock in id order so two opposite merges cannot deadlock.
  const [first, second] = [input.targetId, input.sourceId].sort();
  const locked = new Map(
    (await Promise.all([lockCustomerRow(tx, first!), lockCustomerRow(tx, second!)]))
      .filter((row) => row !== undefined)
      .map((row) => [row.id, row]),
  );
  const target = locked.get(input.targetId);
  const source = locked.get(input.sourceId);
  if (!target || !source) throw customerNotFound();
  if (target.merged_into_id) throw alreadyMerged(target.merged_into_id);
  if (source.merged_into_id) throw alreadyMerged(source.merged_into_id);

  const movedConversationIds = await reassignCustomerData(tx, source.id, target.id);
  await updateCustomerRow(tx, target.id, {
    name: target.name || source.name,
    preferred_language: target.preferred_language ?? source.preferred_language,
    organisation: target.organisation ?? source.organisation,
    notes: [target.notes, source.notes].filter(Boolean).join('\n\n'),
    updated_at: new Date(),
  });
  await updateCustomerRow(tx, source.id, { merged_into_id: target.id, updated_at: new Date() });
  await insertMergeEvents(tx, movedConversationIds, {
    actorAgentId: input.actorAgentId,
    fromCustomerId: source.id,
    toCustomerId: target.id,
  });
  for (const conversationId of movedConversationIds) {
    await publishChange(tx, { type: 'conversation.updated', conversationId, changes: ['customer'] });
  }
  return loadCustomer(tx, target.id);
}

/**
 * The inbound pipeline's "find or create the customer": by id, else by email, else by phone
 * (normalised), else a new customer with those identities. A merged customer resolves to the
 * one it was merged into. Safe under concurrency: two first messages from one new address at
 * once end up with one customer.
 */
export async function resolveCustomer(
  db: Queryable,
  reference: CustomerReference,
  config: PhoneCountry = { defaultPhoneCountry: undefined },
): Promise<{ id: string; name: string; email: string | null }> {
  if (reference.id) {
    let customer = await findCustomerRow(db, reference.id);
    for (let hops = 0; customer?.merged_into_id && hops < 10; hops += 1) {
      customer = await findCustomerRow(db, customer.merged_into_id);
    }
    if (!customer) throw customerNotFound();
    return withEmail(db, customer.id, customer.name);
  }
  const identities: NormalisedIdentity[] = [];
  if (reference.email)
    identities.push(normaliseOrThrow('email', reference.email, 'body.customer.email', config));
  if (reference.phone)
    identities.push(normaliseOrThrow('phone', reference.phone, 'body.customer.phone', config));
  if (identities.length === 0)
    throw invalidIdentity('identity', 'body.customer', 'is missing: give an id, email or phone');

  for (const identity of identities) {
    const owner = await findIdentityOwner(db, identity.kind, identity.value);
    if (owner) return adoptExisting(db, owner.customer_id, identities, reference);
  }
  const { id } = await insertCustomer(db, {
    name: reference.name ?? '',
    preferred_language: reference.preferredLanguage ?? null,
  });
  for (const identity of identities) {
    const isInserted = await insertIdentityIfFree(db, id, identity.kind, identity.value);
    if (!isInserted) {
      // Someone created this customer a moment ago: use theirs and drop ours.
      const owner = await findIdentityOwner(db, identity.kind, identity.value);
      await deleteCustomerRow(db, id);
      return adoptExisting(db, owner!.customer_id, identities, reference);
    }
  }
  return withEmail(db, id, reference.name ?? '');
}

async function adoptExisting(
  db: Queryable,
  customerId: string,
  identities: NormalisedIdentity[],
  reference: CustomerReference,
) {
  // A known customer writing from a second address or number gains that identity too.
  for (const identity of identities)
    await insertIdentityIfFree(db, customerId, identity.kind, identity.value);
  const customer = await findCustomerRow(db, customerId);
  if (customer && !customer.name && reference.name) {
    await updateCustomerRow(db, customerId, { name: reference.name, updated_at: new Date() });
  }
  return withEmail(db, customerId, customer?.name || reference.name || '');
}

async function withEmail(db: Queryable, id: string, name: string) {
  const identities = await findIdentitiesOf(db, [id]);
  return { id, name, email: identities.find((identity) => identity.kind === 'email')?.value ?? null };
}

/**
 * "Find or create the customer" for an identity the customer does not type themselves — a chat
 * visitor's id, a site's verified user id (`external`). The holder of the identity wins; else,
 * with an email, the customer with that address (who gains the identity); else a new customer.
 * Safe under concurrency like `resolveCustomer`.
 */
export async function resolveCustomerByIdentity(
  db: Queryable,
  identity: { kind: 'chat_visitor' | 'external'; value: string },
  profile: { name?: string; email?: string; preferredLanguage?: string },
  config: PhoneCountry = { defaultPhoneCountry: undefined },
): Promise<{ id: string; name: string; email: string | null }> {
  const owned = normaliseOrThrow(identity.kind, identity.value, 'identity', config);
  const owner = await findIdentityOwner(db, owned.kind, owned.value);
  // By id, so a customer merged since then resolves to the one it was merged into.
  if (owner) return resolveCustomer(db, { id: owner.customer_id }, config);
  if (profile.email) {
    const customer = await resolveCustomer(db, { ...profile, email: profile.email }, config);
    await insertIdentityIfFree(db, customer.id, owned.kind, owned.value);
    return customer;
  }
  const { id } = await insertCustomer(db, {
    name: profile.name ?? '',
    preferred_language: profile.preferredLanguage ?? null,
  });
  if (!(await insertIdentityIfFree(db, id, owned.kind, owned.value))) {
    const winner = await findIdentityOwner(db, owned.kind, owned.value);
    await deleteCustomerRow(db, id);
    return resolveCustomer(db, { id: winner!.customer_id }, config);
  }
  return withEmail(db, id, profile.name ?? '');
}

/**
 * Adds contacts a customer left elsewhere (a walk-in visit's notification phone or email) to
 * their identities where nobody holds them yet; one already held by another customer stays there
 * (that is a merge for a person to decide). Runs in the caller's transaction. Returns the added.
 */
export async function addFreeIdentities(
  db: Queryable,
  customerId: string,
  identities: Array<{ kind: IdentityKind; value: string }>,
) {
  const added: Array<{ kind: IdentityKind; value: string }> = [];
  for (const identity of identities) {
    if (await insertIdentityIfFree(db, customerId, identity.kind, identity.value)) added.push(identity);
  }
  return added;
}
