import type { WalkInLocation, WalkInReportQuery, WalkInReportRow } from '@frontline/contracts';
import { Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { isSupervisor, useSession } from '../auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { useWalkInLocations, useWalkInReport } from './admin-api.ts';
import { useWalkInAdminText } from './texts.ts';

type Grouping = WalkInReportQuery['groupBy'];
const isCivilDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A date "YYYY-MM-DD" in the browser's own calendar, `daysAgo` days back. */
function civilDate(daysAgo: number) {
  const date = new Date();
  date.setDate(date.getDate() - daysAgo);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function ReportTable({
  rows,
  location,
  groupBy,
}: {
  rows: WalkInReportRow[];
  location: WalkInLocation;
  groupBy: Grouping;
}) {
  const { text, language } = useWalkInAdminText();
  const format = useFormat();
  // The server names a service in English; the agent reads it in their own language.
  const groupLabel = (row: WalkInReportRow) => {
    if (groupBy === 'hour') return `${row.group}:00–${row.group}:59`;
    const service = location.services.find((candidate) => candidate.id === row.groupId);
    if (groupBy === 'service' && service)
      return `${service.prefix} · ${service.names[language] ?? service.names.en}`;
    return row.group;
  };
  const seconds = (value: number | null) => (value === null ? text('none') : format.duration(value));
  const number = (value: number) => format.number(value);
  const columns = [
    ['arrivals', (row: WalkInReportRow) => number(row.arrivals)],
    ['served', (row: WalkInReportRow) => number(row.served)],
    ['waitMedian', (row: WalkInReportRow) => seconds(row.waitMedianSeconds)],
    ['waitP90', (row: WalkInReportRow) => seconds(row.waitP90Seconds)],
    ['serviceMedian', (row: WalkInReportRow) => seconds(row.serviceMedianSeconds)],
    ['noShows', (row: WalkInReportRow) => number(row.noShows)],
    ['transfers', (row: WalkInReportRow) => number(row.transfers)],
    ['abandoned', (row: WalkInReportRow) => number(row.abandoned)],
    [
      'promiseKept',
      (row: WalkInReportRow) =>
        row.promiseKeptRate === null
          ? text('none')
          : `${format.percent(row.promiseKeptRate)} (${number(row.promisesKept)}/${number(row.promisesKept + row.promisesMissed)})`,
    ],
  ] as const;

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover data-testid="walk-in-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{text('day')}</Table.Th>
            <Table.Th scope="col">
              {text(groupBy === 'service' ? 'byService' : groupBy === 'desk' ? 'byDesk' : 'byHour')}
            </Table.Th>
            {columns.map(([key]) => (
              <Table.Th scope="col" ta="right" key={key}>
                {text(key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.day}|${row.groupId ?? row.group}`} data-testid="walk-in-report-row">
              <Table.Td>{format.date(`${row.day}T12:00:00Z`)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {groupLabel(row)}
              </Table.Th>
              {columns.map(([key, cell]) => (
                <Table.Td ta="right" key={key}>
                  {cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Supervisors' report of a walk-in location: per day and service, desk or hour of arrival. */
export function WalkInReportPage() {
  const { text } = useWalkInAdminText();
  const { agent } = useSession();
  const locations = useWalkInLocations();
  const [chosenLocationId, setLocationId] = useState<string | null>(null);
  const [from, setFrom] = useState(civilDate(6));
  const [to, setTo] = useState(civilDate(0));
  const [groupBy, setGroupBy] = useState<Grouping>('service');
  const location =
    locations.data?.find((candidate) => candidate.id === chosenLocationId) ?? locations.data?.[0] ?? null;
  const isPeriodValid = isCivilDate(from) && isCivilDate(to);
  const report = useWalkInReport(isPeriodValid ? (location?.id ?? null) : null, { from, to, groupBy });
  if (!isSupervisor(agent)) return <Navigate to="/inbox/mine" replace />;
  if (locations.isPending) return <PageLoader />;
  if (locations.isError)
    return <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />;

  return (
    <Stack p="md" gap="md" maw={1300}>
      <Title order={1} size="h3">
        {text('reportTitle')}
      </Title>
      <Text size="sm" c="dimmed" maw={820}>
        {text('reportIntro')}
      </Text>
      <Group gap="sm" align="end">
        <Select
          label={text('location')}
          data={(locations.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={location?.id ?? null}
          onChange={setLocationId}
          allowDeselect={false}
          w={280}
        />
        <TextInput
          type="date"
          label={text('from')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={text('to')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="walk-in-report-group">
            {text('groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="walk-in-report-group"
            value={groupBy}
            onChange={(value) => setGroupBy(value as Grouping)}
            data={[
              { value: 'service', label: text('byService') },
              { value: 'desk', label: text('byDesk') },
              { value: 'hour', label: text('byHour') },
            ]}
          />
        </Stack>
      </Group>
      {!location ? (
        <EmptyState title={text('noLocations')} />
      ) : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.length === 0 ? (
        <EmptyState title={text('empty')} />
      ) : (
        <ReportTable rows={report.data} location={location} groupBy={groupBy} />
      )}
    </Stack>
  );
}
