import type { EtaCalibrationDto, PromiseReportRow } from '@frontline/contracts';
import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isSupervisor, useSession } from '../auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '../components/states.tsx';
import { useFormat } from '../i18n/format.ts';
import { useDuration } from './duration.ts';
import { usePromiseReport } from './promises-api.ts';
import { useEtaText } from './texts.ts';

const isWeek = (value: string) => /^\d{4}-W\d{2}$/.test(value);

function ReportTable({ rows }: { rows: PromiseReportRow[] }) {
  const { text, queueName, channelName } = useEtaText();
  const format = useFormat();
  const duration = useDuration();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="promises-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{text('week')}</Table.Th>
            <Table.Th scope="col">{text('queue')}</Table.Th>
            <Table.Th scope="col">{text('team')}</Table.Th>
            <Table.Th scope="col">{text('channel')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {text('promises')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {text('answered')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {text('keptRate')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {text('p50Error')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.week}|${row.queue}|${row.teamId ?? ''}|${row.channel}`}>
              <Table.Td>{row.week}</Table.Td>
              <Table.Td>{queueName(row.queue)}</Table.Td>
              <Table.Td>{row.teamName ?? text('noTeam')}</Table.Td>
              <Table.Td>{channelName(row.channel)}</Table.Td>
              <Table.Td ta="right">{format.number(row.promises)}</Table.Td>
              <Table.Td ta="right">{format.number(row.resolved)}</Table.Td>
              <Table.Td ta="right">
                {row.p90KeptRate === null ? text('notYet') : percent.format(row.p90KeptRate)}
              </Table.Td>
              <Table.Td ta="right">
                {row.p50MeanAbsoluteErrorSeconds === null
                  ? text('notYet')
                  : duration(row.p50MeanAbsoluteErrorSeconds)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The factors each queue's promises are multiplied by now, learned from their outcomes. */
function CalibrationTable({ calibration }: { calibration: EtaCalibrationDto[] }) {
  const { text, queueName } = useEtaText();
  const format = useFormat();
  const factor = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        {text('calibrationTitle')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {text('calibrationIntro')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="promises-calibration" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{text('queue')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {text('meanFactor')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {text('p90Factor')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {text('outcomes')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calibration.map((queue) => (
              <Table.Tr key={queue.queue}>
                <Table.Td>{queueName(queue.queue)}</Table.Td>
                <Table.Td ta="right">{factor.format(queue.meanFactor)}</Table.Td>
                <Table.Td ta="right">{factor.format(queue.p90Factor)}</Table.Td>
                <Table.Td ta="right">{format.number(queue.outcomes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Supervisors' report: per queue and ISO week, how many promises, how many kept, how far off. */
export function PromisesReportPage() {
  const { text } = useEtaText();
  const { agent } = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = usePromiseReport({ from: isWeek(from) ? from : undefined, to: isWeek(to) ? to : undefined });
  if (!isSupervisor(agent)) return null;
  return (
    <Stack p="md" gap="md" maw={1100}>
      <Title order={1} size="h3">
        {text('title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {text('intro')}
      </Text>
      <Group gap="sm" align="end">
        <TextInput
          type="week"
          label={text('from')}
          value={from || report.data?.from || ''}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          type="week"
          label={text('to')}
          value={to || report.data?.to || ''}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
      </Group>
      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {report.data.items.length === 0 ? (
            <EmptyState title={text('empty')} />
          ) : (
            <ReportTable rows={report.data.items} />
          )}
          <CalibrationTable calibration={report.data.calibration} />
        </>
      )}
    </Stack>
  );
}
