import type { Customer } from '@frontline/contracts';
import type { CustomerRow } from '../../db/schema.ts';

type IdentityRow = {
  id: string;
  customer_id: string;
  kind: Customer['identities'][number]['kind'];
  value: string;
};

export function toCustomerDto(customer: CustomerRow, identities: IdentityRow[]): Customer {
  return {
    id: customer.id,
    name: customer.name,
    preferredLanguage: customer.preferred_language,
    organisation: customer.organisation,
    notes: customer.notes,
    identities: identities
      .filter((identity) => identity.customer_id === customer.id)
      .map(({ id, kind, value }) => ({ id, kind, value })),
    mergedIntoId: customer.merged_into_id,
    createdAt: customer.created_at.toISOString(),
    updatedAt: customer.updated_at.toISOString(),
  };
}
