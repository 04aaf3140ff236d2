import type { IdentityKind } from '@frontline/contracts';
import { Anchor, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomer } from '../api/customers.ts';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { CustomerHistory } from '../customers/CustomerHistory.tsx';

export function IdentityList({
  identities,
}: {
  identities: { id: string; kind: IdentityKind; value: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {identities.map((identity) => (
        <Group key={identity.id} gap={6} wrap="nowrap">
          <Badge size="xs" variant="light" color="gray" miw={70}>
            {t(`identity.${identity.kind}`)}
          </Badge>
          <Text size="sm" truncate>
            {identity.value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Who the customer is and what they asked before, beside the conversation. */
export function CustomerPanel({
  customerId,
  conversationId,
}: {
  customerId: string;
  conversationId: string;
}) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  if (customer.isPending) return <PageLoader h={120} />;
  if (customer.isError) return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  const { data } = customer;
  return (
    <Stack gap="sm" data-testid="customer-panel">
      <div>
        <Anchor component={Link} to={`/customers/${data.id}`}>
          <Title order={3} size="h4">
            {data.name || t('customer.unnamed')}
          </Title>
        </Anchor>
        {data.organisation && (
          <Text size="sm" c="dimmed">
            {data.organisation}
          </Text>
        )}
      </div>
      <IdentityList identities={data.identities} />
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('fields.language')}:
        </Text>
        <Text size="sm" tt="uppercase" fw={600}>
          {data.preferredLanguage ?? '—'}
        </Text>
      </Group>
      {data.notes && (
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('fields.notes')}
          </Text>
          <Text size="sm" className="frontline-message-body">
            {data.notes}
          </Text>
        </div>
      )}
      <Divider label={t('customer.history')} labelPosition="left" />
      <CustomerHistory customerId={data.id} currentId={conversationId} />
    </Stack>
  );
}
