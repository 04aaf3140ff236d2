import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAutomatedMail } from './automated-mail.ts';
import { type AutomationHeaders, parseInboundEmail } from './parse-email.ts';

const noHeaders: AutomationHeaders = {
  autoSubmitted: null,
  precedence: null,
  xAutoreply: null,
  xAutoResponseSuppress: null,
  listId: null,
  listUnsubscribe: false,
  hasNullReturnPath: false,
  reportType: null,
};

const mail = (
  headers: Partial<AutomationHeaders>,
  subject = 'Kur mano siuntinys?',
  from = 'ona@example.lt',
) => ({
  automation: { ...noHeaders, ...headers },
  subject,
  from: { address: from, name: '' },
  deliveryReport: null,
});

describe('classifyAutomatedMail', () => {
  it.each([
    ['a person writing', mail({}), 'person'],
    ['Auto-Submitted: auto-replied', mail({ autoSubmitted: 'auto-replied' }), 'auto_reply'],
    ['Auto-Submitted: auto-generated', mail({ autoSubmitted: 'auto-generated' }), 'auto_reply'],
    ['Auto-Submitted: no (a person, explicitly)', mail({ autoSubmitted: 'no' }), 'person'],
    ['X-Autoreply: yes', mail({ xAutoreply: 'yes' }), 'auto_reply'],
    ['X-Auto-Response-Suppress: All (Exchange)', mail({ xAutoResponseSuppress: 'All' }), 'auto_reply'],
    ['Precedence: bulk', mail({ precedence: 'bulk' }), 'bulk'],
    ['Precedence: junk', mail({ precedence: 'junk' }), 'bulk'],
    ['Precedence: list', mail({ precedence: 'list' }), 'bulk'],
    ['Precedence: auto_reply', mail({ precedence: 'auto_reply' }), 'auto_reply'],
    ['a mailing list (List-Id)', mail({ listId: 'news.shop.example' }), 'bulk'],
    ['a newsletter (List-Unsubscribe)', mail({ listUnsubscribe: true }), 'bulk'],
    ['a null return path', mail({ hasNullReturnPath: true }), 'auto_reply'],
    ['English vacation subject', mail({}, 'Out of Office: Re: [#1042] Siuntinys'), 'auto_reply'],
    ['Outlook automatic reply', mail({}, 'Automatic reply: [#1042] Siuntinys'), 'auto_reply'],
    ['Lithuanian vacation subject', mail({}, 'Automatinis atsakymas: [#1042] Siuntinys'), 'auto_reply'],
    ['Slovak vacation subject', mail({}, 'Automatická odpoveď: [#1042] Zásielka'), 'auto_reply'],
    ['Polish vacation subject', mail({}, 'Automatyczna odpowiedź: [#1042] Przesyłka'), 'auto_reply'],
    ['Hungarian vacation subject', mail({}, 'Automatikus válasz: [#1042] Csomag'), 'auto_reply'],
    ['German vacation subject', mail({}, 'Abwesenheitsnotiz: [#1042] Paket'), 'auto_reply'],
    ['Czech vacation subject', mail({}, 'Automatická odpověď: [#1042] Zásilka'), 'auto_reply'],
    ['a delivery-status report', mail({ reportType: 'delivery-status' }), 'bounce'],
    ['a failure notice without a DSN', mail({}, 'failure notice', 'MAILER-DAEMON@mx.example.net'), 'bounce'],
    ['a Lithuanian failure notice', mail({}, 'Laiškas nepristatytas', 'postmaster@mx.example.lt'), 'bounce'],
    [
      'other mail from a mail server',
      mail({}, 'Warning: message delayed', 'postmaster@mx.example.net'),
      'auto_reply',
    ],
  ])('%s → %s', (_case, email, kind) => {
    expect(classifyAutomatedMail(email).kind).toBe(kind);
  });

  it('names the permanently failed recipients of a bounce', async () => {
    const email = await parseInboundEmail(
      readFileSync(new URL('./fixtures/bounce-dsn.eml', import.meta.url)),
    );
    expect(classifyAutomatedMail(email)).toEqual({
      kind: 'bounce',
      reason: 'delivery status report',
      failedRecipients: ['gone@example.net'],
    });
  });

  it('reads the automation headers of a real auto-reply', async () => {
    const raw = [
      'From: Ona <ona@example.lt>',
      'To: pagalba@shop.example',
      'Subject: Re: [#1042] Siuntinys',
      'Auto-Submitted: auto-replied',
      'X-Autoreply: yes',
      'Precedence: bulk',
      '',
      'Aš atostogauju iki birželio 10 d.',
    ].join('\r\n');
    const email = await parseInboundEmail(raw);
    expect(classifyAutomatedMail(email)).toMatchObject({
      kind: 'auto_reply',
      reason: 'Auto-Submitted: auto-replied',
    });
  });

  it('recognises a mailing list by its List-Id header', async () => {
    const raw =
      'From: news@shop.example\r\nList-Id: Shop news <news.shop.example>\r\nSubject: Sale\r\n\r\n50% off';
    expect(classifyAutomatedMail(await parseInboundEmail(raw)).kind).toBe('bulk');
  });
});
