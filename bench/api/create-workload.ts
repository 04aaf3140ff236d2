import pg from 'pg';
import { demoConversations } from '../../apps/server/src/seed/index.ts';
import { type Run, runConcurrently } from './measure.ts';

const texts = demoConversations.map((conversation) => ({
  subject: conversation.subject,
  body: conversation.messages[0]!.body,
}));
const textFor = (client: number, iteration: number) => texts[(client * 31 + iteration) % texts.length]!;

/**
 * Opening conversations through `POST /api/v1/conversations`: `concurrency` clients, each
 * waiting for its answer before the next request, every request from a new customer (a new
 * email address), as a burst of first contacts would arrive.
 */
export function createThroughApi(options: {
  baseUrl: string;
  token: string;
  concurrency: number;
  durationMs: number;
  runId: string;
}): Promise<Run> {
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  return runConcurrently(options.concurrency, options.durationMs, async (client, iteration) => {
    const { subject, body } = textFor(client, iteration);
    const response = await fetch(`${options.baseUrl}/api/v1/conversations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        customer: {
          email: `api-${options.runId}-${client}-${iteration}@bench.example`,
          name: 'Bench Customer',
        },
        subject,
        message: { body },
      }),
    });
    const answer = await response.text();
    if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${answer.slice(0, 300)}`);
  });
}

/**
 * The same rows written directly: customer, email identity, conversation, first message and the
 * `created` event, in one transaction per conversation, over `concurrency` connections.
 */
export async function createDirectly(options: {
  databaseUrl: string;
  concurrency: number;
  durationMs: number;
  runId: string;
}): Promise<Run> {
  const clients = await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    return await runConcurrently(options.concurrency, options.durationMs, async (index, iteration) => {
      const client = clients[index]!;
      const { subject, body } = textFor(index, iteration);
      await client.query('begin');
      try {
        const customer = await client.query<{ id: string }>(
          `insert into customers (name, preferred_language) values ('Bench Customer', null) returning id`,
        );
        const customerId = customer.rows[0]!.id;
        await client.query(
          `insert into customer_identities (customer_id, kind, value) values ($1, 'email', $2)`,
          [customerId, `raw-${options.runId}-${index}-${iteration}@bench.example`],
        );
        const conversation = await client.query<{ id: string }>(
          `insert into conversations (customer_id, subject, priority, channel, waiting_since)
           values ($1, $2, 'normal', 'api', now()) returning id`,
          [customerId, subject],
        );
        const conversationId = conversation.rows[0]!.id;
        await client.query(
          `insert into messages (conversation_id, channel, direction, author_type, author_customer_id, visibility, body_text)
           values ($1, 'api', 'inbound', 'customer', $2, 'public', $3)`,
          [conversationId, customerId, body],
        );
        await client.query(
          `insert into conversation_events (conversation_id, type, actor_type, data)
           values ($1, 'created', 'system', '{"channel":"api"}')`,
          [conversationId],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    });
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
