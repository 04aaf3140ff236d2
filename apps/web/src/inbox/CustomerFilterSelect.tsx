import type { Customer } from '@frontline/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomer, useCustomerSearch } from '../api/customers.ts';
import { useInboxText } from './texts.ts';

/** "Ona Petraitė · ona@example.lt": enough to tell two customers of the same name apart. */
function describeCustomer(customer: Customer, unnamed: string) {
  const contact = customer.identities[0]?.value;
  const name = customer.name || unnamed;
  return contact && contact !== name ? `${name} · ${contact}` : name;
}

type Props = { value: string | undefined; onChange: (customerId: string | undefined) => void };

/** Picks one customer for the inbox filter, searching the directory as the agent types. */
export function CustomerFilterSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { text: inboxText } = useInboxText();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 250);
  // The chosen customer keeps its name in the field even when it is not among the results.
  const chosen = useCustomer(value);
  const unnamed = t('customer.unnamed');
  const chosenLabel = chosen.data ? describeCustomer(chosen.data, unnamed) : undefined;
  // The field shows the chosen customer's label as its text: that is not something to search for.
  const search = useCustomerSearch(debouncedQuery === chosenLabel ? '' : debouncedQuery);
  const found = search.data?.pages.flatMap((page) => page.items) ?? [];
  const options = [
    ...(chosen.data ? [chosen.data] : []),
    ...found.filter((customer) => customer.id !== value),
  ];

  return (
    <Select
      size="xs"
      label={inboxText('customer')}
      placeholder={inboxText('customerPlaceholder')}
      searchable
      clearable
      searchValue={query}
      onSearchChange={setQuery}
      // The directory already matched the words (names, addresses, numbers); show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage={debouncedQuery && !search.isFetching ? t('customers.empty') : undefined}
      data={options.slice(0, 10).map((customer) => ({
        value: customer.id,
        label: describeCustomer(customer, unnamed),
      }))}
      value={value ?? null}
      onChange={(customerId) => onChange(customerId ?? undefined)}
      comboboxProps={{ withinPortal: false }}
      data-testid="filter-customer"
    />
  );
}
