import type { Team } from '@frontline/contracts';
import { sql } from 'kysely';
import { addCustomerMessage } from '../../apps/server/src/modules/conversations/index.ts';
import { requestAs } from '../../apps/server/test/support/app.ts';
import { createConversationViaApi, createTestAgent, type RunningServer, type TestAgent } from './server.ts';

/**
 * A realistic small team's morning: customers writing in five languages, a returning customer
 * with an earlier request, replies, an internal note. Used for screenshots and scenario tests.
 */
export async function seedSupportDesk(server: RunningServer, supervisor: TestAgent) {
  const api = requestAs(server.testApp, supervisor);
  const createTeam = async (name: string, description: string) =>
    (await api.post('/api/v1/teams', { name, description })).json() as Team;
  const billing = await createTeam('Billing', 'Invoices, refunds and payments');
  const technical = await createTeam('Technical support', 'Log-in problems, the app and devices');
  const tomas = await createTestAgent(server, { name: 'Tomas Petrauskas', teamIds: [billing.id] });
  const eszter = await createTestAgent(server, { name: 'Eszter Nagy', teamIds: [technical.id] });

  const say = (conversationId: string, body: string) =>
    addCustomerMessage(server.testApp.deps, conversationId, { body });

  const emmaEarlier = await createConversationViaApi(server, supervisor, {
    customer: { email: 'emma.thompson@example.com', name: 'Emma Thompson', preferredLanguage: 'en' },
    subject: 'Change of invoice address',
    message: { body: 'Hello, we moved our office. Please send future invoices to 12 Harbour Street, Leeds.' },
    priority: 'low',
    language: 'en',
    teamId: billing.id,
  });
  await api.post(`/api/v1/conversations/${emmaEarlier.id}/messages`, {
    body: 'Thank you, Emma — the new address is saved for all future invoices.',
    visibility: 'public',
    status: 'solved',
  });

  const lithuanian = await createConversationViaApi(server, supervisor, {
    customer: { email: 'ruta.kazlauskiene@example.lt', name: 'Rūta Kazlauskienė', preferredLanguage: 'lt' },
    subject: 'Sąskaita už spalį išrašyta du kartus',
    message: {
      body: 'Laba diena, už spalio mėnesį gavau dvi vienodas sąskaitas. Prašau patikrinti ir grąžinti permoką.',
    },
    priority: 'urgent',
    language: 'lt',
    teamId: billing.id,
    assigneeId: tomas.id,
    tags: ['refund'],
  });
  const slovak = await createConversationViaApi(server, supervisor, {
    customer: { email: 'marek.novak@example.sk', name: 'Marek Novák', preferredLanguage: 'sk' },
    subject: 'Objednávka č. 48213 stále neprišla',
    message: {
      body: 'Dobrý deň, objednávku som zaplatil pred desiatimi dňami a stále nedorazila. Kedy ju môžem čakať?',
    },
    priority: 'high',
    language: 'sk',
    channel: 'email',
  });
  const polish = await createConversationViaApi(server, supervisor, {
    customer: {
      email: 'agnieszka.wisniewska@example.pl',
      name: 'Agnieszka Wiśniewska',
      preferredLanguage: 'pl',
    },
    subject: 'Zwrot pieniędzy za uszkodzony towar',
    message: { body: 'Dzień dobry, ekspres do kawy dotarł z pękniętą obudową. Proszę o zwrot pieniędzy.' },
    language: 'pl',
    channel: 'web_form',
    tags: ['damaged'],
  });
  const hungarian = await createConversationViaApi(server, supervisor, {
    customer: { email: 'kovacs.peter@example.hu', name: 'Kovács Péter', preferredLanguage: 'hu' },
    subject: 'Nem tudok bejelentkezni az alkalmazásba',
    message: { body: 'Jó napot! Tegnap óta hibát kapok, amikor be akarok jelentkezni a mobilalkalmazásba.' },
    language: 'hu',
    channel: 'chat',
    teamId: technical.id,
    assigneeId: eszter.id,
  });
  const emmaNow = await createConversationViaApi(server, supervisor, {
    customer: { email: 'emma.thompson@example.com' },
    subject: 'Delivery date for order 1042',
    message: { body: 'Hi, could you tell me when order 1042 will be delivered? We need it before Friday.' },
    priority: 'high',
    language: 'en',
    channel: 'email',
    tags: ['delivery'],
  });
  await api.post(`/api/v1/conversations/${emmaNow.id}/messages`, {
    body: 'Warehouse says the pallet leaves Thursday morning; courier usually needs one day to Leeds.',
    visibility: 'internal',
  });
  await api.patch(`/api/v1/conversations/${emmaNow.id}`, { assigneeId: supervisor.id });
  await api.post(`/api/v1/conversations/${emmaNow.id}/messages`, {
    body: 'Hello Emma, your order leaves our warehouse on Thursday morning and should reach you on Friday. I will keep an eye on it.',
    visibility: 'public',
    status: 'pending',
  });
  await say(
    emmaNow.id,
    'Thanks! Could it be delivered to the back entrance? The front door is closed on Fridays.',
  );
  await say(slovak.id, 'Ešte doplním: číslo zásielky je SK-99812.');

  await api.patch(`/api/v1/customers/${emmaNow.customer.id}`, {
    organisation: 'Harbour Street Bakery',
    notes: 'Prefers email. Orders every month for two shops; deliveries go to the back entrance.',
    addIdentities: [{ kind: 'phone', value: '+44 20 7946 0958' }],
  });

  // A morning's inbox has history: move each conversation back to when it would have arrived, so
  // ages and "waiting since" read like a real day rather than "0 min" everywhere.
  const hoursAgo: [string, number][] = [
    [emmaEarlier.id, 24 * 40],
    [lithuanian.id, 26],
    [slovak.id, 5],
    [polish.id, 3],
    [hungarian.id, 1.5],
    [emmaNow.id, 0.6],
  ];
  for (const [id, hours] of hoursAgo) {
    await sql`update conversations set created_at = created_at - make_interval(secs => ${hours * 3600}),
      waiting_since = waiting_since - make_interval(secs => ${hours * 3000})
      where id = ${id}`.execute(server.testApp.deps.db);
    await sql`update messages set created_at = created_at - make_interval(secs => ${hours * 3600})
      where conversation_id = ${id} and created_at = (select min(created_at) from messages where conversation_id = ${id})`.execute(
      server.testApp.deps.db,
    );
  }

  await sql`update customers set created_at = now() - interval '41 days' where id = ${emmaNow.customer.id}`.execute(
    server.testApp.deps.db,
  );

  return { billing, technical, tomas, eszter, emmaNow, emmaEarlier, lithuanian, slovak, polish, hungarian };
}
