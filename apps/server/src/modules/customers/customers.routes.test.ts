import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { resolveCustomer } from './index.ts';

let testApp: TestApp;
let agent: SignedInAgent;
let supervisor: SignedInAgent;

beforeAll(async () => {
  testApp = await startTestApp();
  agent = await signInAgent(testApp, 'agent');
  supervisor = await signInAgent(testApp, 'supervisor');
});
afterAll(() => testApp.close());

const unique = () => Math.random().toString(36).slice(2, 8);

describe('creating customers', () => {
  it('stores identities normalised and answers 201 with them', async () => {
    const tag = unique();
    const response = await requestAs(testApp, agent).post('/api/v1/customers', {
      name: 'Ona Petraitienė',
      email: `Ona.${tag}@Example.LT`,
      phone: '+370 612 34567',
      preferredLanguage: 'lt',
      organisation: 'UAB Šviesa',
    });
    expect(response.statusCode).toBe(201);
    const customer = response.json();
    expect(customer).toMatchObject({
      name: 'Ona Petraitienė',
      preferredLanguage: 'lt',
      organisation: 'UAB Šviesa',
    });
    expect(customer.identities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'email', value: `ona.${tag}@example.lt` }),
        expect.objectContaining({ kind: 'phone', value: '+37061234567' }),
      ]),
    );
  });

  it('refuses an email another customer already has, whatever its case', async () => {
    const email = `jan.${unique()}@firma.sk`;
    const client = requestAs(testApp, agent);
    expect((await client.post('/api/v1/customers', { name: 'Ján Novák', email })).statusCode).toBe(201);
    const duplicate = await client.post('/api/v1/customers', { name: 'Jan', email: email.toUpperCase() });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('customers.identity_taken');
  });

  it('names the field of an invalid email or phone', async () => {
    const client = requestAs(testApp, agent);
    const badEmail = await client.post('/api/v1/customers', { name: 'X', email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json()).toMatchObject({
      code: 'customers.invalid_email',
      errors: [{ path: 'body.email' }],
    });
    const badPhone = await client.post('/api/v1/customers', { name: 'X', phone: '12' });
    expect(badPhone.json()).toMatchObject({
      code: 'customers.invalid_phone',
      errors: [{ path: 'body.phone' }],
    });
  });

  it('rejects unknown fields and wrong types with 400', async () => {
    const response = await requestAs(testApp, agent).post('/api/v1/customers', { name: 42, vip: true });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toContain('body.name');
  });

  it('needs a signed-in agent', async () => {
    const response = await requestAs(testApp, null).post('/api/v1/customers', { name: 'Anonymous' });
    expect(response.statusCode).toBe(401);
  });
});

describe('finding customers', () => {
  it('finds by email in any case, by phone in any format and by name without diacritics', async () => {
    const tag = unique();
    const client = requestAs(testApp, agent);
    const created = (
      await client.post('/api/v1/customers', {
        name: `Šarūnas Žukauskas ${tag}`,
        email: `sarunas.${tag}@example.lt`,
        phone: '+370 699 11111',
      })
    ).json();
    const byEmail = await client.get('/api/v1/customers', { query: { email: `SARUNAS.${tag}@Example.LT` } });
    expect(byEmail.json().items.map((customer: { id: string }) => customer.id)).toEqual([created.id]);
    const byPhone = await client.get('/api/v1/customers', { query: { phone: '00370 699 11111' } });
    expect(byPhone.json().items.map((customer: { id: string }) => customer.id)).toContain(created.id);
    const byName = await client.get('/api/v1/customers', { query: { q: `sarunas zukauskas ${tag}` } });
    expect(byName.json().items.map((customer: { id: string }) => customer.id)).toEqual([created.id]);
  });

  it('pages through results with a cursor, newest first, without repeats', async () => {
    const tag = `page${unique()}`;
    const client = requestAs(testApp, agent);
    for (let index = 0; index < 5; index += 1) {
      await client.post('/api/v1/customers', { name: `Pager ${tag} ${index}` });
    }
    const first = (await client.get('/api/v1/customers', { query: { q: tag, limit: '2' } })).json();
    expect(first.items.map((customer: { name: string }) => customer.name)).toEqual([
      `Pager ${tag} 4`,
      `Pager ${tag} 3`,
    ]);
    const second = (
      await client.get('/api/v1/customers', { query: { q: tag, limit: '2', cursor: first.nextCursor } })
    ).json();
    const third = (
      await client.get('/api/v1/customers', { query: { q: tag, limit: '2', cursor: second.nextCursor } })
    ).json();
    expect([...second.items, ...third.items].map((customer: { name: string }) => customer.name)).toEqual([
      `Pager ${tag} 2`,
      `Pager ${tag} 1`,
      `Pager ${tag} 0`,
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('answers 400 request.bad_cursor to a cursor it did not issue', async () => {
    const response = await requestAs(testApp, agent).get('/api/v1/customers', {
      query: { cursor: 'bm9wZQ' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.bad_cursor');
  });

  it('answers 404 customers.not_found for an unknown id and 400 for a malformed one', async () => {
    const client = requestAs(testApp, agent);
    const missing = await client.get('/api/v1/customers/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('customers.not_found');
    expect((await client.get('/api/v1/customers/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('editing customers', () => {
  it('changes fields and adds and removes identities', async () => {
    const client = requestAs(testApp, agent);
    const tag = unique();
    const created = (
      await client.post('/api/v1/customers', { name: 'Zofia', email: `zofia.${tag}@example.pl` })
    ).json();
    const updated = await client.patch(`/api/v1/customers/${created.id}`, {
      name: 'Zofia Kowalska',
      notes: 'Prefers phone calls after 15:00.',
      addIdentities: [{ kind: 'phone', value: '+48 601 234 567' }],
      removeIdentityIds: [created.identities[0].id],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Zofia Kowalska',
      notes: 'Prefers phone calls after 15:00.',
    });
    expect(updated.json().identities).toEqual([
      expect.objectContaining({ kind: 'phone', value: '+48601234567' }),
    ]);
  });
});

describe('merging customers', () => {
  it('moves identities and conversations to the target and marks the source merged', async () => {
    const tag = unique();
    const client = requestAs(testApp, supervisor);
    const target = (
      await client.post('/api/v1/customers', { name: 'Éva Kovács', email: `eva.${tag}@posta.hu` })
    ).json();
    const source = (
      await client.post('/api/v1/customers', {
        name: '',
        phone: '+36 20 123 4567',
        notes: 'Called about invoice',
      })
    ).json();
    const conversation = await testApp.deps.db
      .insertInto('conversations')
      .values({ customer_id: source.id, subject: 'Számla kérdés' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const merged = await client.post(`/api/v1/customers/${target.id}/merge`, { sourceCustomerId: source.id });
    expect(merged.statusCode).toBe(200);
    expect(
      merged
        .json()
        .identities.map((identity: { value: string }) => identity.value)
        .sort(),
    ).toEqual([`eva.${tag}@posta.hu`, '+36201234567'].sort());
    expect(merged.json().notes).toContain('Called about invoice');
    const moved = await testApp.deps.db
      .selectFrom('conversations')
      .select('customer_id')
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    expect(moved.customer_id).toBe(target.id);
    const sourceAfter = (await client.get(`/api/v1/customers/${source.id}`)).json();
    expect(sourceAfter.mergedIntoId).toBe(target.id);
    const again = await client.post(`/api/v1/customers/${target.id}/merge`, { sourceCustomerId: source.id });
    expect(again.json().code).toBe('customers.already_merged');
  });

  it('an agent cannot merge customers', async () => {
    const client = requestAs(testApp, agent);
    const a = (await client.post('/api/v1/customers', { name: 'A' })).json();
    const b = (await client.post('/api/v1/customers', { name: 'B' })).json();
    const response = await client.post(`/api/v1/customers/${a.id}/merge`, { sourceCustomerId: b.id });
    expect(response.statusCode).toBe(403);
  });

  it('a customer cannot be merged into itself', async () => {
    const client = requestAs(testApp, supervisor);
    const a = (await client.post('/api/v1/customers', { name: 'Self' })).json();
    const response = await client.post(`/api/v1/customers/${a.id}/merge`, { sourceCustomerId: a.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('customers.merge_same');
  });
});

describe('resolving the customer of an inbound message', () => {
  it('two first messages from one new address at the same time make one customer', async () => {
    const email = `race.${unique()}@example.com`;
    const resolved = await Promise.all(
      Array.from({ length: 6 }, () =>
        testApp.deps.db.transaction().execute((tx) => resolveCustomer(tx, { email, name: 'Racer' })),
      ),
    );
    expect(new Set(resolved.map((customer) => customer.id)).size).toBe(1);
  });

  it('a known customer writing from a new phone gains that identity', async () => {
    const email = `known.${unique()}@example.com`;
    const first = await resolveCustomer(testApp.deps.db, { email });
    const second = await resolveCustomer(testApp.deps.db, {
      email: email.toUpperCase(),
      phone: '+421 905 123 999',
    });
    expect(second.id).toBe(first.id);
    const byPhone = await resolveCustomer(testApp.deps.db, { phone: '+421905123999' });
    expect(byPhone.id).toBe(first.id);
  });

  it('a merged customer resolves to the one it was merged into', async () => {
    const client = requestAs(testApp, supervisor);
    const target = (await client.post('/api/v1/customers', { name: 'Target' })).json();
    const source = (await client.post('/api/v1/customers', { name: 'Source' })).json();
    await client.post(`/api/v1/customers/${target.id}/merge`, { sourceCustomerId: source.id });
    expect((await resolveCustomer(testApp.deps.db, { id: source.id })).id).toBe(target.id);
  });
});
