import type { BusinessCalendarBody, BusinessCalendarDto } from '@frontline/contracts';
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Navigate } from 'react-router';
import { isAdmin, useSession } from '../auth/session.tsx';
import { EditDeleteActions } from '../components/RowActions.tsx';
import { ErrorState, FormError, PageLoader } from '../components/states.tsx';
import { useBusinessCalendars, useDeleteCalendar, useSaveCalendar } from './sla-api.ts';
import { useSlaText } from './texts.ts';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof days)[number];
type WeeklyHours = BusinessCalendarBody['weeklyHours'];

/** "09:00-12:00, 13:00-17:00" ⇄ [{from, to}, …]; undefined when the text is not hours. */
function parseHours(textValue: string): Array<{ from: string; to: string }> | undefined {
  const parts = textValue
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const intervals = parts.map((part) => /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(part));
  if (intervals.some((match) => !match)) return undefined;
  return intervals.map((match) => ({ from: match![1]!, to: match![2]! }));
}
const formatHours = (intervals: Array<{ from: string; to: string }> | undefined) =>
  (intervals ?? []).map(({ from, to }) => `${from}-${to}`).join(', ');

/** One closure per line: `start[..end] [reason]`. */
function parseClosures(textValue: string): BusinessCalendarBody['closures'] {
  return textValue
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [range = '', ...reason] = line.split(/\s+/);
      const [start = '', end] = range.split('..');
      return { start, ...(end ? { end } : {}), ...(reason.length > 0 ? { reason: reason.join(' ') } : {}) };
    });
}
const formatClosures = (closures: BusinessCalendarDto['closures']) =>
  closures
    .map(({ start, end, reason }) => [end ? `${start}..${end}` : start, reason].filter(Boolean).join(' '))
    .join('\n');

const officeHours = { from: '09:00', to: '17:00' };

function CalendarForm({ calendar, onDone }: { calendar?: BusinessCalendarDto; onDone: () => void }) {
  const { text } = useSlaText();
  const save = useSaveCalendar();
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(
    calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  );
  const initialHours: WeeklyHours = calendar?.weeklyHours ?? {
    mon: [officeHours],
    tue: [officeHours],
    wed: [officeHours],
    thu: [officeHours],
    fri: [officeHours],
  };
  const [hours, setHours] = useState<Record<Day, string>>(
    Object.fromEntries(days.map((day) => [day, formatHours(initialHours[day])])) as Record<Day, string>,
  );
  const [country, setCountry] = useState(calendar?.holidays?.country ?? '');
  const [region, setRegion] = useState(calendar?.holidays?.region ?? '');
  const [closures, setClosures] = useState(formatClosures(calendar?.closures ?? []));
  const [formError, setFormError] = useState<string | null>(null);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const weeklyHours: WeeklyHours = {};
        for (const day of days) {
          const parsed = parseHours(hours[day]);
          if (!parsed) {
            setFormError(text('badHours', { day: text(day) }));
            return;
          }
          if (parsed.length > 0) weeklyHours[day] = parsed;
        }
        setFormError(null);
        const body: BusinessCalendarBody = {
          name,
          timeZone,
          weeklyHours,
          holidays: country.trim()
            ? { country: country.trim(), ...(region.trim() ? { region: region.trim() } : {}) }
            : null,
          closures: parseClosures(closures),
        };
        save.mutate({ id: calendar?.id, body }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={text('name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Select
            label={text('timeZone')}
            searchable
            data={timeZones}
            value={timeZone}
            onChange={(value) => setTimeZone(value ?? 'UTC')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {text('weeklyHours')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {days.map((day) => (
            <TextInput
              key={day}
              label={text(day)}
              placeholder={text('closed')}
              description={day === 'mon' ? text('hoursHint') : undefined}
              value={hours[day]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setHours((current) => ({ ...current, [day]: value }));
              }}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={text('holidayCountry')}
            placeholder="LT"
            maxLength={2}
            value={country}
            onChange={(event) => setCountry(event.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={text('holidayRegion')}
            value={region}
            onChange={(event) => setRegion(event.currentTarget.value.toUpperCase())}
          />
        </SimpleGrid>
        <Textarea
          label={text('closures')}
          description={text('closuresHint')}
          autosize
          minRows={2}
          value={closures}
          onChange={(event) => setClosures(event.currentTarget.value)}
        />
        {formError && (
          <Text c="red.9" size="sm" role="alert">
            {formError}
          </Text>
        )}
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {text('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admin screen: business-hours calendars the SLA policies count in. */
export function CalendarsPage() {
  const { text } = useSlaText();
  const { agent } = useSession();
  const calendars = useBusinessCalendars();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<BusinessCalendarDto | 'new' | null>(null);
  if (!isAdmin(agent)) return <Navigate to="/inbox/mine" replace />;
  if (calendars.isPending) return <PageLoader />;
  if (calendars.isError)
    return <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;

  return (
    <Stack p="md" gap="md" maw={1000}>
      <Group justify="space-between">
        <Title order={2}>{text('calendarsTitle')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {text('addCalendar')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {text('calendarsIntro')}
      </Text>
      <FormError error={remove.error} />
      {calendars.data.length === 0 ? (
        <Text c="dimmed">{text('noCalendars')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('name')}</Table.Th>
              <Table.Th>{text('timeZone')}</Table.Th>
              <Table.Th>{text('weeklyHours')}</Table.Th>
              <Table.Th>{text('holidayCountry')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendars.data.map((calendar) => (
              <Table.Tr key={calendar.id}>
                <Table.Td>{calendar.name}</Table.Td>
                <Table.Td>{calendar.timeZone}</Table.Td>
                <Table.Td>
                  {days
                    .filter((day) => (calendar.weeklyHours[day] ?? []).length > 0)
                    .map((day) => `${text(day).slice(0, 3)} ${formatHours(calendar.weeklyHours[day])}`)
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  {calendar.holidays
                    ? [calendar.holidays.country, calendar.holidays.region].filter(Boolean).join('-')
                    : '—'}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <EditDeleteActions
                      editLabel={text('edit')}
                      deleteLabel={text('delete')}
                      confirmDelete={text('confirmDeleteCalendar', { name: calendar.name })}
                      onEdit={() => setEditing(calendar)}
                      onDelete={() => remove.mutate(calendar.id)}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? text('addCalendar') : text('editCalendar')}
        size="lg"
      >
        {editing !== null && (
          <CalendarForm calendar={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
