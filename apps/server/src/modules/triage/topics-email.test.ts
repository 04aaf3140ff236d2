import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent } from '../../../test/support/app.ts';
import { buildMessage, deliverRaw } from '../channels/email/testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from '../channels/email/testing/harness.ts';
import { createPolicy } from '../sla/sla.test-helpers.ts';

let harness: InboundHarness;
let admin: SignedInAgent;

beforeAll(async () => {
  harness = await startInboundHarness({ mailbox: { acknowledge: false } });
  admin = await signInAgent(harness.testApp, 'admin');
  const topic = await requestAs(harness.testApp, admin).post('/api/v1/topics', {
    key: 'billing',
    names: { en: 'Billing', lt: 'Sąskaitos' },
    keywords: { lt: ['sąskait', 'grąžin'], en: ['invoice'] },
  });
  expect(topic.statusCode, topic.body).toBe(201);
});
afterAll(() => harness.close());

async function receive(messageId: string, subject: string, body: string) {
  const answer = await deliverRaw(harness.listener.port, {
    from: 'ona@example.lt',
    to: ['pagalba@shop.example'],
    raw: buildMessage({ messageId, subject, body }),
  });
  expect(answer.code).toBe(250);
  const row = await harness.testApp.deps.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('external_id', '=', messageId)
    .executeTakeFirstOrThrow();
  return (await requestAs(harness.testApp, admin).get(`/api/v1/conversations/${row.conversation_id}`)).json();
}

describe('topics of inbound email', () => {
  it('a keyword in the email’s language sets the topic, and the SLA policy for that topic applies', async () => {
    const policy = await createPolicy(harness.testApp, admin, {
      name: 'Billing first',
      conditions: { topics: ['billing'] },
      firstResponseMinutes: 60,
    });
    const detail = await receive(
      'topic-billing@example.lt',
      'Klausimas dėl sąskaitos',
      'Laba diena, gavau saskaita faktura su klaida, prašau ją pataisyti. Ačiū.',
    );
    expect(detail.language).toBe('lt');
    expect(detail.topic).toMatchObject({ key: 'billing', source: 'rule' });
    expect(detail.sla).toMatchObject({ policyId: policy.id, firstResponseDueAt: expect.any(String) });
  });

  it('an email without any keyword has no topic and no topic policy', async () => {
    const detail = await receive(
      'topic-none@example.lt',
      'Klausimas',
      'Laba diena, kada atsidaro jūsų parduotuvė Kaune? Ačiū.',
    );
    expect(detail.topic).toBeNull();
    expect(detail.sla).toBeNull();
  });
});
