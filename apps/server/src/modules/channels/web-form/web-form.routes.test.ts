import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app.ts';
import { loadConfig } from '../../../config.ts';

let testApp: TestApp;
let dataDir: string;
let agent: SignedInAgent;
let submissions = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-form-files-'));
  testApp = await startTestApp({
    config: loadConfig({ FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'silent' }),
  });
  agent = await signInAgent(testApp, 'agent');
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  submissions += 1;
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/web-form',
    // Each test is its own address: the per-address rate limit is tested on its own below.
    remoteAddress: `10.0.0.${submissions}`,
    headers,
    payload: {
      clientId: `form-${Date.now()}-${submissions}`,
      name: 'Ona Petraitienė',
      email: 'ona.form@example.lt',
      topic: 'order',
      message: 'Kur mano siuntinys? Užsakiau prieš savaitę.',
      language: 'lt',
      ...body,
    },
  });
}

async function queuedConfirmations(conversationReference: number) {
  const { rows } = await sql<{ payload: { reference: number; subject: string; text: string; to: string } }>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send_customer_email'`.execute(testApp.database.db);
  return rows.map((row) => row.payload).filter((payload) => payload.reference === conversationReference);
}

describe('the web form', () => {
  it('a submission becomes a web_form conversation; the confirmation shows the reference and the expected response, and goes out by email', async () => {
    const response = await submit({});
    expect(response.statusCode, response.body).toBe(201);
    const confirmation = response.json();
    // The agent signed in above answers: the ETA engine's forecast, worded in the visitor's language.
    expect(confirmation).toEqual({
      reference: expect.any(Number),
      expectedResponse: { p50Seconds: expect.any(Number), p90Seconds: expect.any(Number) },
      expectedResponseText: expect.stringMatching(/^maždaug per \d+ minu\S+, vėliausiai per \d+ minu\S+$/),
    });
    const list = (
      await requestAs(testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    const conversation = list.items.find(
      (item: { reference: number }) => item.reference === confirmation.reference,
    );
    expect(conversation).toMatchObject({
      channel: 'web_form',
      language: 'lt',
      tags: ['web-form:order'],
      subject: 'Kur mano siuntinys? Užsakiau prieš savaitę.',
      customer: { name: 'Ona Petraitienė', email: 'ona.form@example.lt' },
    });
    const emails = await queuedConfirmations(confirmation.reference);
    expect(emails).toEqual([
      expect.objectContaining({
        to: 'ona.form@example.lt',
        subject: `Gavome jūsų užklausą [#${confirmation.reference}]`,
      }),
    ]);
    expect(emails[0]!.text).toContain(`Atsakysime el. paštu: ${confirmation.expectedResponseText}.`);
  });

  it('sending the same submission twice answers the first reference and stores one conversation', async () => {
    const body = { clientId: `form-double-${Date.now()}` };
    const [first, second] = await Promise.all([submit(body), submit(body)]);
    expect(first.json().reference).toBe(second.json().reference);
    const list = (
      await requestAs(testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    expect(
      list.items.filter((item: { reference: number }) => item.reference === first.json().reference),
    ).toHaveLength(1);
  });

  it('names each invalid field in the visitor’s language', async () => {
    const response = await submit({ name: '', email: 'ona@', message: 'Labas', language: 'lt' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.name', message: 'Įveskite savo vardą.' },
      { path: 'body.email', message: 'Tai nepanašu į el. pašto adresą, pvz., vardas@pavyzdys.lt.' },
      { path: 'body.message', message: 'Parašykite bent 10 simbolių.' },
    ]);
    const hungarian = await submit(
      { email: '', language: undefined },
      { 'accept-language': 'hu-HU,hu;q=0.9,en;q=0.8' },
    );
    expect(hungarian.json().errors).toEqual([
      { path: 'body.email', message: 'Kérjük, adja meg az e-mail-címét.' },
    ]);
  });

  it('a filled honeypot gets a confirmation but nothing is stored', async () => {
    const before = (
      await requestAs(testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    const response = await submit({ website: 'http://spam.example', email: 'bot@spam.example' });
    expect(response.statusCode).toBe(201);
    expect(response.json().reference).toEqual(expect.any(Number));
    const after = (
      await requestAs(testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    expect(after.items).toHaveLength(before.items.length);
  });

  it('attachments uploaded for the form are linked to the conversation and listed for the agent', async () => {
    const upload = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/web-form/uploads',
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'saskaita.pdf' },
      payload: Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const response = await submit({ attachmentIds: [upload.json().id] });
    expect(response.statusCode, response.body).toBe(201);
    const list = (
      await requestAs(testApp, agent).get('/api/v1/conversations', { query: { channel: 'web_form' } })
    ).json();
    const id = list.items.find(
      (item: { reference: number }) => item.reference === response.json().reference,
    ).id;
    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${id}`)).json();
    expect(detail.messages[0].body).toContain('[saskaita.pdf]');
    expect(
      (await requestAs(testApp, agent).get(`/api/v1/chats/uploads/${upload.json().id}`)).statusCode,
    ).toBe(200);
    // The same upload cannot be sent again in another submission.
    const again = await submit({ attachmentIds: [upload.json().id] });
    expect(again.statusCode).toBe(422);
  });

  it('limits submissions per address: the sixth within ten minutes gets 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/public/web-form',
        remoteAddress: '10.9.9.9',
        payload: {
          clientId: `limit-${attempt}-${Date.now()}`,
          name: 'A',
          email: 'a@example.com',
          topic: 'other',
          message: 'Just a test message.',
        },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('the hosted page speaks the visitor’s language and mounts the form from the widget', async () => {
    const page = await testApp.app.inject({
      method: 'GET',
      url: '/contact/form',
      headers: { 'accept-language': 'sk,en;q=0.5' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="sk">');
    expect(page.body).toContain('<h1>Kontaktujte nás</h1>');
    expect(page.body).toContain('data-frontline-form');
    expect(page.body).toContain('src="/widget.js"');
    expect((await testApp.app.inject({ method: 'GET', url: '/contact/form?lang=pl' })).body).toContain(
      'lang="pl"',
    );
  });
});
