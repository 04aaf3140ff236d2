import type { WalkInLocation, WalkInService } from '@frontline/contracts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconExternalLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, Link as RouterLink, useParams } from 'react-router';
import { useDirectoryNames } from '../api/directory.ts';
import { isAdmin, useSession } from '../auth/session.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useSaveService, useWalkInLocations } from './admin-api.ts';
import { DesksSection } from './DesksSection.tsx';
import { LocationForm } from './LocationForm.tsx';
import { ServiceForm } from './ServiceForm.tsx';
import { useWalkInAdminText } from './texts.ts';

/** Links to the customer-facing pages of the location, to open on the kiosk or the TV. */
function PublicPages({ location }: { location: WalkInLocation }) {
  const { text } = useWalkInAdminText();
  const pages = [
    { label: text('kiosk'), path: `/kiosk/${location.id}` },
    { label: text('display'), path: `/display/${location.id}` },
    ...(location.allowsRemoteJoin ? [{ label: text('join'), path: `/join/${location.id}` }] : []),
  ];
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h5" mb="xs">
        {text('publicPages')}
      </Title>
      <Stack gap={4}>
        {pages.map((page) => (
          <Text size="sm" key={page.path}>
            {page.label}:{' '}
            <Anchor href={page.path} target="_blank" rel="noreferrer">
              {window.location.origin}
              {page.path} <IconExternalLink size={12} aria-hidden />
            </Anchor>
          </Text>
        ))}
        {!location.allowsRemoteJoin && (
          <Text size="sm" c="dimmed">
            {text('joinOff')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ServicesSection({ location }: { location: WalkInLocation }) {
  const { text, language } = useWalkInAdminText();
  const names = useDirectoryNames();
  const toggle = useSaveService();
  const [editing, setEditing] = useState<WalkInService | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<WalkInService | null>(null);
  const serviceName = (service: WalkInService) => service.names[language] ?? service.names.en;
  const setActive = (service: WalkInService, isActive: boolean) =>
    toggle.mutate(
      { locationId: location.id, id: service.id, body: { isActive } },
      { onSuccess: () => setDeactivating(null) },
    );

  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {text('services')}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {text('addService')}
        </Button>
      </Group>
      <FormError error={toggle.error} />
      {location.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {text('noServices')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="walk-in-services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{text('prefix')}</Table.Th>
                <Table.Th scope="col">{text('name')}</Table.Th>
                <Table.Th scope="col">{text('dailyCapacity')}</Table.Th>
                <Table.Th scope="col">{text('lastTicketTime')}</Table.Th>
                <Table.Th scope="col">{text('agents')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {location.services.map((service) => (
                <Table.Tr key={service.id}>
                  <Table.Td fw={700}>{service.prefix}</Table.Td>
                  <Table.Td>
                    {serviceName(service)}{' '}
                    {!service.isActive && (
                      <Badge color="gray" variant="light">
                        {text('inactive')}
                      </Badge>
                    )}
                    {service.skills.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {service.skills.join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{service.dailyCapacity ?? text('noLimit')}</Table.Td>
                  <Table.Td>{service.lastTicketTime ?? text('untilClosing')}</Table.Td>
                  <Table.Td>
                    {service.agentIds.map((id) => names.agentName(id) ?? id).join(', ') || text('none')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={text('edit')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`${text('edit')} ${serviceName(service)}`}
                          onClick={() => setEditing(service)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {service.isActive ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeactivating(service)}
                        >
                          {text('deactivate')}
                        </Button>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          loading={toggle.isPending}
                          onClick={() => setActive(service, true)}
                        >
                          {text('activate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? text('addService') : text('editService')}
        size="lg"
      >
        {editing !== null && (
          <ServiceForm
            locationId={location.id}
            service={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={deactivating !== null} onClose={() => setDeactivating(null)} title={text('deactivate')}>
        {deactivating && (
          <Stack>
            <Text size="sm">{text('confirmDeactivate', { name: serviceName(deactivating) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeactivating(null)}>
                {text('cancel')}
              </Button>
              <Button color="red" loading={toggle.isPending} onClick={() => setActive(deactivating, false)}>
                {text('confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

/** Admin screen: one location's details, services, desks and public pages. */
export function LocationPage() {
  const { text } = useWalkInAdminText();
  const { agent } = useSession();
  const { id } = useParams();
  const locations = useWalkInLocations();
  if (!isAdmin(agent)) return <Navigate to="/inbox/mine" replace />;
  if (locations.isPending) return <PageLoader />;
  if (locations.isError)
    return <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />;
  const location = locations.data.find((candidate) => candidate.id === id);
  if (!location) return <Navigate to="/admin/walk-in" replace />;

  return (
    <Stack p="md" gap="md" maw={1100}>
      <Anchor component={RouterLink} to="/admin/walk-in" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {text('back')}
        </Group>
      </Anchor>
      <Title order={1} size="h3">
        {location.name}
      </Title>
      <PublicPages location={location} />
      <ServicesSection location={location} />
      <DesksSection location={location} />
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h5" mb="xs">
          {text('details')}
        </Title>
        {/* Keyed by location so the form starts from the saved values after a change elsewhere. */}
        <LocationForm key={location.id} location={location} onSaved={() => undefined} />
      </Card>
    </Stack>
  );
}
