import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChatMessage } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import {
  openVisitor,
  requestAs,
  say,
  setStatus,
  type VisitorClient,
  visitorEvent,
} from '../channels/chat/chat.test-helpers.ts';
import { loadChatKeys } from '../channels/chat/chat-settings.service.ts';
import { signUploadId } from '../channels/chat/signatures.ts';

let testApp: TestApp;
let baseUrl: string;
let dataDir: string;
let agent: SignedInAgent;
const visitors: VisitorClient[] = [];

// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-agent-chat-files-'));
  testApp = await startTestApp({
    config: loadConfig({ FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'silent' }),
  });
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  agent = await signInAgent(testApp, 'agent', { name: 'Rūta Jonaitė' });
  await setStatus(testApp, agent, 'online');
});
afterAll(async () => {
  await Promise.all(visitors.map((visitor) => visitor.close()));
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(content: Buffer, name: string) {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: {
      authorization: `Bearer ${agent.token}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: content,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

describe('files in the agents’ view of a chat', () => {
  it('a visitor’s file is listed on their message, and agents download it as before', async () => {
    const visitor = await openVisitor(baseUrl);
    visitors.push(visitor);
    const uploaded = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/uploads',
      headers: {
        'x-visitor-token': visitor.token,
        'x-file-name': 'receipt.png',
        'content-type': 'image/png',
      },
      payload: png,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json() as { id: string };
    const since = visitor.mark();
    visitor.send({ type: 'message', clientId: 'receipt-1', body: 'My receipt', attachmentIds: [file.id] });
    const ack = await visitor.waitFor(
      visitorEvent('ack', (event) => event.clientId === 'receipt-1'),
      { since },
    );
    const messageId = ack.type === 'ack' ? ack.message.id : '';
    const { conversation_id: conversationId } = await testApp.database.db
      .selectFrom('messages')
      .select('conversation_id')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();

    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${conversationId}`)).json();
    const message = detail.messages.find((candidate: { id: string }) => candidate.id === messageId);
    expect(message.attachments).toEqual([
      {
        id: file.id,
        name: 'receipt.png',
        contentType: 'image/png',
        sizeBytes: png.length,
        url: `/api/v1/chats/uploads/${file.id}`,
      },
    ]);
    const download = await requestAs(testApp, agent).get(message.attachments[0].url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
  });
});

describe('files an agent sends in a live chat', () => {
  it('reach the visitor over the chat socket with a link they can open; a note’s file never does', async () => {
    const visitor = await openVisitor(baseUrl);
    visitors.push(visitor);
    const { ack } = await say(visitor, 'Could you send me the size chart?');
    const { conversation_id: conversationId } = await testApp.database.db
      .selectFrom('messages')
      .select('conversation_id')
      .where('id', '=', ack.message.id)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/conversations/${conversationId}/messages`;

    const noteFile = await upload(Buffer.from('margin notes\n'), 'internal.txt');
    const note = await requestAs(testApp, agent).post(url, {
      visibility: 'internal',
      body: 'Sending the chart',
      attachmentIds: [noteFile.id],
    });
    expect(note.statusCode, note.body).toBe(201);

    const chart = await upload(png, 'dydžių lentelė.png');
    const reply = await requestAs(testApp, agent).post(url, {
      body: 'Here it is',
      attachmentIds: [chart.id],
    });
    expect(reply.statusCode, reply.body).toBe(201);

    const event = await visitor.waitFor(
      visitorEvent('message', (candidate) => candidate.message.id === reply.json().id),
    );
    const message = (event as { message: ChatMessage }).message;
    expect(message).toMatchObject({ author: 'agent', body: 'Here it is' });
    expect(message.attachments).toEqual([
      expect.objectContaining({ id: chart.id, name: 'dydžių lentelė.png', contentType: 'image/png' }),
    ]);
    const served = await testApp.app.inject({ method: 'GET', url: message.attachments[0]!.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    // The note came before the reply and was never pushed to the visitor.
    expect(
      visitor.events.some(
        (candidate) => candidate.type === 'message' && candidate.message.id === note.json().id,
      ),
    ).toBe(false);
    // Even a correctly signed link to a note's file finds nothing.
    const keys = await loadChatKeys(testApp.deps);
    const signed = `/api/v1/public/chat/uploads/${noteFile.id}/${signUploadId(keys.uploadUrl, noteFile.id)}`;
    expect((await testApp.app.inject({ method: 'GET', url: signed })).statusCode).toBe(404);
    // And the agents' own download path wants an agent.
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/v1/attachments/${chart.id}` })).statusCode,
    ).toBe(401);
  });
});
