import { describe, expect, it } from 'vitest';
import { composeOutboundMail, type OutboundMail, textToHtml } from './compose-outbound.ts';

const base: OutboundMail = {
  kind: 'reply',
  mailbox: {
    name: 'Shop support',
    address: 'pagalba@shop.example',
    signature: 'Shop support\n+370 5 000 0000',
  },
  agentName: 'Rūta Petraitė',
  conversation: { reference: 1042, subject: 'Kur mano siuntinys?' },
  to: [{ address: 'ona@example.lt', name: 'Ona' }],
  cc: [],
  rfcMessageId: '3f1c2a5e-0000-4000-8000-000000000001@shop.example',
  replyToken: 'r1042.abcdef0123',
  inReplyTo: 'c@example.lt',
  references: ['a@example.lt', 'b@example.lt'],
  text: 'Laba diena,\n\nsiuntinys išsiųstas vakar.',
  attachments: [],
};

describe('composeOutboundMail', () => {
  it('writes a reply as a proper mail: From with the agent, Reply-To with the token, threading headers, reference', () => {
    const mail = composeOutboundMail(base);
    expect(mail).toMatchObject({
      from: { name: 'Rūta Petraitė | Shop support', address: 'pagalba@shop.example' },
      replyTo: { name: 'Shop support', address: 'pagalba+r1042.abcdef0123@shop.example' },
      to: [{ address: 'ona@example.lt', name: 'Ona' }],
      subject: '[#1042] Re: Kur mano siuntinys?',
      messageId: '<3f1c2a5e-0000-4000-8000-000000000001@shop.example>',
      inReplyTo: '<c@example.lt>',
      references: ['<a@example.lt>', '<b@example.lt>', '<c@example.lt>'],
    });
    expect(mail.headers).toEqual({ 'X-Frontline-Reference': '1042' });
  });

  it('appends the mailbox signature to text and HTML', () => {
    const mail = composeOutboundMail(base);
    expect(mail.text).toBe('Laba diena,\n\nsiuntinys išsiųstas vakar.\n\n-- \nShop support\n+370 5 000 0000');
    expect(mail.html).toBe(
      '<p>Laba diena,</p>\n<p>siuntinys išsiųstas vakar.</p>\n<div class="signature">-- <br>Shop support<br>+370 5 000 0000</div>',
    );
  });

  it('marks an acknowledgement as automatic so auto-responders stay quiet, without an agent name', () => {
    const mail = composeOutboundMail({ ...base, kind: 'acknowledgement' });
    expect(mail.from).toEqual({ name: 'Shop support', address: 'pagalba@shop.example' });
    expect(mail.headers).toMatchObject({
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
    });
  });

  it.each([
    ['Kur mano siuntinys?', '[#1042] Re: Kur mano siuntinys?'],
    ['Re: Kur mano siuntinys?', '[#1042] Re: Kur mano siuntinys?'],
    ['AW: Paket', '[#1042] AW: Paket'],
    ['Re: [#1042] Siuntinys', 'Re: [#1042] Siuntinys'],
    ['', '[#1042] Re: #1042'],
  ])('subject %j → %j', (subject, expected) => {
    expect(composeOutboundMail({ ...base, conversation: { reference: 1042, subject } }).subject).toBe(
      expected,
    );
  });

  it('keeps References short: the root and the latest ones', () => {
    const references = Array.from({ length: 30 }, (_, index) => `m${index}@x`);
    const mail = composeOutboundMail({ ...base, references, inReplyTo: 'last@x' });
    expect(mail.references).toHaveLength(10);
    expect((mail.references as string[])[0]).toBe('<m0@x>');
    expect((mail.references as string[]).at(-1)).toBe('<last@x>');
  });

  it('starts a thread without In-Reply-To when there is no customer mail to answer', () => {
    const mail = composeOutboundMail({ ...base, inReplyTo: null, references: [] });
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
  });
});

describe('textToHtml', () => {
  it('escapes markup and keeps paragraphs and line breaks', () => {
    expect(textToHtml('<b>Ačiū</b> & "labas"\nantra\n\ntrečia')).toBe(
      '<p>&#60;b&#62;Ačiū&#60;/b&#62; &#38; &#34;labas&#34;<br>antra</p>\n<p>trečia</p>',
    );
  });
});
