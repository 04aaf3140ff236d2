import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../db/database.ts';
import { startSmtpListener } from './smtp-listener.ts';
import {
  buildMessage,
  closedNetworkResolver,
  deliverRaw,
  queuedJobs,
  testConfig,
} from './testing/email-test-kit.ts';
import { type InboundHarness, silentLog, startInboundHarness } from './testing/harness.ts';

const execFileAsync = promisify(execFile);

let harness: InboundHarness;
const deliver = (raw: Buffer | string, to = ['pagalba@shop.example'], from = 'ona@example.lt') =>
  deliverRaw(harness.listener.port, { from, to, raw });

beforeAll(async () => {
  harness = await startInboundHarness({
    config: testConfig({ FRONTLINE_MAIL_MAX_BYTES: String(512 * 1024) }),
  });
});
afterAll(async () => {
  await harness.close();
});

const db = () => harness.testApp.deps.db;

async function messageByExternalId(externalId: string) {
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .leftJoin('email_messages', 'email_messages.message_id', 'messages.id')
    .select([
      'messages.id',
      'messages.body_text',
      'messages.body_html',
      'messages.author_type',
      'messages.visibility',
      'conversations.id as conversation_id',
      'conversations.status',
      'conversations.language',
      'conversations.subject',
      'conversations.channel',
      'email_messages.kind',
      'email_messages.full_text',
      'email_messages.from_address',
      'email_messages.cc_addresses',
    ])
    .where('messages.channel', '=', 'email')
    .where('messages.external_id', '=', externalId)
    .executeTakeFirst();
}

describe('SMTP listener: accepting mail', () => {
  it('stores a customer’s mail as a new email conversation and queues its acknowledgement, then answers 250', async () => {
    const answer = await deliver(
      buildMessage({
        messageId: 'first@example.lt',
        subject: 'Kur mano siuntinys?',
        headers: { Cc: 'Jonas <jonas@example.lt>' },
        body: 'Laba diena,\n\nužsakiau prieš savaitę, bet siuntinio vis dar nėra.\n\nOna',
      }),
    );
    expect(answer).toMatchObject({ accepted: true, code: 250 });
    const stored = await messageByExternalId('first@example.lt');
    expect(stored).toMatchObject({
      body_text: 'Laba diena,\n\nužsakiau prieš savaitę, bet siuntinio vis dar nėra.\n\nOna',
      author_type: 'customer',
      status: 'new',
      channel: 'email',
      language: 'lt',
      subject: 'Kur mano siuntinys?',
      kind: 'person',
      from_address: 'ona@example.lt',
    });
    expect(stored!.cc_addresses).toEqual([{ address: 'jonas@example.lt', name: 'Jonas' }]);
    expect(await queuedJobs(db(), 'email_send_acknowledgement')).toContainEqual(
      expect.objectContaining({ conversationId: stored!.conversation_id }),
    );
  });

  it('stores a mail delivered twice with the same Message-ID once, answering 250 both times', async () => {
    const raw = buildMessage({ messageId: 'twice@example.lt', subject: 'Dvigubas' });
    expect((await deliver(raw)).code).toBe(250);
    expect((await deliver(raw)).code).toBe(250);
    const { count } = await db()
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('external_id', '=', 'twice@example.lt')
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
  });

  it('stores a mail without Message-ID once too, by its content', async () => {
    const raw = buildMessage({ subject: 'Be ID' }).replace(/^Message-ID:.*\r\n/m, '');
    await deliver(raw);
    await deliver(raw);
    const rows = await db().selectFrom('conversations').select('id').where('subject', '=', 'Be ID').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an oversized message with 552 and a notice, storing nothing', async () => {
    const attachment = Buffer.alloc(600 * 1024, 1)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const raw = [
      'From: ona@example.lt',
      'To: pagalba@shop.example',
      'Subject: Didelis priedas',
      'Message-ID: <too-big@example.lt>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Siunčiu nuotrauką.',
      '--B',
      'Content-Type: image/jpeg; name="photo.jpg"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="photo.jpg"',
      '',
      attachment,
      '--B--',
      '',
    ].join('\r\n');
    const answer = await deliver(raw);
    expect(answer).toMatchObject({ accepted: false, code: 552 });
    expect(answer.response).toMatch(/too big.*up to 0 MB|too big/i);
    expect(await messageByExternalId('too-big@example.lt')).toBeUndefined();
  });

  it('refuses a recipient that is no mailbox of ours with 550', async () => {
    const answer = await deliver(buildMessage({ to: 'nobody@shop.example' }), ['nobody@shop.example']);
    expect(answer).toMatchObject({ accepted: false, code: 550 });
  });

  it('routes a plus-addressed recipient to its mailbox', async () => {
    const answer = await deliver(buildMessage({ messageId: 'plus@example.lt' }), [
      'Pagalba+anything@Shop.Example',
    ]);
    expect(answer.code).toBe(250);
    expect(await messageByExternalId('plus@example.lt')).toBeDefined();
  });

  it('answers 451 when the database is down, so the sender retries, and stores nothing', async () => {
    const unreachable = connectDatabase('postgresql://postgres@127.0.0.1:1/none', { max: 1 });
    const downListener = await startSmtpListener(
      { ...harness.deps, db: unreachable.db, resolver: closedNetworkResolver },
      { host: '127.0.0.1', port: 0, maxMessageBytes: 1_000_000 },
      silentLog,
    );
    try {
      const answer = await deliverRaw(downListener.port, {
        from: 'ona@example.lt',
        to: ['pagalba@shop.example'],
        raw: buildMessage({ messageId: 'db-down@example.lt' }),
      });
      expect(answer).toMatchObject({ accepted: false, code: 451 });
    } finally {
      await downListener.close();
      await unreachable.close();
    }
    expect(await messageByExternalId('db-down@example.lt')).toBeUndefined();
  });
});

describe('SMTP listener and other SMTP clients', () => {
  it('accepts mail sent with swaks', async () => {
    const result = await execFileAsync('swaks', [
      '--server',
      '127.0.0.1',
      '--port',
      String(harness.listener.port),
      '--from',
      'ona@example.lt',
      '--to',
      'pagalba@shop.example',
      '--header',
      'Message-Id: <swaks-1@example.lt>',
      '--header',
      'Subject: Per swaks',
      '--body',
      'Laba diena, rašau per swaks. Kur mano siuntinys?',
    ]);
    expect(result.stdout).toMatch(/<- +250 2\.0\.0 Stored as/);
    expect(await messageByExternalId('swaks-1@example.lt')).toMatchObject({
      subject: 'Per swaks',
      language: 'lt',
    });
  });
});

describe('SMTP listener: charsets and MIME', () => {
  it.each([
    ['utf8-8bit.eml', 'lt-utf8-1@example.lt', 'užsakiau prieš savaitę', 'lt'],
    ['iso-8859-2-qp.eml', 'pl-latin2-1@example.pl', 'zamówienie nr 7781 nie dotarło', 'pl'],
    ['windows-1250-base64.eml', 'hu-1250-1@example.hu', 'A számlám hibás', 'hu'],
    ['windows-1257-8bit.eml', 'lt-1257-1@example.lt', 'prašau grąžinti pinigus', 'lt'],
    ['iso-8859-1-qp.eml', 'de-latin1-1@example.de', 'Grüße aus München', 'de'],
    ['multipart-alternative.eml', 'sk-alt-1@example.sk', 'balík prišiel poškodený', 'sk'],
  ])('%s is stored decoded, in the detected language', async (file, messageId, text, language) => {
    const raw = readFileSync(new URL(`./fixtures/${file}`, import.meta.url));
    expect((await deliver(raw)).code).toBe(250);
    const stored = await messageByExternalId(messageId);
    expect(stored?.body_text).toContain(text);
    expect(stored?.language).toBe(language);
  });

  it('keeps inline images and attachments as content-addressed files', async () => {
    const raw = readFileSync(new URL('./fixtures/multipart-related-cid.eml', import.meta.url));
    expect((await deliver(raw)).code).toBe(250);
    const stored = await messageByExternalId('lt-cid-1@example.lt');
    expect(stored?.body_html).toContain('cid:photo-1@example.lt');
    const attachments = await db()
      .selectFrom('email_attachments')
      .select(['filename', 'content_type', 'is_inline', 'sha256', 'size_bytes'])
      .where('message_id', '=', stored!.id)
      .orderBy('filename')
      .execute();
    expect(attachments).toEqual([
      expect.objectContaining({
        filename: 'photo.png',
        is_inline: true,
        content_type: 'image/png',
        size_bytes: 70,
      }),
      expect.objectContaining({
        filename: 'sąskaita.pdf',
        is_inline: false,
        content_type: 'application/pdf',
      }),
    ]);
  });
});
