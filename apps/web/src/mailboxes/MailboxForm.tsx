import { type Mailbox, type SupportedLanguage, supportedLanguages } from '@frontline/contracts';
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useTeams } from '../api/directory.ts';
import { FormError } from '../components/states.tsx';
import { languageNames } from '../i18n/index.ts';
import { ConnectionTestResult } from './ConnectionTestResult.tsx';
import {
  type FieldErrors,
  initialValues,
  type MailboxFormValues,
  serverFieldErrors,
  unsavedConnectionSettings,
  validate,
} from './mailbox-form.ts';
import { useConnectionTest } from './mailboxes-api.ts';
import { useMailboxText } from './texts.ts';

type Props = {
  mailbox?: Mailbox;
  error: unknown;
  isSaving: boolean;
  onSubmit: (values: MailboxFormValues) => void;
  onCancel: () => void;
};

/** Adding a mailbox (without `mailbox`) or changing one: every setting the API has. */
export function MailboxForm({ mailbox, error, isSaving, onSubmit, onCancel }: Props) {
  const { text } = useMailboxText();
  const teams = useTeams();
  const connectionTest = useConnectionTest();
  const [values, setValues] = useState<MailboxFormValues>(() => initialValues(mailbox));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [hasTried, setHasTried] = useState(false);
  const [testedSaved, setTestedSaved] = useState(false);
  const [language, setLanguage] = useState<SupportedLanguage>('en');

  const set = (changes: Partial<MailboxFormValues>) => {
    const next = { ...values, ...changes };
    setValues(next);
    // Once the admin has tried to save, errors follow the fields as they are corrected.
    if (hasTried) setErrors(validate(next, mailbox));
  };

  const fromServer = serverFieldErrors(error);
  const errorOf = (field: string) => {
    const own = errors[field];
    if (own) return text(own.key, own.values);
    const server = fromServer[field];
    if (!server) return undefined;
    return server === 'addressTaken' || server === 'unknownTeam' ? text(server) : server;
  };
  const hasOwnErrors = Object.keys(errors).length > 0;
  const hasStoredPassword = mailbox?.inbound.type === 'imap' && mailbox.inbound.hasPassword;
  const storedOutbound = mailbox?.outbound.smtpServer ?? null;

  const runConnectionTest = () => {
    const settings = unsavedConnectionSettings(values);
    if (settings) {
      setTestedSaved(false);
      connectionTest.mutate({ settings });
    } else if (mailbox) {
      setTestedSaved(true);
      connectionTest.mutate({ mailboxId: mailbox.id });
    } else {
      // A new mailbox without its secrets cannot be tried: show what is missing.
      setHasTried(true);
      setErrors(validate(values, mailbox));
    }
  };

  const templateTabError = (candidate: SupportedLanguage) => errorOf(`templates.${candidate}`);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setHasTried(true);
        const found = validate(values, mailbox);
        setErrors(found);
        const firstTemplateError = supportedLanguages.find((candidate) => found[`templates.${candidate}`]);
        if (firstTemplateError) setLanguage(firstTemplateError);
        if (Object.keys(found).length === 0) onSubmit(values);
      }}
    >
      <Stack gap="md">
        <Fieldset legend={text('sectionGeneral')}>
          <Stack gap="sm">
            <TextInput
              label={text('name')}
              description={text('nameHint')}
              required
              value={values.name}
              error={errorOf('name')}
              onChange={(event) => set({ name: event.currentTarget.value })}
            />
            <TextInput
              label={text('address')}
              description={text('addressHint')}
              type="email"
              required
              value={values.address}
              error={errorOf('address')}
              onChange={(event) => set({ address: event.currentTarget.value })}
            />
            <Group grow align="flex-start">
              <Select
                label={text('team')}
                description={text('teamHint')}
                placeholder={text('noTeam')}
                data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={values.teamId}
                error={errorOf('teamId')}
                clearable
                onChange={(teamId) => set({ teamId })}
              />
              <Select
                label={text('defaultLanguage')}
                description={text('defaultLanguageHint')}
                data={supportedLanguages.map((code) => ({ value: code, label: languageNames[code] }))}
                value={values.defaultLanguage}
                allowDeselect={false}
                onChange={(code) => code && set({ defaultLanguage: code as SupportedLanguage })}
              />
            </Group>
            <Switch
              label={text('enabledLabel')}
              description={text('enabledHint')}
              checked={values.isEnabled}
              onChange={(event) => set({ isEnabled: event.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={text('sectionInbound')}>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} id="mailbox-inbound-type" mb={4}>
                {text('inboundType')}
              </Text>
              <SegmentedControl
                aria-labelledby="mailbox-inbound-type"
                data={[
                  { value: 'smtp', label: text('smtpListener') },
                  { value: 'imap', label: text('imap') },
                ]}
                value={values.inboundType}
                onChange={(inboundType) => set({ inboundType: inboundType as 'smtp' | 'imap' })}
              />
            </div>
            {values.inboundType === 'smtp' ? (
              <Text size="sm" c="dimmed">
                {text('inboundSmtpHint')}
              </Text>
            ) : (
              <>
                <Group grow align="flex-start">
                  <TextInput
                    label={text('imapHost')}
                    required
                    value={values.imapHost}
                    error={errorOf('imapHost')}
                    onChange={(event) => set({ imapHost: event.currentTarget.value })}
                    style={{ flexGrow: 3 }}
                  />
                  <NumberInput
                    label={text('imapPort')}
                    required
                    min={1}
                    max={65535}
                    allowDecimal={false}
                    value={values.imapPort}
                    error={errorOf('imapPort')}
                    onChange={(imapPort) => set({ imapPort })}
                  />
                </Group>
                <Switch
                  label={text('imapSecure')}
                  description={text('imapSecureHint')}
                  checked={values.imapSecure}
                  onChange={(event) => {
                    const imapSecure = event.currentTarget.checked;
                    // Follow the usual port when the admin has not chosen another one.
                    const port = Number(values.imapPort);
                    set({
                      imapSecure,
                      ...(port === 993 || port === 143 ? { imapPort: imapSecure ? 993 : 143 } : {}),
                    });
                  }}
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={text('imapUser')}
                    required
                    autoComplete="off"
                    value={values.imapUser}
                    error={errorOf('imapUser')}
                    onChange={(event) => set({ imapUser: event.currentTarget.value })}
                  />
                  <PasswordInput
                    label={text('imapPassword')}
                    description={hasStoredPassword ? text('imapPasswordKeep') : text('imapPasswordHint')}
                    required={!hasStoredPassword}
                    autoComplete="new-password"
                    value={values.imapPassword}
                    error={errorOf('imapPassword')}
                    onChange={(event) => set({ imapPassword: event.currentTarget.value })}
                  />
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label={text('imapFolder')}
                    required
                    value={values.imapFolder}
                    error={errorOf('imapFolder')}
                    onChange={(event) => set({ imapFolder: event.currentTarget.value })}
                  />
                  <TextInput
                    label={text('imapProcessedFolder')}
                    required
                    value={values.imapProcessedFolder}
                    error={errorOf('imapProcessedFolder')}
                    onChange={(event) => set({ imapProcessedFolder: event.currentTarget.value })}
                  />
                </Group>
              </>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={text('sectionOutbound')}>
          <Stack gap="sm">
            <Radio.Group
              label={text('outboundMode')}
              value={values.outboundMode}
              onChange={(outboundMode) => set({ outboundMode: outboundMode as 'instance' | 'own' })}
            >
              <Stack gap={6} mt={6}>
                <Radio value="instance" label={text('outboundInstance')} />
                <Radio value="own" label={text('outboundOwn')} />
              </Stack>
            </Radio.Group>
            {values.outboundMode === 'own' && (
              <PasswordInput
                label={text('outboundUrl')}
                description={
                  storedOutbound
                    ? text('outboundUrlKeep', { server: storedOutbound })
                    : text('outboundUrlHint')
                }
                placeholder="smtp://user:password@smtp.example.com:587"
                required={!storedOutbound}
                autoComplete="off"
                value={values.outboundSmtpUrl}
                error={errorOf('outboundSmtpUrl')}
                onChange={(event) => set({ outboundSmtpUrl: event.currentTarget.value })}
              />
            )}
            <Textarea
              label={text('signature')}
              description={text('signatureHint')}
              autosize
              minRows={2}
              maxRows={6}
              value={values.signature}
              error={errorOf('signature')}
              onChange={(event) => set({ signature: event.currentTarget.value })}
            />
          </Stack>
        </Fieldset>

        <Stack gap="xs">
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlugConnected size={16} />}
              loading={connectionTest.isPending}
              onClick={runConnectionTest}
            >
              {connectionTest.data ? text('testAgain') : text('testRun')}
            </Button>
          </Group>
          {testedSaved && !connectionTest.isPending && (
            <Text size="xs" c="dimmed">
              {text('testSavedNote')}
            </Text>
          )}
          <ConnectionTestResult
            isPending={connectionTest.isPending}
            result={connectionTest.data}
            error={connectionTest.error}
          />
        </Stack>

        <Fieldset legend={text('sectionAcknowledgement')}>
          <Stack gap="sm">
            <Switch
              label={text('acknowledge')}
              description={text('acknowledgeHint')}
              checked={values.acknowledge}
              onChange={(event) => set({ acknowledge: event.currentTarget.checked })}
            />
            <Group grow align="flex-start">
              <NumberInput
                label={text('promiseAmount')}
                min={1}
                max={1000}
                allowDecimal={false}
                value={values.promiseAmount}
                error={errorOf('promiseAmount')}
                onChange={(promiseAmount) => set({ promiseAmount })}
              />
              <Select
                label={text('promiseUnit')}
                data={(['minutes', 'hours', 'days'] as const).map((unit) => ({
                  value: unit,
                  label: text(unit),
                }))}
                value={values.promiseUnit}
                allowDeselect={false}
                onChange={(unit) => unit && set({ promiseUnit: unit as MailboxFormValues['promiseUnit'] })}
              />
            </Group>
            <Switch
              label={text('businessTime')}
              checked={values.businessTime}
              onChange={(event) => set({ businessTime: event.currentTarget.checked })}
            />
            <Text size="xs" c="dimmed">
              {text('promiseFallbackHint')}
            </Text>
            <div>
              <Text size="sm" fw={500}>
                {text('templates')}
              </Text>
              <Text size="xs" c="dimmed">
                {text('templatesHint')} {mailbox ? '' : text('templatesNewHint')}
              </Text>
            </div>
            <Tabs value={language} onChange={(next) => next && setLanguage(next as SupportedLanguage)}>
              <Tabs.List>
                {supportedLanguages.map((code) => (
                  <Tabs.Tab key={code} value={code} c={templateTabError(code) ? 'red' : undefined}>
                    {languageNames[code]}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {supportedLanguages.map((code) => {
                const isReset = values.resetTemplates.includes(code);
                const stored = mailbox?.acknowledgementTemplates[code];
                return (
                  <Tabs.Panel key={code} value={code} pt="sm">
                    <Stack gap="xs">
                      {mailbox && (
                        <Group justify="space-between">
                          <Badge variant="light" color={stored?.isCustom && !isReset ? 'blue' : 'gray'}>
                            {stored?.isCustom && !isReset ? text('templateCustom') : text('templateBuiltIn')}
                          </Badge>
                          {stored?.isCustom && !isReset && (
                            <Button
                              size="xs"
                              variant="subtle"
                              onClick={() => set({ resetTemplates: [...values.resetTemplates, code] })}
                            >
                              {text('templateReset')}
                            </Button>
                          )}
                        </Group>
                      )}
                      <TextInput
                        label={`${text('templateSubject')} (${languageNames[code]})`}
                        disabled={isReset}
                        value={values.templates[code].subject}
                        onChange={(event) => {
                          const subject = event.currentTarget.value;
                          set({
                            templates: {
                              ...values.templates,
                              [code]: { ...values.templates[code], subject },
                            },
                          });
                        }}
                      />
                      <Textarea
                        label={`${text('templateBody')} (${languageNames[code]})`}
                        disabled={isReset}
                        autosize
                        minRows={4}
                        maxRows={12}
                        value={values.templates[code].body}
                        error={templateTabError(code)}
                        onChange={(event) => {
                          const body = event.currentTarget.value;
                          set({
                            templates: { ...values.templates, [code]: { ...values.templates[code], body } },
                          });
                        }}
                      />
                    </Stack>
                  </Tabs.Panel>
                );
              })}
            </Tabs>
          </Stack>
        </Fieldset>

        {hasOwnErrors && (
          <Alert color="red" variant="light" role="alert">
            {text('fixErrors')}
          </Alert>
        )}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {text('cancel')}
          </Button>
          <Button type="submit" loading={isSaving}>
            {mailbox ? text('save') : text('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
