import type { WalkInLocation } from '@frontline/contracts';
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useFormat } from '../i18n/format.ts';
import { useLine } from './desk-api.ts';
import { useWalkInText } from './texts.ts';
import { VisitNotices } from './VisitNotices.tsx';

/** Who is waiting at the location, in calling order. */
export function WaitingLine({ location }: { location: WalkInLocation }) {
  const { text, language } = useWalkInText();
  const format = useFormat();
  const line = useLine(location.id);
  const items = line.data?.items ?? [];
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={3} size="h4" mb="sm">
        {text('line')} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{text('nobodyWaiting')}</Text>
      ) : (
        <Table data-testid="waiting-line" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('ticket')}</Table.Th>
              <Table.Th>{text('service')}</Table.Th>
              <Table.Th>{text('customer')}</Table.Th>
              <Table.Th>{text('waitingSince')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((visit) => {
              const service = location.services.find((candidate) => candidate.id === visit.serviceId);
              return (
                <Table.Tr key={visit.id}>
                  <Table.Td fw={700}>
                    {visit.ticket}{' '}
                    {visit.isPriority && (
                      <Badge size="xs" color="grape">
                        {text('priority')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{service ? (service.names[language] ?? service.names.en) : ''}</Table.Td>
                  <Table.Td>
                    {visit.customerName}
                    <VisitNotices visit={visit} compact />
                  </Table.Td>
                  <Table.Td>{format.relative(visit.takenAt)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
