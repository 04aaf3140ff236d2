import type { SupportedLanguage } from '@frontline/contracts';
import { useTranslation } from 'react-i18next';
import { hu } from './texts.hu.ts';
import { lt } from './texts.lt.ts';
import { pl } from './texts.pl.ts';
import { sk } from './texts.sk.ts';

/**
 * The mailbox administration's own texts, kept beside it so the workspace's locale files stay
 * untouched; they follow the agent's UI language like every other text. Messages the server
 * writes about a connection test (host, port, what failed) are shown as they come: they name
 * technical details an admin needs verbatim.
 */
const en = {
  nav: 'Mailboxes',
  title: 'Mailboxes',
  intro:
    'Addresses customers write to. Mail arrives through the built-in SMTP listener or by polling an IMAP account, and replies go out by SMTP.',
  new: 'New mailbox',
  edit: 'Edit mailbox',
  empty: 'No mailboxes yet',
  emptyHint: 'Add the address your customers write to, and their mail lands in the inbox.',
  columnMailbox: 'Mailbox',
  columnTeam: 'Team',
  columnInbound: 'Mail comes in by',
  columnStatus: 'Status',
  columnEnabled: 'Enabled',
  columnActions: 'Actions',
  smtpListener: 'SMTP listener',
  imap: 'IMAP',
  noTeam: 'No team',
  lastReceived: 'Last mail {{time}}',
  nothingReceived: 'No mail received yet',
  lastChecked: 'Checked {{time}}',
  notCheckedYet: 'Not polled yet',
  lastError: 'Error {{time}}: {{error}}',
  disabledBadge: 'Disabled',
  enabledLabel: 'Enabled',
  enableMailbox: 'Enable {{name}}',
  actionsFor: 'Actions for {{name}}',
  editAction: 'Edit',
  testAction: 'Test connection',
  deleteAction: 'Delete',
  // The form
  sectionGeneral: 'Mailbox',
  name: 'Name',
  nameHint: 'Shown to agents and used as the sender name.',
  address: 'Email address',
  addressHint: 'The address customers write to, e.g. support@shop.example.',
  team: 'Default team',
  teamHint: 'New conversations from this mailbox go to this team.',
  defaultLanguage: 'Default language',
  defaultLanguageHint: 'Acknowledgements use the customer’s language; this one when it cannot be told.',
  enabledHint: 'When off, the listener asks senders to retry later and the IMAP account is not polled.',
  sectionInbound: 'Incoming mail',
  inboundType: 'Mail comes in by',
  inboundSmtpHint:
    'Point your domain’s MX record (or your mail server’s forwarding) at Frontline’s SMTP listener. Mail to this address and its plus-addresses lands here.',
  imapHost: 'IMAP server',
  imapPort: 'Port',
  imapSecure: 'TLS from the start (port 993)',
  imapSecureHint: 'Off: plain connection, upgraded with STARTTLS when the server offers it (port 143).',
  imapUser: 'User name',
  imapPassword: 'Password',
  imapPasswordHint: 'Stored encrypted and never shown again.',
  imapPasswordKeep: 'A password is stored. Leave empty to keep it.',
  imapFolder: 'Folder to read',
  imapProcessedFolder: 'Move processed mail to',
  sectionOutbound: 'Outgoing mail',
  outboundMode: 'Replies are sent through',
  outboundInstance: 'The instance’s SMTP server (SMTP_URL)',
  outboundOwn: 'This mailbox’s own SMTP server',
  outboundUrl: 'SMTP server URL',
  outboundUrlHint: 'smtp://user:password@host:587 or smtps://…:465. Stored encrypted, never shown again.',
  outboundUrlKeep: 'Currently {{server}}. Leave empty to keep it.',
  sectionAcknowledgement: 'Acknowledgement',
  acknowledge: 'Acknowledge every new conversation',
  acknowledgeHint:
    'The customer gets their reference and when to expect an answer. Never sent to auto-replies or bounces.',
  promiseAmount: 'We answer within',
  promiseUnit: 'Unit',
  promiseFallbackHint:
    'The answer time the customer is told comes from the live queue: who waits, who is at work, business hours and recent answers. This promise is used only when no forecast can be made (nobody who could answer is at work or expected).',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
  businessTime: 'Count business hours only',
  signature: 'Signature',
  signatureHint: 'Added under every reply sent from this mailbox.',
  templates: 'Acknowledgement text per language',
  templatesHint:
    'Placeholders: {{reference}}, {{responsePromise}}, {{subject}}, {{customerName}}, {{mailboxName}}.',
  templatesNewHint: 'Leave empty to use the built-in text.',
  templateSubject: 'Subject',
  templateBody: 'Text',
  templateBuiltIn: 'Built-in text',
  templateCustom: 'Your text',
  templateReset: 'Back to the built-in text',
  save: 'Save',
  create: 'Create mailbox',
  cancel: 'Cancel',
  saved: 'Mailbox saved',
  // Validation
  required: 'Required',
  invalidAddress: 'Enter an email address such as support@shop.example',
  plusAddress: 'Must not contain “+”: plus-addresses carry reply tokens',
  invalidPort: 'A port between 1 and 65535',
  invalidSmtpUrl: 'Must start with smtp:// or smtps://, e.g. smtp://user:password@host:587',
  invalidAmount: 'A whole number from 1 to 1000',
  tooLong: 'At most {{max}} characters',
  templateBothOrNone: 'Fill in both subject and text, or neither',
  unknownPlaceholder: 'Unknown placeholder {{name}}',
  fixErrors: 'Some fields need attention.',
  addressTaken: 'Another mailbox already has this address.',
  unknownTeam: 'That team no longer exists.',
  // Connection test
  testTitle: 'Connection test: {{name}}',
  testRun: 'Test connection',
  testAgain: 'Test again',
  testing: 'Connecting to the servers…',
  testInbound: 'Incoming',
  testOutbound: 'Outgoing',
  testOk: 'Works',
  testFailed: 'Failed at: {{step}}',
  testSavedNote:
    'Testing the saved settings. Enter the password (and SMTP URL) to test your changes before saving.',
  step_dns: 'host name lookup',
  step_connect: 'connecting',
  step_tls: 'TLS',
  step_auth: 'signing in',
  step_folder: 'opening the folder',
  step_config: 'settings',
  close: 'Close',
  // Delete
  deleteTitle: 'Delete mailbox',
  deleteConfirm:
    'Delete {{name}} ({{address}})? Mail to this address will be refused. Its conversations stay in the inbox.',
  deleteButton: 'Delete mailbox',
};
export type MailboxTexts = typeof en;

const texts: Record<SupportedLanguage, MailboxTexts> = { en, lt, sk, pl, hu };

export type MailboxTextKey = keyof MailboxTexts;

export function useMailboxText() {
  const { i18n } = useTranslation();
  const language = (i18n.language in texts ? i18n.language : 'en') as SupportedLanguage;
  // Only the named values are filled in: the placeholder hints show `{{reference}}` literally.
  const text = (key: MailboxTextKey, values: Record<string, string | number> = {}) =>
    texts[language][key].replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  return { text, language };
}
