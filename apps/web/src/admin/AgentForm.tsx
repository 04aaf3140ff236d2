import {
  type Agent,
  type AgentRole,
  agentRoles,
  type SupportedLanguage,
  supportedLanguages,
} from '@frontline/contracts';
import {
  Button,
  Group,
  MultiSelect,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../api/directory.ts';
import { FormError } from '../components/states.tsx';
import { languageNames } from '../i18n/index.ts';

export type AgentFormValues = {
  email: string;
  name: string;
  role: AgentRole;
  teamIds: string[];
  languages: string[];
  skills: string[];
  uiLanguage: SupportedLanguage;
  isActive: boolean;
  password: string;
  /** New agents: an invitation to choose their own password, or a password set now. */
  access: 'invite' | 'password';
};

type Props = {
  agent?: Agent;
  error: unknown;
  isSaving: boolean;
  onSubmit: (values: AgentFormValues) => void;
  onCancel: () => void;
};

/** Creating an agent (with `agent` absent) or changing one. */
export function AgentForm({ agent, error, isSaving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const teams = useTeams();
  const [values, setValues] = useState<AgentFormValues>({
    email: agent?.email ?? '',
    name: agent?.name ?? '',
    role: agent?.role ?? 'agent',
    teamIds: agent?.teamIds ?? [],
    languages: agent?.languages ?? [],
    skills: agent?.skills ?? [],
    uiLanguage: agent?.uiLanguage ?? 'en',
    isActive: agent?.isActive ?? true,
    password: '',
    access: 'invite',
  });
  const set = (changes: Partial<AgentFormValues>) => setValues((current) => ({ ...current, ...changes }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(values);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('fields.email')}
          type="email"
          required
          disabled={Boolean(agent)}
          value={values.email}
          onChange={(event) => set({ email: event.currentTarget.value })}
        />
        <TextInput
          label={t('fields.name')}
          required
          value={values.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
        <Group grow>
          <Select
            label={t('fields.role')}
            data={agentRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={values.role}
            allowDeselect={false}
            onChange={(role) => role && set({ role: role as AgentRole })}
          />
          <Select
            label={t('profile.uiLanguage')}
            data={supportedLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
            value={values.uiLanguage}
            allowDeselect={false}
            onChange={(language) => language && set({ uiLanguage: language as SupportedLanguage })}
          />
        </Group>
        <MultiSelect
          label={t('nav.teams')}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={values.teamIds}
          onChange={(teamIds) => set({ teamIds })}
          searchable
        />
        <TagsInput
          label={t('agents.languages')}
          description={t('agents.languagesHint')}
          value={values.languages}
          onChange={(languages) => set({ languages: languages.map((language) => language.trim()) })}
        />
        <TagsInput
          label={t('agents.skills')}
          value={values.skills}
          onChange={(skills) => set({ skills: skills.map((skill) => skill.trim().toLowerCase()) })}
        />
        {!agent && (
          <Radio.Group
            label={t('agents.access')}
            value={values.access}
            onChange={(access) => set({ access: access as AgentFormValues['access'] })}
          >
            <Group mt={4}>
              <Radio value="invite" label={t('agents.accessInvite')} />
              <Radio value="password" label={t('agents.accessPassword')} />
            </Group>
          </Radio.Group>
        )}
        {!agent && values.access === 'invite' ? (
          <Text size="sm" c="dimmed">
            {t('agents.accessInviteHint')}
          </Text>
        ) : (
          <PasswordInput
            label={agent ? t('agents.newPassword') : t('agents.password')}
            description={agent ? t('agents.newPasswordHint') : t('agents.passwordHint')}
            value={values.password}
            onChange={(event) => set({ password: event.currentTarget.value })}
            autoComplete="new-password"
          />
        )}
        {agent && (
          <Switch
            label={t('agents.active')}
            description={t('agents.deactivateHint')}
            checked={values.isActive}
            onChange={(event) => set({ isActive: event.currentTarget.checked })}
          />
        )}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {agent ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
