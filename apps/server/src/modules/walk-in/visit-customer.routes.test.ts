import type { Ticket } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let supervisor: SignedInAgent;
let clerk: SignedInAgent;
let otherClerk: SignedInAgent;

beforeAll(async () => {
  testApp = await startWalkInTestApp();
  admin = await signInAgent(testApp, 'admin');
  supervisor = await signInAgent(testApp, 'supervisor');
  clerk = await signInAgent(testApp, 'agent', { name: 'Rasa Clerk' });
  otherClerk = await signInAgent(testApp, 'agent', { name: 'Jonas Clerk' });
});
afterAll(() => testApp.close());

/** A location whose "Desk 1" has the clerk signed in, and a visitor called to it. */
async function calledVisit(ticketBody: Record<string, unknown> = {}) {
  const place = await createLocationWith(testApp, admin, {
    services: [{ prefix: 'A', name: 'Passports', agentIds: [clerk.id, otherClerk.id] }],
    desks: ['Desk 1', 'Desk 2'],
  });
  const taken = await requestAs(testApp, null).post(
    `/api/v1/public/walk-in/locations/${place.locationId}/tickets`,
    { serviceId: place.services.A, language: 'lt', ...ticketBody },
  );
  expect(taken.statusCode, taken.body).toBe(201);
  const api = requestAs(testApp, clerk);
  const desk = place.desks['Desk 1']!;
  expect(
    (await api.post(`/api/v1/walk-in/desks/${desk}/sign-in`, { serviceIds: [place.services.A] })).statusCode,
  ).toBe(200);
  const called = await api.post(`/api/v1/walk-in/desks/${desk}/call-next`);
  expect(called.statusCode, called.body).toBe(200);
  return {
    ...place,
    ticket: taken.json() as Ticket,
    visit: called.json().current as { id: string; conversationId: string; customerId: string },
  };
}

async function createCustomer(body: Record<string, unknown>) {
  const created = await requestAs(testApp, clerk).post('/api/v1/customers', body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; name: string };
}

const historyOf = async (customerId: string) =>
  (await requestAs(testApp, clerk).get('/api/v1/conversations', { query: { customer: customerId } })).json()
    .items as Array<{ id: string; channel: string; followUpOfId: string | null; subject: string }>;

describe('attaching a customer to a visit at the desk', () => {
  it('moves the visit into the customer’s history and names them at the desk', async () => {
    const { visit } = await calledVisit();
    const ona = await createCustomer({ name: 'Ona Petraitienė', email: 'ona@example.lt' });

    const attached = await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/customer`, {
      customerId: ona.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json()).toMatchObject({
      id: visit.id,
      customerId: ona.id,
      customerName: 'Ona Petraitienė',
    });
    expect((await historyOf(ona.id)).map((conversation) => conversation.id)).toEqual([visit.conversationId]);
    expect(await historyOf(visit.customerId)).toEqual([]);

    const detail = (
      await requestAs(testApp, clerk).get(`/api/v1/conversations/${visit.conversationId}`)
    ).json();
    expect(detail.customer.id).toBe(ona.id);
    expect(detail.events.map((event: { type: string }) => event.type)).toContain('customer_changed');
  });

  it('merges the customer the kiosk made for this visit into the attached one, phone included', async () => {
    const { visit } = await calledVisit({ phone: '+370 612 00077' });
    const ona = await createCustomer({ name: 'Ona Kiosk', email: 'ona.kiosk@example.lt' });
    // The kiosk's phone made a customer of its own, who has nothing but this visit.
    const byPhone = async () =>
      (await requestAs(testApp, clerk).get('/api/v1/customers', { query: { phone: '+37061200077' } })).json()
        .items as Array<{ id: string }>;
    expect((await byPhone()).map((customer) => customer.id)).toEqual([visit.customerId]);

    const attached = await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/customer`, {
      customerId: ona.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect((await byPhone()).map((customer) => customer.id)).toEqual([ona.id]);
    const placeholder = (await requestAs(testApp, clerk).get(`/api/v1/customers/${visit.customerId}`)).json();
    expect(placeholder.mergedIntoId).toBe(ona.id);
    const identities = (await requestAs(testApp, clerk).get(`/api/v1/customers/${ona.id}`)).json().identities;
    expect(
      identities
        .map((identity: { kind: string; value: string }) => `${identity.kind}:${identity.value}`)
        .sort(),
    ).toEqual(['email:ona.kiosk@example.lt', 'phone:+37061200077']);
  });

  it('leaves a kiosk phone with a customer who has other conversations (a merge is a person’s decision)', async () => {
    const jonas = await createCustomer({ name: 'Jonas', phone: '+370 612 00078' });
    const earlier = await requestAs(testApp, admin).post('/api/v1/conversations', {
      customer: { id: jonas.id },
      subject: 'Earlier question',
      message: { body: 'When are you open?' },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const { visit } = await calledVisit({ phone: '+37061200078' });
    expect(visit.customerId).toBe(jonas.id);
    const petras = await createCustomer({ name: 'Petras (the real visitor)' });

    const attached = await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/customer`, {
      customerId: petras.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect((await requestAs(testApp, clerk).get(`/api/v1/customers/${petras.id}`)).json().identities).toEqual(
      [],
    );
    expect((await historyOf(jonas.id)).map((conversation) => conversation.subject)).toEqual([
      'Earlier question',
    ]);
  });

  it('adds a contact left on the tracking page that nobody holds yet', async () => {
    const { visit, ticket } = await calledVisit();
    const contact = await testApp.app.inject({
      method: 'PUT',
      url: `/api/v1/public/walk-in/visits/${ticket.trackingToken}/contact`,
      payload: { email: 'Petras.Tracker@Example.LT' },
    });
    expect(contact.statusCode, contact.body).toBe(200);
    const petras = await createCustomer({ name: 'Petras', phone: '+370 699 11122' });

    const attached = await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/customer`, {
      customerId: petras.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const customer = (await requestAs(testApp, clerk).get(`/api/v1/customers/${petras.id}`)).json();
    expect(
      customer.identities
        .map((identity: { kind: string; value: string }) => `${identity.kind}:${identity.value}`)
        .sort(),
    ).toEqual(['email:petras.tracker@example.lt', 'phone:+37069911122']);
  });

  it('is only for the agent at the visit’s desk or a supervisor, and needs an existing customer', async () => {
    const { visit } = await calledVisit();
    const ona = await createCustomer({ name: 'Ona' });
    const url = `/api/v1/walk-in/visits/${visit.id}/customer`;

    const notMine = await requestAs(testApp, otherClerk).post(url, { customerId: ona.id });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('walk_in.not_your_visit');
    expect((await requestAs(testApp, null).post(url, { customerId: ona.id })).statusCode).toBe(401);

    const unknown = await requestAs(testApp, clerk).post(url, {
      customerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const invalid = await requestAs(testApp, clerk).post(url, { customerId: 'ona' });
    expect(invalid.statusCode).toBe(400);
    expect((await requestAs(testApp, clerk).post(url, { customerId: ona.id, name: 'x' })).statusCode).toBe(
      400,
    );

    const bySupervisor = await requestAs(testApp, supervisor).post(url, { customerId: ona.id });
    expect(bySupervisor.statusCode, bySupervisor.body).toBe(200);
    expect(bySupervisor.json().customerId).toBe(ona.id);
  });
});

describe('opening a follow-up conversation from a visit', () => {
  it('creates a conversation of the same customer, linked to the visit’s, with the first internal note', async () => {
    const { visit } = await calledVisit();
    const ona = await createCustomer({ name: 'Ona Follow', email: 'ona.follow@example.lt' });
    await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/customer`, {
      customerId: ona.id,
    });

    const opened = await requestAs(testApp, clerk).post(`/api/v1/walk-in/visits/${visit.id}/follow-up`, {
      subject: 'Passport photo to be resent',
      note: 'She will bring a new photo on Monday.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const followUp = opened.json();
    expect(followUp).toMatchObject({
      subject: 'Passport photo to be resent',
      followUpOfId: visit.conversationId,
      customer: { id: ona.id },
      assigneeId: clerk.id,
    });

    const detail = (await requestAs(testApp, clerk).get(`/api/v1/conversations/${followUp.id}`)).json();
    const note = detail.messages.find((message: { visibility: string }) => message.visibility === 'internal');
    expect(note).toMatchObject({ body: 'She will bring a new photo on Monday.', authorAgentId: clerk.id });
    const visitConversation = (
      await requestAs(testApp, clerk).get(`/api/v1/conversations/${visit.conversationId}`)
    ).json();
    expect(visitConversation.events).toContainEqual(
      expect.objectContaining({ type: 'follow_up_opened', data: { followUpId: followUp.id } }),
    );
    expect((await historyOf(ona.id)).map((conversation) => conversation.id).sort()).toEqual(
      [visit.conversationId, followUp.id].sort(),
    );
  });

  it('refuses another desk’s agent and an empty note', async () => {
    const { visit } = await calledVisit();
    const url = `/api/v1/walk-in/visits/${visit.id}/follow-up`;
    const notMine = await requestAs(testApp, otherClerk).post(url, { subject: 'x', note: 'y' });
    expect(notMine.statusCode).toBe(403);
    const empty = await requestAs(testApp, clerk).post(url, { subject: 'Callback', note: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toContain('note');
  });
});
