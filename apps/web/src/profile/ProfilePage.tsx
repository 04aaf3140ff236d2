import {
  type Agent,
  type ChangePasswordBody,
  type SupportedLanguage,
  supportedLanguages,
  type UpdateProfileBody,
} from '@frontline/contracts';
import {
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { FormError } from '../components/states.tsx';
import { applyUiLanguage, languageNames } from '../i18n/index.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const { agent, updateAgent } = useSession();
  const [name, setName] = useState(agent.name);
  const [uiLanguage, setUiLanguage] = useState<SupportedLanguage>(agent.uiLanguage);
  const [languages, setLanguages] = useState(agent.languages);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  const saveProfile = useMutation({
    mutationFn: (changes: UpdateProfileBody) => api.patch<Agent>('/api/v1/me', changes),
    onSuccess: async (updated) => {
      updateAgent(updated);
      await applyUiLanguage(updated.uiLanguage);
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
    meta: { handlesErrors: true },
  });
  const changePassword = useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<void>('/api/v1/me/password', body),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
    },
    meta: { handlesErrors: true },
  });

  return (
    <Stack p="md">
      <Title order={2} size="h3">
        {t('nav.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              saveProfile.mutate({ name, uiLanguage, languages });
            }}
          >
            <Stack>
              <TextInput label={t('fields.email')} value={agent.email} disabled />
              <TextInput
                label={t('fields.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
              />
              <Select
                label={t('profile.uiLanguage')}
                data={supportedLanguages.map((language) => ({
                  value: language,
                  label: languageNames[language],
                }))}
                value={uiLanguage}
                allowDeselect={false}
                onChange={(language) => language && setUiLanguage(language as SupportedLanguage)}
                data-testid="ui-language"
              />
              <TagsInput
                label={t('agents.languages')}
                description={t('agents.languagesHint')}
                value={languages}
                onChange={setLanguages}
              />
              <FormError error={saveProfile.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={saveProfile.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder p="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              changePassword.mutate({ currentPassword, newPassword });
            }}
          >
            <Stack>
              <Title order={3} size="h5">
                {t('profile.changePassword')}
              </Title>
              <PasswordInput
                label={t('profile.currentPassword')}
                autoComplete="current-password"
                required
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('profile.newPassword')}
                description={t('agents.passwordHint')}
                autoComplete="new-password"
                required
                value={newPassword}
                onChange={(event) => setNewPassword(event.currentTarget.value)}
              />
              <FormError error={changePassword.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={changePassword.isPending}>
                  {t('profile.changePassword')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
