import {
  type OpeningHours,
  type SupportedLanguage,
  supportedLanguages,
  type WalkInLocation,
  walkInRulesSchema,
} from '@frontline/contracts';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useBusinessCalendars } from '../sla/sla-api.ts';
import { fieldErrorsOf, useSaveLocation } from './admin-api.ts';
import { useWalkInAdminText } from './texts.ts';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof days)[number];
type Interval = { from: string; to: string };

/** Each language in its own name, as the kiosk's language buttons show it. */
export const languageNames: Record<SupportedLanguage, string> = {
  en: 'English',
  lt: 'Lietuvių',
  sk: 'Slovenčina',
  pl: 'Polski',
  hu: 'Magyar',
};

/** "09:00-12:00, 13:00-17:00" ⇄ intervals; undefined when the text is not hours. */
function parseHours(value: string): Interval[] | undefined {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const matches = parts.map((part) => /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(part));
  if (matches.some((match) => !match)) return undefined;
  return matches.map((match) => ({ from: match![1]!, to: match![2]! }));
}
export const formatHours = (intervals: Interval[] | undefined) =>
  (intervals ?? []).map(({ from, to }) => `${from}-${to}`).join(', ');

/** The line rules a new location starts with, as the server would fill them in. */
const defaultRules = walkInRulesSchema.parse({});

/** The rules of "call next" and no-shows the form shows, with the contract's upper limits. */
const lineRuleLimits = [
  ['priorityBoostMinutes', 120],
  ['appointmentLeadMinutes', 60],
  ['noShowGraceSeconds', 1800],
  ['readmitWindowMinutes', 240],
] as const;

const officeHours = [{ from: '09:00', to: '17:00' }];
const weekdaysOpen: OpeningHours = {
  weeklyHours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours },
  holidayCountry: null,
};

const hoursByDay = (openingHours: OpeningHours) =>
  Object.fromEntries(days.map((day) => [day, formatHours(openingHours.weeklyHours[day])])) as Record<
    Day,
    string
  >;

/** Creates a location or changes one: name, address, time zone, opening hours, languages, remote join. */
export function LocationForm({
  location,
  onSaved,
  onCancel,
}: {
  location?: WalkInLocation;
  onSaved: (location: WalkInLocation) => void;
  onCancel?: () => void;
}) {
  const { text } = useWalkInAdminText();
  const save = useSaveLocation();
  const calendars = useBusinessCalendars();
  const timeZones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone')], []);
  const [name, setName] = useState(location?.name ?? '');
  const [address, setAddress] = useState(location?.address ?? '');
  const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A browser may name its zone by an alias (`Etc/UTC`) the server's list does not hold.
  const [timeZone, setTimeZone] = useState(
    location?.timeZone ?? (timeZones.includes(browserTimeZone) ? browserTimeZone : 'UTC'),
  );
  const [hours, setHours] = useState(hoursByDay(location?.openingHours ?? weekdaysOpen));
  const [holidayCountry, setHolidayCountry] = useState(location?.openingHours.holidayCountry ?? '');
  const [languages, setLanguages] = useState<string[]>(location?.languages ?? ['en']);
  const [allowsRemoteJoin, setAllowsRemoteJoin] = useState(location?.allowsRemoteJoin ?? false);
  const [lineRules, setLineRules] = useState(() => {
    const { priorityBoostMinutes, appointmentLeadMinutes, noShowGraceSeconds, readmitWindowMinutes } =
      location?.rules ?? defaultRules;
    return { priorityBoostMinutes, appointmentLeadMinutes, noShowGraceSeconds, readmitWindowMinutes };
  });
  const [nearTurnPosition, setNearTurnPosition] = useState(
    location?.rules.nearTurnPosition ?? defaultRules.nearTurnPosition,
  );
  const [nearTurnMinutes, setNearTurnMinutes] = useState(
    location?.rules.nearTurnMinutes ?? defaultRules.nearTurnMinutes,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(save.error, text);
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field];

  const copyCalendar = (calendarId: string | null) => {
    const calendar = calendars.data?.find((candidate) => candidate.id === calendarId);
    if (!calendar) return;
    setHours(hoursByDay({ weeklyHours: calendar.weeklyHours, holidayCountry: null }));
    setTimeZone(calendar.timeZone);
    setHolidayCountry(calendar.holidays?.country ?? '');
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = text('required');
    const weeklyHours: OpeningHours['weeklyHours'] = {};
    for (const day of days) {
      const parsed = parseHours(hours[day]);
      if (!parsed) errors[`hours.${day}`] = text('badHours');
      else if (parsed.length > 0) weeklyHours[day] = parsed;
    }
    if (languages.length === 0) errors.languages = text('required');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body = {
      name: name.trim(),
      address: address.trim(),
      timeZone,
      openingHours: { weeklyHours, holidayCountry: holidayCountry.trim() || null },
      languages: languages as SupportedLanguage[],
      allowsRemoteJoin,
      rules: {
        // The line rules this form does not show keep their values (or the defaults, when new).
        ...(location?.rules ?? defaultRules),
        ...lineRules,
        nearTurnPosition,
        nearTurnMinutes,
      },
    };
    save.mutate({ id: location?.id, body }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={text('name')}
            required
            value={name}
            error={errorOf('name')}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <TextInput
            label={text('address')}
            value={address}
            error={errorOf('address')}
            onChange={(event) => setAddress(event.currentTarget.value)}
          />
          <Select
            label={text('timeZone')}
            searchable
            data={timeZones}
            value={timeZone}
            error={errorOf('timeZone')}
            onChange={(value) => setTimeZone(value ?? 'UTC')}
            allowDeselect={false}
          />
          <MultiSelect
            label={text('languages')}
            description={text('languagesHint')}
            data={supportedLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
            value={languages}
            error={errorOf('languages')}
            onChange={setLanguages}
          />
        </SimpleGrid>
        <Group justify="space-between" align="end">
          <Text size="sm" fw={500}>
            {text('openingHours')}
          </Text>
          {(calendars.data?.length ?? 0) > 0 && (
            <Select
              aria-label={text('copyFromCalendar')}
              placeholder={text('copyFromCalendar')}
              data={(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name }))}
              value={null}
              onChange={copyCalendar}
              w={320}
            />
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {days.map((day) => (
            <TextInput
              key={day}
              label={text(day)}
              placeholder={text('closed')}
              description={day === 'mon' ? text('hoursHint') : undefined}
              value={hours[day]}
              error={errorOf(`hours.${day}`) ?? (day === 'mon' ? errorOf('openingHours') : undefined)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setHours((current) => ({ ...current, [day]: value }));
              }}
            />
          ))}
          <TextInput
            label={text('holidayCountry')}
            placeholder="LT"
            maxLength={2}
            value={holidayCountry}
            error={errorOf('openingHours.holidayCountry')}
            onChange={(event) => setHolidayCountry(event.currentTarget.value.toUpperCase())}
          />
        </SimpleGrid>
        <Switch
          label={text('allowsRemoteJoin')}
          checked={allowsRemoteJoin}
          onChange={(event) => setAllowsRemoteJoin(event.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={text('nearTurnPosition')}
            min={0}
            max={50}
            value={nearTurnPosition}
            error={errorOf('rules.nearTurnPosition')}
            onChange={(value) => setNearTurnPosition(typeof value === 'number' ? value : 0)}
          />
          <NumberInput
            label={text('nearTurnMinutes')}
            min={0}
            max={120}
            value={nearTurnMinutes}
            error={errorOf('rules.nearTurnMinutes')}
            onChange={(value) => setNearTurnMinutes(typeof value === 'number' ? value : 0)}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {text('lineRules')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {lineRuleLimits.map(([rule, max]) => (
            <NumberInput
              key={rule}
              label={text(rule)}
              min={0}
              max={max}
              value={lineRules[rule]}
              error={errorOf(`rules.${rule}`)}
              onChange={(value) =>
                setLineRules((current) => ({ ...current, [rule]: typeof value === 'number' ? value : 0 }))
              }
            />
          ))}
        </SimpleGrid>
        {serverErrors.form && (
          <Text c="red.9" size="sm" role="alert">
            {serverErrors.form}
          </Text>
        )}
        <Group justify="flex-end">
          {save.isSuccess && !save.isPending && location && (
            <Text size="sm" c="teal.9" role="status">
              {text('saved')}
            </Text>
          )}
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {text('cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {location ? text('save') : text('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
