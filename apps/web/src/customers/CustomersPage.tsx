import { Button, Center, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateCustomer, useCustomerSearch } from '../api/customers.ts';
import { EmptyState, ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';

function NewCustomerForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [language, setLanguage] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            name,
            email: email || undefined,
            phone: phone || undefined,
            organisation: organisation || undefined,
            preferredLanguage: language || undefined,
            identities: [],
            notes: '',
          },
          { onSuccess: (customer) => onCreated(customer.id) },
        );
      }}
    >
      <Stack>
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('identity.email')}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <TextInput
          label={t('identity.phone')}
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
        />
        <TextInput
          label={t('fields.organisation')}
          value={organisation}
          onChange={(event) => setOrganisation(event.currentTarget.value)}
        />
        <TextInput
          label={t('fields.language')}
          placeholder="hu"
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value.trim())}
        />
        <FormError error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 250);
  const [isCreating, creating] = useDisclosure();
  const search = useCustomerSearch(debouncedQuery);
  const customers = search.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('customers.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={creating.open}>
          {t('customers.new')}
        </Button>
      </Group>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.search')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={480}
      />
      {search.isPending ? (
        <PageLoader />
      ) : search.isError ? (
        <Center>
          <ErrorState error={search.error} onRetry={() => void search.refetch()} />
        </Center>
      ) : customers.length === 0 ? (
        <EmptyState title={t('customers.empty')} />
      ) : (
        <>
          <Table highlightOnHover data-testid="customer-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.organisation')}</Table.Th>
                <Table.Th>{t('customers.contacts')}</Table.Th>
                <Table.Th>{t('fields.language')}</Table.Th>
                <Table.Th>{t('customers.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((customer) => (
                <Table.Tr
                  key={customer.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`/customers/${customer.id}`)}
                >
                  <Table.Td fw={500}>{customer.name || t('customer.unnamed')}</Table.Td>
                  <Table.Td>{customer.organisation ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={320}>
                      {customer.identities.map((identity) => identity.value).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td tt="uppercase">{customer.preferredLanguage ?? '—'}</Table.Td>
                  <Table.Td>{format.date(customer.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {search.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={search.isFetchingNextPage}
                onClick={() => void search.fetchNextPage()}
              >
                {t('inbox.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <Modal opened={isCreating} onClose={creating.close} title={t('customers.new')}>
        <NewCustomerForm
          onCreated={(id) => {
            creating.close();
            navigate(`/customers/${id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
