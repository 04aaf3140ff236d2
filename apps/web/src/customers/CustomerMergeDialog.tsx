import type { Customer } from '@frontline/contracts';
import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch, useMergeCustomers } from '../api/customers.ts';
import { FormError, PageLoader } from '../components/states.tsx';

type Props = { customer: Customer; opened: boolean; onClose: () => void };

/** Folds another customer (a duplicate) into this one; their conversations and identities move here. */
export function CustomerMergeDialog({ customer, opened, onClose }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 250);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const search = useCustomerSearch(debouncedQuery);
  const merge = useMergeCustomers();
  const candidates = (search.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (candidate) => candidate.id !== customer.id,
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('customer.mergeTitle', { name: customer.name })}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('customer.mergeExplain')}</Text>
        <TextInput
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.search')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-autofocus
        />
        {search.isPending ? (
          <PageLoader h={80} />
        ) : (
          <Radio.Group value={sourceId} onChange={setSourceId}>
            <Stack gap="xs">
              {candidates.slice(0, 10).map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={`${candidate.name || t('customer.unnamed')} — ${candidate.identities.map((identity) => identity.value).join(', ')}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <FormError error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!sourceId}
            loading={merge.isPending}
            onClick={() =>
              sourceId &&
              merge.mutate(
                { targetId: customer.id, sourceCustomerId: sourceId },
                {
                  onSuccess: () => {
                    setSourceId(null);
                    onClose();
                  },
                },
              )
            }
          >
            {t('customer.mergeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
