import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../../test/support/app.ts';
import { parseInboundEmail } from './parse-email.ts';
import { loadSecretBox } from './secret-box.ts';
import { readReplyCorpus } from './testing/corpus.ts';
import { buildMessage, deliverRaw, queuedJobs } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';
import { addressWithTag, createReplyToken } from './threading.ts';

let harness: InboundHarness;
let admin: SignedInAgent;
const deliver = (raw: Buffer | string, to = ['pagalba@shop.example']) =>
  deliverRaw(harness.listener.port, { from: 'sender@example.net', to, raw });

beforeAll(async () => {
  harness = await startInboundHarness();
  admin = await signInAgent(harness.testApp, 'admin');
});
afterAll(async () => {
  await harness.close();
});

const db = () => harness.testApp.deps.db;

async function conversationOf(externalId: string) {
  const row = await db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select([
      'conversations.id',
      'conversations.reference',
      'conversations.status',
      'conversations.follow_up_of_id',
    ])
    .where('messages.external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return row;
}

async function setStatus(conversationId: string, status: string) {
  const response = await requestAs(harness.testApp, admin).patch(`/api/v1/conversations/${conversationId}`, {
    status,
  });
  expect(response.statusCode).toBe(200);
}

async function firstMail(messageId: string, from = 'Ona <ona@example.lt>') {
  expect((await deliver(buildMessage({ messageId, from, subject: `Pirmas ${messageId}` }))).code).toBe(250);
  return conversationOf(messageId);
}

describe('threading inbound mail', () => {
  it('a reply with In-Reply-To of a stored mail joins its conversation and reopens it from pending', async () => {
    const first = await firstMail('t1@example.lt');
    await setStatus(first.id, 'pending');
    await deliver(
      buildMessage({
        messageId: 't1-reply@example.lt',
        subject: 'Re: Pirmas',
        headers: { 'In-Reply-To': '<t1@example.lt>' },
      }),
    );
    const reply = await conversationOf('t1-reply@example.lt');
    expect(reply).toMatchObject({ id: first.id, status: 'open' });
  });

  it('a reply naming a stored mail only in References joins its conversation', async () => {
    const first = await firstMail('t2@example.lt');
    await deliver(
      buildMessage({
        messageId: 't2-reply@example.lt',
        headers: { References: '<unknown@x> <t2@example.lt> <other@y>' },
      }),
    );
    expect((await conversationOf('t2-reply@example.lt')).id).toBe(first.id);
  });

  it('the reference in the subject joins the conversation when the customer writes', async () => {
    const first = await firstMail('t3@example.lt');
    await deliver(
      buildMessage({ messageId: 't3-subject@example.lt', subject: `Re: [#${first.reference}] Pirmas` }),
    );
    expect((await conversationOf('t3-subject@example.lt')).id).toBe(first.id);
  });

  it('the reference in the subject from a stranger opens a new conversation', async () => {
    const first = await firstMail('t4@example.lt');
    await deliver(
      buildMessage({
        messageId: 't4-stranger@example.lt',
        from: 'mallory@evil.example',
        subject: `[#${first.reference}] hi`,
      }),
    );
    expect((await conversationOf('t4-stranger@example.lt')).id).not.toBe(first.id);
  });

  it('the signed reply token in the plus-address joins the conversation, whoever writes', async () => {
    const first = await firstMail('t5@example.lt');
    const tokenAddress = addressWithTag(
      'pagalba@shop.example',
      createReplyToken(loadSecretBox(harness.testApp.deps.config).replyTokenKey, first.reference),
    );
    await deliver(
      buildMessage({
        messageId: 't5-colleague@example.lt',
        from: 'Kolegė <kolege@example.lt>',
        to: tokenAddress,
        subject: 'Fwd: x',
      }),
      [tokenAddress],
    );
    expect((await conversationOf('t5-colleague@example.lt')).id).toBe(first.id);
  });

  it('a reply to a closed conversation opens a follow-up linked to it, and acknowledges it', async () => {
    const first = await firstMail('t6@example.lt');
    await setStatus(first.id, 'solved');
    await setStatus(first.id, 'closed');
    await deliver(
      buildMessage({ messageId: 't6-again@example.lt', headers: { 'In-Reply-To': '<t6@example.lt>' } }),
    );
    const followUp = await conversationOf('t6-again@example.lt');
    expect(followUp.id).not.toBe(first.id);
    expect(followUp.follow_up_of_id).toBe(first.id);
    expect(await queuedJobs(db(), 'email_send_acknowledgement')).toContainEqual(
      expect.objectContaining({ conversationId: followUp.id }),
    );
  });
});

describe('machines writing to us', () => {
  it.each([
    [
      'an out-of-office reply',
      { 'Auto-Submitted': 'auto-replied' },
      'Automatinis atsakymas: Pirmas',
      'auto-reply',
    ],
    ['a vacation notice recognised by its subject', {}, 'Abwesenheitsnotiz: Ihre Anfrage', 'auto-reply'],
    [
      'a newsletter',
      { 'List-Unsubscribe': '<mailto:unsub@news.example>', Precedence: 'bulk' },
      'Naujienos',
      'bulk-mail',
    ],
    ['an X-Autoreply', { 'X-Autoreply': 'yes' }, 'Re: Pirmas', 'auto-reply'],
  ])('%s is stored but never acknowledged', async (_case, headers, subject, tag) => {
    const messageId = `machine-${tag}-${Math.random().toString(36).slice(2)}@example.lt`;
    expect((await deliver(buildMessage({ messageId, subject, headers }))).code).toBe(250);
    const conversation = await conversationOf(messageId);
    expect(await queuedJobs(db(), 'email_send_acknowledgement')).not.toContainEqual(
      expect.objectContaining({ conversationId: conversation.id }),
    );
    const tags = await db()
      .selectFrom('conversation_tags')
      .select('tag')
      .where('conversation_id', '=', conversation.id)
      .execute();
    expect(tags.map((row) => row.tag)).toEqual([tag]);
  });

  it('an auto-reply to a pending conversation is filed there without reopening it', async () => {
    const first = await firstMail('t7@example.lt');
    await setStatus(first.id, 'pending');
    await deliver(
      buildMessage({
        messageId: 't7-ooo@example.lt',
        subject: 'Out of Office',
        headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<t7@example.lt>' },
      }),
    );
    expect(await conversationOf('t7-ooo@example.lt')).toMatchObject({ id: first.id, status: 'pending' });
  });

  it('a bounce is filed in the conversation of the mail that bounced and marks the address as failing', async () => {
    const first = await firstMail('reply-1042-1@shop.example', 'Gone <gone@example.net>');
    const dsn = readFileSync(new URL('./fixtures/bounce-dsn.eml', import.meta.url));
    const acknowledgementsBefore = (await queuedJobs(db(), 'email_send_acknowledgement')).length;
    expect(
      (await deliverRaw(harness.listener.port, { from: '', to: ['pagalba@shop.example'], raw: dsn })).code,
    ).toBe(250);
    const bounce = await db()
      .selectFrom('messages')
      .select(['conversation_id', 'author_type', 'visibility', 'body_text'])
      .where('external_id', '=', '20250603160000.ABC123@mx.example.net')
      .executeTakeFirstOrThrow();
    expect(bounce).toMatchObject({
      conversation_id: first.id,
      author_type: 'system',
      visibility: 'internal',
    });
    expect(bounce.body_text).toContain('gone@example.net');
    const failing = await db()
      .selectFrom('email_failing_addresses')
      .selectAll()
      .where('address', '=', 'gone@example.net')
      .executeTakeFirst();
    expect(failing).toMatchObject({ status: '5.1.1' });
    expect(await queuedJobs(db(), 'email_send_acknowledgement')).toHaveLength(acknowledgementsBefore);
  });
});

describe('real replies of common mail clients through the SMTP listener', () => {
  it.each(readReplyCorpus().map((reply) => [reply.name, reply] as const))(
    '%s: the stored body is only the new text; the full text stays available',
    async (_name, reply) => {
      expect((await deliver(reply.raw)).code).toBe(250);
      const messageId = (await parseInboundEmail(reply.raw)).messageId;
      const stored = await db()
        .selectFrom('messages')
        .innerJoin('email_messages', 'email_messages.message_id', 'messages.id')
        .select(['messages.body_text', 'email_messages.full_text'])
        .$if(messageId !== null, (query) => query.where('messages.external_id', '=', messageId!))
        // Without a Message-ID (outlook.eml) the mail is known by its content hash.
        .$if(messageId === null, (query) =>
          query
            .where('messages.external_id', 'like', 'sha256-%')
            .where('email_messages.subject', '=', 'Test'),
        )
        .executeTakeFirstOrThrow();
      expect(stored.body_text.trim()).toBe(reply.expectedText);
      expect(stored.full_text?.length ?? 0).toBeGreaterThan(stored.body_text.length);
    },
  );
});
