import { Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCustomer } from '../api/customers.ts';
import { ErrorState, PageLoader } from '../components/states.tsx';
import { IdentityList } from '../conversation/CustomerPanel.tsx';
import { useFormat } from '../i18n/format.ts';
import { CustomerEditForm } from './CustomerEditForm.tsx';
import { CustomerHistory } from './CustomerHistory.tsx';
import { CustomerMergeDialog } from './CustomerMergeDialog.tsx';

export function CustomerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const customer = useCustomer(id);
  const [isEditing, editing] = useDisclosure();
  const [isMerging, merging] = useDisclosure();

  if (customer.isPending) return <PageLoader />;
  if (customer.isError) {
    return (
      <Box p="md">
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      </Box>
    );
  }
  const { data } = customer;

  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" data-testid="customer-name">
            {data.name || t('customer.unnamed')}
          </Title>
          <Text size="sm" c="dimmed">
            {[data.organisation, t('customers.sinceDate', { date: format.date(data.createdAt) })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editing.toggle}>
            {t('common.edit')}
          </Button>
          <Button variant="default" leftSection={<IconArrowMerge size={16} />} onClick={merging.open}>
            {t('customer.merge')}
          </Button>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            {isEditing ? (
              <CustomerEditForm customer={data} onDone={editing.close} />
            ) : (
              <Stack gap="sm">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('customer.identities')}
                </Text>
                <IdentityList identities={data.identities} />
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('fields.language')}
                </Text>
                <Text size="sm" tt="uppercase">
                  {data.preferredLanguage ?? '—'}
                </Text>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('fields.notes')}
                </Text>
                <Text size="sm" className="frontline-message-body" c={data.notes ? undefined : 'dimmed'}>
                  {data.notes || t('customer.noNotes')}
                </Text>
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="sm">
              {t('customer.history')}
            </Text>
            <CustomerHistory customerId={data.id} />
          </Paper>
        </Grid.Col>
      </Grid>
      <CustomerMergeDialog customer={data} opened={isMerging} onClose={merging.close} />
    </Stack>
  );
}
