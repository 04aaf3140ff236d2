import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import type pg from 'pg';
import { type Run, runConcurrently } from '../api/measure.ts';

export type { Run };

const texts = [
  [
    'Kur mano siuntinys?',
    'Laba diena,\n\nužsakiau prieš savaitę, bet siuntinio vis dar nėra. Gal galite patikrinti?\n\nAčiū,\nOna',
  ],
  [
    'Zamówienie nie dotarło',
    'Dzień dobry,\n\nzamówienie nr 7781 nie dotarło. Proszę o sprawdzenie.\n\nPozdrawiam,\nPaweł',
  ],
  ['Poškodený balík', 'Dobrý deň,\n\nbalík prišiel poškodený. Prosím o výmenu tovaru.\n\nĽubomír'],
  [
    'Hibás számla',
    'Jó napot!\n\nA számlám hibás: kétszer terheltek meg. Kérem, ellenőrizzék.\n\nKovács Péter',
  ],
  [
    'Where is my refund?',
    'Hello,\n\nI returned the jacket two weeks ago and have not had my refund yet.\n\nThanks,\nJohn',
  ],
] as const;

/** A customer's first mail: a new sender every time, so each one opens a conversation. */
export function customerMail(run: string, client: number, index: number) {
  const [subject, text] = texts[(client + index) % texts.length]!;
  const from = `customer-${run}-${client}-${index}@example.lt`;
  return {
    envelope: { from, to: ['pagalba@shop.example'] },
    from: `Klientas ${client}-${index} <${from}>`,
    to: 'pagalba@shop.example',
    subject,
    text,
    messageId: `<${randomUUID()}@example.lt>`,
  };
}

/** (a) An MTA relaying to us: `sessions` connections, each delivering message after message. */
export async function deliverOverReusedConnections(
  port: number,
  sessions: number,
  durationMs: number,
  run: string,
) {
  const transports = Array.from({ length: sessions }, () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      maxMessages: Number.POSITIVE_INFINITY,
    }),
  );
  try {
    return await runConcurrently(sessions, durationMs, async (client, index) => {
      await transports[client]!.sendMail(customerMail(run, client, index));
    });
  } finally {
    for (const transport of transports) transport.close();
  }
}

/** (b) Many small senders: a new connection (greeting, EHLO, QUIT) for every message. */
export async function deliverWithNewConnections(
  port: number,
  senders: number,
  durationMs: number,
  run: string,
) {
  return runConcurrently(senders, durationMs, async (client, index) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail(customerMail(run, client, index));
    } finally {
      transport.close();
    }
  });
}

/** Time from TCP connect to the 220 greeting, one connection at a time. */
export async function measureGreetingDelay(port: number, samples: number) {
  const delays: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    delays.push(
      await new Promise<number>((resolve, reject) => {
        const socket = new Socket();
        let connectedAt = 0;
        socket.once('connect', () => {
          connectedAt = performance.now();
        });
        socket.once('data', () => {
          resolve(performance.now() - connectedAt);
          socket.end('QUIT\r\n');
        });
        socket.once('error', reject);
        socket.connect(port, '127.0.0.1');
      }),
    );
  }
  return delays.sort((a, b) => a - b);
}

/**
 * The baseline: the rows one accepted mail writes, straight through `pg` — customer, identity,
 * conversation, message, `created` event, email details and the queued acknowledgement — in one
 * transaction, from `connections` concurrent connections.
 */
export async function insertSameRowsDirectly(
  pool: pg.Pool,
  connections: number,
  durationMs: number,
  run: string,
) {
  return runConcurrently(connections, durationMs, async (client, index) => {
    const mail = customerMail(`${run}-pg`, client, index);
    const connection = await pool.connect();
    try {
      await connection.query('begin');
      const customer = await connection.query<{ id: string }>(
        'insert into customers (name) values ($1) returning id',
        [mail.from],
      );
      const customerId = customer.rows[0]!.id;
      await connection.query(
        `insert into customer_identities (customer_id, kind, value) values ($1, 'email', $2)`,
        [customerId, mail.envelope.from],
      );
      const conversation = await connection.query<{ id: string }>(
        `insert into conversations (customer_id, subject, channel, language, waiting_since) values ($1, $2, 'email', 'lt', now()) returning id`,
        [customerId, mail.subject],
      );
      const conversationId = conversation.rows[0]!.id;
      const message = await connection.query<{ id: string }>(
        `insert into messages (conversation_id, channel, direction, author_type, author_customer_id, body_text, external_id)
         values ($1, 'email', 'inbound', 'customer', $2, $3, $4) returning id`,
        [conversationId, customerId, mail.text, mail.messageId],
      );
      const messageId = message.rows[0]!.id;
      await connection.query(
        `insert into conversation_events (conversation_id, type, actor_type, data) values ($1, 'created', 'customer', '{"channel":"email"}')`,
        [conversationId],
      );
      await connection.query(
        `insert into email_messages (message_id, rfc_message_id, from_address, subject, full_text, kind) values ($1, $2, $3, $4, $5, 'person')`,
        [messageId, mail.messageId, mail.envelope.from, mail.subject, mail.text],
      );
      await connection.query(
        `select graphile_worker.add_job('email_send_acknowledgement', $1::json, job_key => $2)`,
        [JSON.stringify({ conversationId, messageId }), `email-ack:${conversationId}`],
      );
      await connection.query('commit');
    } catch (error) {
      await connection.query('rollback');
      throw error;
    } finally {
      connection.release();
    }
  });
}
