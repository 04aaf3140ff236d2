import type { Topic } from '@frontline/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { startJobWorker } from '../../platform/jobs.ts';
import { openConversation } from '../conversations/conversations.test-helpers.ts';
import { addCustomerMessage } from '../conversations/index.ts';
import { slaTasks } from '../sla/index.ts';
import { createPolicy } from '../sla/sla.test-helpers.ts';
import { topicTrainingSet } from './topic-training-set.ts';
import { topicTasks, trainTopicsTask } from './topics.service.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
const topics: Record<string, Topic> = {};
let submissions = 0;

async function createTopic(body: Record<string, unknown>) {
  const response = await requestAs(testApp, admin).post('/api/v1/topics', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Topic;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
  topics.billing = await createTopic({
    key: 'billing',
    names: { en: 'Billing', lt: 'Sąskaitos', hu: 'Számlázás' },
    keywords: { en: ['invoice', 'refund'], hu: ['számla'] },
  });
  topics.delivery = await createTopic({
    key: 'delivery',
    names: { en: 'Delivery', lt: 'Pristatymas' },
    keywords: { lt: ['siunt'] },
  });
  topics.account = await createTopic({ key: 'account', names: { en: 'Account' } });
});
afterAll(() => testApp.close());

async function submitWebForm(message: string, language = 'en') {
  submissions += 1;
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/web-form',
    remoteAddress: `10.3.0.${submissions}`,
    payload: {
      clientId: `topic-form-${Date.now()}-${submissions}`,
      name: 'Ona Jonaitė',
      email: `ona${submissions}@example.lt`,
      topic: 'other',
      message,
      language,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const row = await testApp.deps.db
    .selectFrom('conversations')
    .select('id')
    .where('reference', '=', response.json().reference)
    .executeTakeFirstOrThrow();
  return row.id;
}

const detailOf = async (id: string) =>
  (await requestAs(testApp, supervisor).get(`/api/v1/conversations/${id}`)).json();

describe('topics are defined by admins', () => {
  it('lets every agent read topics and only admins change them', async () => {
    const listed = await requestAs(testApp, agent).get('/api/v1/topics');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((topic: Topic) => topic.key)).toEqual(['billing', 'delivery', 'account']);
    const body = { key: 'mine', names: { en: 'Mine' } };
    for (const who of [agent, supervisor]) {
      const requests = requestAs(testApp, who);
      expect((await requests.post('/api/v1/topics', body)).statusCode).toBe(403);
      expect((await requests.delete(`/api/v1/topics/${topics.account!.id}`)).statusCode).toBe(403);
      expect((await requests.post('/api/v1/topics/classifier/training')).statusCode).toBe(403);
    }
    expect((await requestAs(testApp, null).get('/api/v1/topics')).statusCode).toBe(401);
  });

  it('validates a topic: an English name, a key of plain letters, a key used once', async () => {
    const requests = requestAs(testApp, admin);
    expect(
      (await requests.post('/api/v1/topics', { key: 'x', names: { lt: 'Tik lietuviškai' } })).statusCode,
    ).toBe(400);
    expect(
      (await requests.post('/api/v1/topics', { key: 'Has Spaces', names: { en: 'X' } })).statusCode,
    ).toBe(400);
    const taken = await requests.post('/api/v1/topics', { key: 'billing', names: { en: 'Again' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('topics.key_taken');
  });
});

describe('topics on arrival', () => {
  it('a keyword of the message’s language sets the topic, accents ignored, and the timeline says why', async () => {
    const id = await submitWebForm('Jó napot! A legutóbbi szamlam összege hibás, kérem javítsák.', 'hu');
    const detail = await detailOf(id);
    expect(detail.language).toBe('hu');
    expect(detail.topic).toMatchObject({ key: 'billing', source: 'rule', confidence: null });
    expect(detail.events).toContainEqual(
      expect.objectContaining({
        type: 'topic_changed',
        actorType: 'system',
        data: expect.objectContaining({ to: 'billing', source: 'rule', keyword: 'szamla' }),
      }),
    );
  });

  it('another language’s keywords do not apply', async () => {
    const id = await submitWebForm('Hello, my siunta has not arrived, where can I see where it is?', 'en');
    expect((await detailOf(id)).topic).toBeNull();
  });

  it('an agent’s topic stays: later messages with other keywords do not change it', async () => {
    const conversation = await openConversation(testApp, agent, {
      subject: 'Question',
      message: { body: 'Hello, I have a question about my order.' },
    });
    expect(conversation.topic).toBeNull();
    const set = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      topicId: topics.account!.id,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().topic).toMatchObject({ key: 'account', source: 'agent' });
    await addCustomerMessage(testApp.deps, conversation.id, {
      body: 'Also I need a refund for the invoice.',
    });
    const detail = await detailOf(conversation.id);
    expect(detail.topic).toMatchObject({ key: 'account', source: 'agent' });
    expect(detail.events).toContainEqual(
      expect.objectContaining({
        type: 'topic_changed',
        actorType: 'agent',
        data: { from: null, to: topics.account!.id },
      }),
    );
  });

  it('an agent confirming the rule’s topic makes it theirs; clearing removes it; an unknown topic is refused', async () => {
    const id = await submitWebForm('Please send me the invoice for March.', 'en');
    expect((await detailOf(id)).topic).toMatchObject({ key: 'billing', source: 'rule' });
    const requests = requestAs(testApp, agent);
    const confirmed = await requests.patch(`/api/v1/conversations/${id}`, { topicId: topics.billing!.id });
    expect(confirmed.json().topic).toMatchObject({ key: 'billing', source: 'agent' });
    const cleared = await requests.patch(`/api/v1/conversations/${id}`, { topicId: null });
    expect(cleared.json().topic).toBeNull();
    // Cleared by an agent stays cleared: a later message with a keyword does not set it again.
    await addCustomerMessage(testApp.deps, id, { body: 'And the invoice for April, please.' });
    expect((await detailOf(id)).topic).toBeNull();
    const unknown = await requests.patch(`/api/v1/conversations/${id}`, {
      topicId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('the inbox filters by topic', async () => {
    const id = await submitWebForm('I was promised a refund two weeks ago.', 'en');
    const listed = await requestAs(testApp, supervisor).get('/api/v1/conversations', {
      query: { topic: 'billing' },
    });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Array<{ id: string; topic: { key: string } }>;
    expect(items.map((item) => item.id)).toContain(id);
    expect(items.every((item) => item.topic.key === 'billing')).toBe(true);
  });
});

describe('SLA policies with a topic condition', () => {
  it('apply to conversations whose topic a rule or an agent set', async () => {
    const policy = await createPolicy(testApp, admin, {
      name: 'Billing in 45 minutes',
      conditions: { topics: ['billing'] },
      firstResponseMinutes: 45,
    });
    const byRule = await submitWebForm('My refund has still not come back to my card.', 'en');
    expect((await detailOf(byRule)).sla).toMatchObject({ policyId: policy.id });

    const conversation = await openConversation(testApp, agent, {
      subject: 'A question',
      message: { body: 'Hello, something is wrong with what I paid.' },
    });
    expect(conversation.sla).toBeNull();
    const set = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
      topicId: topics.billing!.id,
    });
    expect(set.json().sla).toMatchObject({ policyId: policy.id, firstResponseDueAt: expect.any(String) });
    expect((await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`)).statusCode).toBe(
      204,
    );
  });

  it('a deleted topic leaves its conversations, and their SLA is matched again', async () => {
    const returns = await createTopic({
      key: 'returns',
      names: { en: 'Returns' },
      keywords: { en: ['return'] },
    });
    const policy = await createPolicy(testApp, admin, {
      name: 'Returns in a day',
      conditions: { topics: ['returns'] },
      resolutionMinutes: 1440,
    });
    const id = await submitWebForm('How do I return the shoes I bought last week?', 'en');
    expect((await detailOf(id)).sla).toMatchObject({ policyId: policy.id });
    // The recount the new policy queued is not what this test is about.
    await sql`select graphile_worker.remove_job('sla_recount')`.execute(testApp.deps.db);
    expect((await requestAs(testApp, admin).delete(`/api/v1/topics/${returns.id}`)).statusCode).toBe(204);
    expect((await detailOf(id)).topic).toBeNull();
    const worker = await startJobWorker({
      pool: testApp.deps.pool,
      taskList: slaTasks(testApp.deps),
      crontab: '',
    });
    try {
      await expect.poll(async () => (await detailOf(id)).sla, { timeout: 20_000 }).toBeNull();
    } finally {
      await worker.stop();
    }
    expect((await requestAs(testApp, admin).delete(`/api/v1/sla-policies/${policy.id}`)).statusCode).toBe(
      204,
    );
  });
});

describe('the topic classifier learns from agents', () => {
  it('trains in the worker job from solved conversations agents labelled, then sets or suggests topics', async () => {
    for (const example of topicTrainingSet) {
      const conversation = await openConversation(testApp, agent, {
        subject: example.text,
        message: { body: example.text },
      });
      const labelled = await requestAs(testApp, agent).patch(`/api/v1/conversations/${conversation.id}`, {
        topicId: topics[example.topicId]!.id,
        status: 'solved',
      });
      expect(labelled.statusCode, labelled.body).toBe(200);
    }
    // Labelling queued a training run a few minutes ahead; the worker runs it once it is due.
    await sql`update graphile_worker._private_jobs set run_at = now() where key = ${trainTopicsTask}`.execute(
      testApp.deps.db,
    );
    const worker = await startJobWorker({
      pool: testApp.deps.pool,
      taskList: topicTasks(testApp.deps),
      crontab: '',
    });
    try {
      await expect
        .poll(
          async () => (await requestAs(testApp, admin).get('/api/v1/topics/classifier')).json().exampleCount,
          {
            timeout: 20_000,
          },
        )
        .toBe(topicTrainingSet.length);
    } finally {
      await worker.stop();
    }

    const confident = await submitWebForm('I forgot my password and cannot log in', 'en');
    const confidentDetail = await detailOf(confident);
    expect(confidentDetail.topic).toMatchObject({ key: 'account', source: 'classifier' });
    expect(confidentDetail.topic.confidence).toBeGreaterThanOrEqual(0.6);
    expect(confidentDetail.topicSuggestion).toBeNull();

    const unsure = await submitWebForm('password parcel', 'en');
    const unsureDetail = await detailOf(unsure);
    expect(unsureDetail.topic).toBeNull();
    expect(unsureDetail.topicSuggestion).toMatchObject({ key: 'delivery' });
    expect(unsureDetail.topicSuggestion.confidence).toBeLessThan(0.6);

    // Applying the suggestion is the agent's topic, and the suggestion is gone.
    const applied = await requestAs(testApp, agent).patch(`/api/v1/conversations/${unsure}`, {
      topicId: unsureDetail.topicSuggestion.id,
    });
    expect(applied.json().topic).toMatchObject({ key: 'delivery', source: 'agent' });
    expect((await detailOf(unsure)).topicSuggestion).toBeNull();
  });
});
