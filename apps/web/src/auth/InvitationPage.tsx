import type { InvitationDetails } from '@frontline/contracts';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { FormError, PageLoader } from '../components/states.tsx';
import { applyUiLanguage } from '../i18n/index.ts';
import { type LoginResponse, useAdoptSession } from './session.tsx';

const MIN_PASSWORD = 10;

/**
 * `/invitation/:token`: an invited agent sees whom the link is for, chooses a password (twice)
 * and is signed in, in their own UI language. A used, replaced or expired link says so and
 * points to the sign-in page.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const adoptSession = useAdoptSession();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) =>
      api.get<InvitationDetails>(
        `/api/v1/public/invitations/${encodeURIComponent(token)}`,
        undefined,
        signal,
      ),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      api.post<LoginResponse>(`/api/v1/public/invitations/${encodeURIComponent(token)}/accept`, { password }),
    onSuccess: async (session) => {
      await adoptSession(session);
      navigate('/inbox/mine', { replace: true });
    },
    meta: { handlesErrors: true },
  });
  const language = invitation.data?.uiLanguage;
  useEffect(() => {
    if (language) void applyUiLanguage(language);
  }, [language]);

  if (invitation.isPending) return <PageLoader h="100vh" />;
  if (invitation.isError) {
    const isExpired = invitation.error instanceof ApiError && invitation.error.status === 410;
    return (
      <Center mih="100vh" bg="gray.0" p="md">
        <Paper withBorder shadow="sm" p="xl" w={440} maw="100%">
          <Stack>
            <Title order={1} size="h2" c="indigo.7">
              Frontline
            </Title>
            <Alert color="red" role="alert">
              {isExpired ? t('invitation.expired') : t('invitation.notFound')}
            </Alert>
            <Anchor href="/">{t('invitation.toLogin')}</Anchor>
          </Stack>
        </Paper>
      </Center>
    );
  }

  const mismatch = confirm.length > 0 && confirm !== password;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (password === confirm) accept.mutate();
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack>
          <div>
            <Title order={1} size="h2" c="indigo.7">
              {t('invitation.title', { name: invitation.data.name })}
            </Title>
            <Text c="dimmed" size="sm">
              {t('invitation.intro', { email: invitation.data.email })}
            </Text>
          </div>
          {/* For password managers: the account the new password belongs to. */}
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={invitation.data.email}
            readOnly
            style={{ display: 'none' }}
          />
          <PasswordInput
            label={t('invitation.password')}
            description={t('invitation.passwordHint')}
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('invitation.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? t('invitation.mismatch') : undefined}
            onChange={(event) => setConfirm(event.currentTarget.value)}
          />
          <FormError error={accept.error} />
          <Button type="submit" loading={accept.isPending} disabled={mismatch} fullWidth>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
