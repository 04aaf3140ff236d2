import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, Link as RouterLink, useNavigate } from 'react-router';
import { isAdmin, useSession } from '../auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '../components/states.tsx';
import { useWalkInLocations } from './admin-api.ts';
import { LocationForm } from './LocationForm.tsx';
import { useWalkInAdminText } from './texts.ts';

/** Admin screen: the walk-in locations, each opening its services, desks and public pages. */
export function LocationsPage() {
  const { text, language } = useWalkInAdminText();
  const { agent } = useSession();
  const navigate = useNavigate();
  const locations = useWalkInLocations();
  const [isCreating, setIsCreating] = useState(false);
  if (!isAdmin(agent)) return <Navigate to="/inbox/mine" replace />;
  if (locations.isPending) return <PageLoader />;
  if (locations.isError)
    return <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />;

  return (
    <Stack p="md" gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {text('locationsTitle')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setIsCreating(true)}>
          {text('addLocation')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={760}>
        {text('locationsIntro')}
      </Text>
      {locations.data.length === 0 ? (
        <EmptyState title={text('noLocations')} />
      ) : (
        <Table striped highlightOnHover data-testid="walk-in-locations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{text('name')}</Table.Th>
              <Table.Th scope="col">{text('address')}</Table.Th>
              <Table.Th scope="col">{text('timeZone')}</Table.Th>
              <Table.Th scope="col">{text('services')}</Table.Th>
              <Table.Th scope="col">{text('desks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {locations.data.map((location) => (
              <Table.Tr key={location.id}>
                <Table.Td>
                  <Anchor component={RouterLink} to={`/admin/walk-in/${location.id}`}>
                    {location.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{location.address}</Table.Td>
                <Table.Td>{location.timeZone}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {location.services.map((service) => (
                      <Badge key={service.id} variant="light" color={service.isActive ? 'indigo' : 'gray'}>
                        {service.prefix} · {service.names[language] ?? service.names.en}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{location.desks.map((desk) => desk.name).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={isCreating} onClose={() => setIsCreating(false)} title={text('addLocation')} size="xl">
        {isCreating && (
          <LocationForm
            onCancel={() => setIsCreating(false)}
            onSaved={(location) => navigate(`/admin/walk-in/${location.id}`)}
          />
        )}
      </Modal>
    </Stack>
  );
}
