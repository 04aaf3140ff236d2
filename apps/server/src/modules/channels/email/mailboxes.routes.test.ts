import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app.ts';
import { testConfig } from './testing/email-test-kit.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp({ config: testConfig() });
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
});
afterAll(async () => {
  await testApp.close();
});

const imapMailbox = {
  name: 'Pagalba LT',
  address: 'Pagalba@Shop.Example',
  inbound: {
    type: 'imap',
    host: 'imap.shop.example',
    port: 993,
    secure: true,
    user: 'pagalba',
    password: 's3cret-imap-pw',
  },
  acknowledge: true,
  outboundSmtpUrl: 'smtp://mailer:s3cret-smtp-pw@smtp.shop.example:587',
};

describe('mailboxes API', () => {
  it('creates an IMAP mailbox: 201, address lower-cased, defaults filled, no secret in the answer', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/mailboxes', imapMailbox);
    expect(response.statusCode).toBe(201);
    const mailbox = response.json();
    expect(mailbox).toMatchObject({
      name: 'Pagalba LT',
      address: 'pagalba@shop.example',
      inbound: {
        type: 'imap',
        host: 'imap.shop.example',
        user: 'pagalba',
        folder: 'INBOX',
        hasPassword: true,
      },
      acknowledge: true,
      responsePromise: { amount: 4, unit: 'hours', businessTime: true },
      responsePromiseText: 'within 4 business hours',
      outbound: { smtpServer: 'smtp://smtp.shop.example:587' },
    });
    expect(mailbox.acknowledgementTemplates.lt).toMatchObject({ isCustom: false });
    expect(response.body).not.toContain('s3cret');
    const stored = await testApp.deps.db
      .selectFrom('mailboxes')
      .selectAll()
      .where('id', '=', mailbox.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('s3cret');
  });

  it('creates an SMTP-routed mailbox with a custom Lithuanian template and lists both, secrets withheld', async () => {
    const created = await requestAs(testApp, admin).post('/api/v1/mailboxes', {
      name: 'Support',
      address: 'support@shop.example',
      inbound: { type: 'smtp' },
      responsePromise: { amount: 1, unit: 'days', businessTime: true },
      acknowledgementTemplates: {
        lt: { subject: '[#{{reference}}] Gavome', body: 'Atsakysime {{responsePromise}}.' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().acknowledgementTemplates.lt).toEqual({
      subject: '[#{{reference}}] Gavome',
      body: 'Atsakysime {{responsePromise}}.',
      isCustom: true,
    });
    const list = await requestAs(testApp, admin).get('/api/v1/mailboxes');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { address: string }) => item.address)).toEqual([
      'pagalba@shop.example',
      'support@shop.example',
    ]);
    expect(list.body).not.toContain('s3cret');
  });

  it('changes a mailbox, keeps the IMAP password when it is left out, and resets a template with null', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/mailboxes', {
        ...imapMailbox,
        address: 'keep@shop.example',
      })
    ).json();
    const before = await testApp.deps.db
      .selectFrom('mailboxes')
      .select('imap_password_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const changed = await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${created.id}`, {
      name: 'Renamed',
      inbound: { type: 'imap', host: 'imap2.shop.example', user: 'pagalba' },
      acknowledge: false,
      acknowledgementTemplates: { en: { subject: 'Got it', body: 'Thanks' } },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Renamed',
      acknowledge: false,
      inbound: { host: 'imap2.shop.example', hasPassword: true },
    });
    const after = await testApp.deps.db
      .selectFrom('mailboxes')
      .select('imap_password_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(after.imap_password_sealed).toBe(before.imap_password_sealed);

    const reset = await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${created.id}`, {
      acknowledgementTemplates: { en: null },
    });
    expect(reset.json().acknowledgementTemplates.en.isCustom).toBe(false);
  });

  it('switching an SMTP mailbox to IMAP without a password is a 400 naming the field', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/mailboxes', {
        name: 'S',
        address: 's2@shop.example',
        inbound: { type: 'smtp' },
      })
    ).json();
    const response = await requestAs(testApp, admin).patch(`/api/v1/mailboxes/${created.id}`, {
      inbound: { type: 'imap', host: 'imap.shop.example', user: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'body.inbound.password', message: expect.any(String) }]);
  });

  it('deletes a mailbox: 204, then 404', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/mailboxes', {
        name: 'D',
        address: 'd@shop.example',
        inbound: { type: 'smtp' },
      })
    ).json();
    expect((await requestAs(testApp, admin).delete(`/api/v1/mailboxes/${created.id}`)).statusCode).toBe(204);
    const again = await requestAs(testApp, admin).get(`/api/v1/mailboxes/${created.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('mailboxes.not_found');
  });

  it.each([
    [
      'an address already in use',
      { name: 'X', address: 'support@shop.example', inbound: { type: 'smtp' } },
      409,
      'mailboxes.address_taken',
    ],
    [
      'a plus-address',
      { name: 'X', address: 'a+b@shop.example', inbound: { type: 'smtp' } },
      400,
      'request.invalid',
    ],
    ['not an address', { name: 'X', address: 'nope', inbound: { type: 'smtp' } }, 400, 'request.invalid'],
    [
      'IMAP without a password',
      { name: 'X', address: 'x@shop.example', inbound: { type: 'imap', host: 'h', user: 'u' } },
      400,
      'request.invalid',
    ],
    [
      'an unknown inbound type',
      { name: 'X', address: 'x@shop.example', inbound: { type: 'pop3' } },
      400,
      'request.invalid',
    ],
    [
      'an unknown field',
      { name: 'X', address: 'x@shop.example', inbound: { type: 'smtp' }, colour: 'red' },
      400,
      'request.invalid',
    ],
    [
      'a non-SMTP outbound URL',
      { name: 'X', address: 'x@shop.example', inbound: { type: 'smtp' }, outboundSmtpUrl: 'http://x' },
      400,
      'request.invalid',
    ],
    [
      'an unknown template placeholder',
      {
        name: 'X',
        address: 'x@shop.example',
        inbound: { type: 'smtp' },
        acknowledgementTemplates: { pl: { subject: 'S', body: '{{eta}}' } },
      },
      400,
      'request.invalid',
    ],
    [
      'a template for a language without texts',
      {
        name: 'X',
        address: 'x@shop.example',
        inbound: { type: 'smtp' },
        acknowledgementTemplates: { fr: { subject: 'S', body: 'B' } },
      },
      400,
      'request.invalid',
    ],
    [
      'an unknown team',
      {
        name: 'X',
        address: 'x@shop.example',
        inbound: { type: 'smtp' },
        teamId: '00000000-0000-4000-8000-000000000000',
      },
      422,
      'mailboxes.unknown_team',
    ],
  ])('refuses %s', async (_case, body, status, code) => {
    const response = await requestAs(testApp, admin).post('/api/v1/mailboxes', body);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it.each([
    ['GET', '/api/v1/mailboxes'],
    ['POST', '/api/v1/mailboxes'],
    ['PATCH', '/api/v1/mailboxes/00000000-0000-4000-8000-000000000000'],
    ['DELETE', '/api/v1/mailboxes/00000000-0000-4000-8000-000000000000'],
  ])('denies %s %s to a supervisor (403) and to nobody signed in (401)', async (method, url) => {
    const payload =
      method === 'POST' || method === 'PATCH'
        ? { name: 'X', address: 'no@shop.example', inbound: { type: 'smtp' } }
        : undefined;
    const asSupervisor = await testApp.app.inject({
      method: method as 'GET',
      url,
      payload,
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(asSupervisor.statusCode).toBe(403);
    const anonymous = await testApp.app.inject({ method: method as 'GET', url, payload });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('mailbox connection test', () => {
  it('is for admins only', async () => {
    const response = await requestAs(testApp, supervisor).post('/api/v1/mailboxes/connection-test', {
      inbound: { type: 'smtp' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('reports which step failed for unreachable servers, without storing anything', async () => {
    const response = await requestAs(testApp, admin).post('/api/v1/mailboxes/connection-test', {
      inbound: { type: 'imap', host: '127.0.0.1', port: 1, secure: false, user: 'u', password: 'p' },
      outboundSmtpUrl: 'smtp://127.0.0.1:1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      inbound: { ok: false, failedStep: 'connect', message: expect.stringContaining('refused') },
      outbound: { ok: false, failedStep: 'connect', message: expect.stringContaining('refused') },
    });
  });

  it('says there is no outbound server when neither SMTP_URL nor the mailbox names one', async () => {
    const created = (
      await requestAs(testApp, admin).post('/api/v1/mailboxes', {
        name: 'T',
        address: 't@shop.example',
        inbound: { type: 'smtp' },
      })
    ).json();
    const response = await requestAs(testApp, admin).post(`/api/v1/mailboxes/${created.id}/connection-test`);
    expect(response.statusCode).toBe(200);
    expect(response.json().outbound).toMatchObject({ ok: false, failedStep: 'config' });
  });
});
