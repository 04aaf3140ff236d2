import { z } from 'zod';
import { cursorQuery, isoDateTime, languageCode, uuid } from './common.ts';

export const identityKinds = ['email', 'phone', 'chat_visitor', 'telegram', 'whatsapp', 'external'] as const;
export const identityKind = z.enum(identityKinds);
export type IdentityKind = z.infer<typeof identityKind>;

export const identitySchema = z
  .object({ id: uuid, kind: identityKind, value: z.string() })
  .meta({ id: 'Identity' });

export const customerSchema = z
  .object({
    id: uuid,
    name: z.string(),
    preferredLanguage: z.string().nullable(),
    organisation: z.string().nullable(),
    notes: z.string(),
    identities: z.array(identitySchema),
    /** Set when this customer was merged into another; use that one instead. */
    mergedIntoId: uuid.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

const identityInput = z.strictObject({ kind: identityKind, value: z.string().trim().min(1).max(320) });

export const createCustomerBody = z.strictObject({
  name: z.string().trim().max(200).default(''),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(64).optional(),
  identities: z.array(identityInput).max(20).default([]),
  preferredLanguage: languageCode.optional(),
  organisation: z.string().trim().max(200).optional(),
  notes: z.string().max(20_000).default(''),
});
export type CreateCustomerBody = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z.strictObject({
  name: z.string().trim().max(200).optional(),
  preferredLanguage: languageCode.nullable().optional(),
  organisation: z.string().trim().max(200).nullable().optional(),
  notes: z.string().max(20_000).optional(),
  /** Adds identities; existing ones stay. */
  addIdentities: z.array(identityInput).max(20).optional(),
  removeIdentityIds: z.array(uuid).max(20).optional(),
});
export type UpdateCustomerBody = z.infer<typeof updateCustomerBody>;

export const listCustomersQuery = z.strictObject({
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  ...cursorQuery,
});

export type CustomerReference = {
  id?: string;
  email?: string;
  phone?: string;
  name?: string;
  preferredLanguage?: string;
};

export const mergeCustomersBody = z.strictObject({
  /** This customer is folded into the one in the path and stops existing on its own. */
  sourceCustomerId: uuid,
});
