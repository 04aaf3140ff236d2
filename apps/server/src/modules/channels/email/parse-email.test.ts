import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInboundEmail, readMessageIds } from './parse-email.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseInboundEmail decodes every charset and transfer encoding real mail uses', () => {
  it.each([
    {
      file: 'utf8-8bit.eml',
      encoding: 'UTF-8, 8bit, RFC 2047 Q name and B subject',
      name: 'Ona Žukauskienė',
      subject: 'Užsakymas Nr. 5531 – kur siuntinys?',
      text: 'užsakiau prieš savaitę, bet siuntinio vis dar nėra. Ačiū!',
    },
    {
      file: 'iso-8859-2-qp.eml',
      encoding: 'ISO-8859-2, quoted-printable',
      name: 'Paweł Łęcki',
      subject: 'Zamówienie nie dotarło',
      text: 'zamówienie nr 7781 nie dotarło. Proszę o zwrot pieniędzy.',
    },
    {
      file: 'windows-1250-base64.eml',
      encoding: 'windows-1250, base64, B-encoded name',
      name: 'Kovács Győző',
      subject: 'Hibás számla – kétszeres terhelés',
      text: 'A számlám hibás: kétszer terheltek meg. Kérem, ellenőrizzék.',
    },
    {
      file: 'windows-1257-8bit.eml',
      encoding: 'windows-1257, 8bit',
      name: 'Šarūnas Čepulis',
      subject: 'Grąžinimas – sugedusi prekė',
      text: 'prašau grąžinti pinigus už sugedusią prekę. Ačiū už supratingumą.',
    },
    {
      file: 'iso-8859-1-qp.eml',
      encoding: 'ISO-8859-1, quoted-printable',
      name: 'Jürgen Weiß',
      subject: 'Rückerstattung für Bestellung',
      text: 'ich möchte eine Rückerstattung für meine Bestellung. Grüße aus München!',
    },
    {
      file: 'multipart-alternative.eml',
      encoding: 'multipart/alternative in ISO-8859-2, quoted-printable',
      name: 'Ľubomír Šťastný',
      subject: 'Poškodený balík',
      text: 'balík prišiel poškodený. Prosím o výmenu.',
    },
  ])('$encoding: $file', async ({ file, name, subject, text }) => {
    const email = await parseInboundEmail(fixture(file));
    expect(email.from?.name).toBe(name);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(text);
  });
});

describe('parseInboundEmail', () => {
  it('reads addresses, Message-IDs and threading headers without angle brackets', async () => {
    const email = await parseInboundEmail(fixture('multipart-alternative.eml'));
    expect(email.messageId).toBe('sk-alt-1@example.sk');
    expect(email.inReplyTo).toEqual(['older-1@shop.example']);
    expect(email.references).toEqual(['root-0@shop.example', 'older-1@shop.example']);
    expect(email.to).toEqual([{ address: 'podpora@shop.example', name: '' }]);
    expect(email.cc).toEqual([
      { address: 'jana@example.sk', name: 'Jana Nováková' },
      { address: 'second@example.sk', name: '' },
    ]);
    expect(email.replyTo).toEqual([{ address: 'lubo.private@example.sk', name: '' }]);
    expect(email.date?.toISOString()).toBe('2025-06-03T12:00:00.000Z');
  });

  it('keeps the HTML part only sanitised: no script, handler, javascript: link, frame or tracker', async () => {
    const email = await parseInboundEmail(fixture('multipart-alternative.eml'));
    expect(email.html).toContain('<b>poškodený</b>');
    expect(email.html).toContain('href="https://shop.example/order/8812"');
    expect(email.html).not.toMatch(/script|onclick|onload|javascript:|iframe|tracker\.example/i);
    expect(email.blockedRemoteImages).toBe(1);
  });

  it('keeps inline cid images inline and attachments as files with decoded RFC 2231 names', async () => {
    const email = await parseInboundEmail(fixture('multipart-related-cid.eml'));
    expect(email.subject).toBe('Nuotrauka ir sąskaita');
    expect(email.html).toContain('src="cid:photo-1@example.lt"');
    expect(email.text).toContain('Čia nuotrauka');
    const [image, pdf] = email.attachments;
    expect(image).toMatchObject({
      filename: 'photo.png',
      contentType: 'image/png',
      contentId: 'photo-1@example.lt',
      isInline: true,
    });
    expect(image!.content.subarray(1, 4).toString()).toBe('PNG');
    expect(pdf).toMatchObject({
      filename: 'sąskaita.pdf',
      contentType: 'application/pdf',
      isInline: false,
      size: 45,
    });
    expect(pdf!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a delivery status notification: who failed, why, and which mail of ours bounced', async () => {
    const email = await parseInboundEmail(fixture('bounce-dsn.eml'));
    expect(email.automation).toMatchObject({
      reportType: 'delivery-status',
      hasNullReturnPath: true,
      autoSubmitted: 'auto-replied',
    });
    expect(email.deliveryReport).toEqual({
      recipients: [
        {
          recipient: 'gone@example.net',
          action: 'failed',
          status: '5.1.1',
          diagnostic: expect.stringContaining('User unknown'),
        },
      ],
      originalMessageId: 'reply-1042-1@shop.example',
    });
    expect(email.attachments.map((attachment) => attachment.contentType)).not.toContain(
      'message/delivery-status',
    );
  });

  it('gives a message without Message-ID, subject or date empty values instead of failing', async () => {
    const email = await parseInboundEmail('From: a@example.com\r\nTo: b@example.com\r\n\r\nHi\r\n');
    expect(email).toMatchObject({ messageId: null, subject: '', date: null, html: null, text: 'Hi\n' });
  });

  it('turns an HTML-only mail into text for search', async () => {
    const email = await parseInboundEmail(
      'From: a@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Laba <b>diena</b></p><p>Ačiū</p>\r\n',
    );
    expect(email.text).toMatch(/Laba diena\s+Ačiū/);
  });
});

describe('readMessageIds', () => {
  it.each([
    ['<a@b> <c@d>', ['a@b', 'c@d']],
    ['<a@b>,\r\n <c@d>', ['a@b', 'c@d']],
    ['a@b', ['a@b']],
    ['', []],
    ['garbage', []],
  ])('%j → %j', (input, expected) => {
    expect(readMessageIds(input)).toEqual(expected);
  });
});
