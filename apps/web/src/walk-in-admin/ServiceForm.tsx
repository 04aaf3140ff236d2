import { type ServiceNames, supportedLanguages, type WalkInService } from '@frontline/contracts';
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useAgents } from '../api/directory.ts';
import { fieldErrorsOf, useSaveService } from './admin-api.ts';
import { languageNames } from './LocationForm.tsx';
import { useWalkInAdminText } from './texts.ts';

/** Adds a service to a location or changes one: names, ticket letter, limits, who may serve it. */
export function ServiceForm({
  locationId,
  service,
  onDone,
}: {
  locationId: string;
  service?: WalkInService;
  onDone: () => void;
}) {
  const { text } = useWalkInAdminText();
  const save = useSaveService();
  const agents = useAgents();
  const [names, setNames] = useState<Record<string, string>>({ ...(service?.names ?? {}) });
  const [prefix, setPrefix] = useState(service?.prefix ?? '');
  const [skills, setSkills] = useState<string[]>(service?.skills ?? []);
  const [dailyCapacity, setDailyCapacity] = useState<number | string>(service?.dailyCapacity ?? '');
  const [lastTicketTime, setLastTicketTime] = useState(service?.lastTicketTime ?? '');
  const [agentIds, setAgentIds] = useState<string[]>(service?.agentIds ?? []);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(save.error, text);
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!names.en?.trim()) errors['names.en'] = text('required');
    if (!/^[A-Z]$/.test(prefix)) errors.prefix = text('prefixHint');
    if (lastTicketTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(lastTicketTime)) errors.lastTicketTime = 'HH:MM';
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const givenNames = Object.fromEntries(
      supportedLanguages
        .map((language) => [language, names[language]?.trim() ?? ''] as const)
        .filter(([, name]) => name !== ''),
    ) as ServiceNames;
    const body = {
      names: givenNames,
      prefix,
      skills,
      dailyCapacity: typeof dailyCapacity === 'number' ? dailyCapacity : null,
      lastTicketTime: lastTicketTime || null,
      agentIds,
    };
    save.mutate({ locationId, id: service?.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {supportedLanguages.map((language) => (
            <TextInput
              key={language}
              label={text('serviceName', { language: languageNames[language] })}
              required={language === 'en'}
              value={names[language] ?? ''}
              error={errorOf(`names.${language}`)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setNames((current) => ({ ...current, [language]: value }));
              }}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={text('prefix')}
            description={text('prefixHint')}
            required
            maxLength={1}
            value={prefix}
            error={errorOf('prefix')}
            onChange={(event) => setPrefix(event.currentTarget.value.toUpperCase())}
          />
          <NumberInput
            label={text('dailyCapacity')}
            placeholder={text('noLimit')}
            min={1}
            max={10_000}
            value={dailyCapacity}
            error={errorOf('dailyCapacity')}
            onChange={setDailyCapacity}
          />
          <TextInput
            label={text('lastTicketTime')}
            placeholder={text('untilClosing')}
            description="HH:MM"
            value={lastTicketTime}
            error={errorOf('lastTicketTime')}
            onChange={(event) => setLastTicketTime(event.currentTarget.value)}
          />
        </SimpleGrid>
        <TagsInput
          label={text('skills')}
          description={text('skillsHint')}
          value={skills}
          error={errorOf('skills')}
          onChange={setSkills}
        />
        <MultiSelect
          label={text('agents')}
          searchable
          data={(agents.data ?? []).map((agent) => ({ value: agent.id, label: agent.name }))}
          value={agentIds}
          error={errorOf('agentIds')}
          onChange={setAgentIds}
        />
        {serverErrors.form && (
          <Text c="red.9" size="sm" role="alert">
            {serverErrors.form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {service ? text('save') : text('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
