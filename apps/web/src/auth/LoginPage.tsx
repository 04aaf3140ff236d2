import { type SupportedLanguage, supportedLanguages } from '@frontline/contracts';
import { Button, Center, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/states.tsx';
import { applyUiLanguage, languageNames } from '../i18n/index.ts';
import { useLogIn } from './session.tsx';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    try {
      await logIn(email, password);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Stack>
          <div>
            <Title order={2} c="indigo.7">
              Frontline
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
          </div>
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <FormError error={error} />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('login.submit')}
          </Button>
          <Select
            size="xs"
            label={t('profile.uiLanguage')}
            data={supportedLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
            value={i18n.language}
            allowDeselect={false}
            onChange={(language) => language && void applyUiLanguage(language as SupportedLanguage)}
          />
        </Stack>
      </Paper>
    </Center>
  );
}
