import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { loadConfig } from '../../../config.ts';
import {
  newClientId,
  openVisitor,
  requestAs,
  type VisitorClient,
  visitorEvent,
} from './chat.test-helpers.ts';

let testApp: TestApp;
let baseUrl: string;
let dataDir: string;
let agent: SignedInAgent;
const sockets: VisitorClient[] = [];

// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-chat-files-'));
  testApp = await startTestApp({
    config: loadConfig({ FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'silent' }),
  });
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  agent = await signInAgent(testApp, 'agent');
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function visitor() {
  const client = await openVisitor(baseUrl);
  sockets.push(client);
  return client;
}

function upload(token: string | undefined, content: Buffer, name = 'photo.png', contentType = 'image/png') {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/public/chat/uploads',
    headers: {
      'content-type': contentType,
      'x-file-name': encodeURIComponent(name),
      ...(token ? { 'x-visitor-token': token } : {}),
    },
    payload: content,
  });
}

describe('files in the chat', () => {
  it('an image is stored, served back by its capability URL with its detected type, and never sniffed', async () => {
    const client = await visitor();
    const response = await upload(client.token, png, 'nuotrauka ąčę.png', 'application/octet-stream');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json();
    expect(attachment).toMatchObject({
      name: 'nuotrauka ąčę.png',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    const served = await testApp.app.inject({ method: 'GET', url: attachment.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(png)).toBe(true);
    const forged = await testApp.app.inject({
      method: 'GET',
      url: attachment.url.replace(/\/[^/]+$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    });
    expect(forged.statusCode).toBe(404);
  });

  it('refuses files of other types (415), too large (413), and without a visitor token (401)', async () => {
    const client = await visitor();
    const executable = await upload(
      client.token,
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      'invoice.pdf',
      'application/pdf',
    );
    expect(executable.statusCode).toBe(415);
    expect(executable.json().code).toBe('uploads.type_not_allowed');
    const huge = await upload(client.token, Buffer.concat([png, Buffer.alloc(10 * 1_048_576)]));
    expect(huge.statusCode).toBe(413);
    expect((await upload(undefined, png)).statusCode).toBe(401);
  });

  it('a message with a file reaches the agent with a download link; a stranger’s upload cannot be attached', async () => {
    const client = await visitor();
    const attachment = (
      await upload(client.token, Buffer.from('Order 5512\nQty 2\n'), 'order.txt', 'text/plain')
    ).json();
    const clientId = newClientId();
    client.send({ type: 'message', clientId, body: 'See my order', attachmentIds: [attachment.id] });
    const ack = await client.waitFor(visitorEvent('ack', (event) => event.clientId === clientId));
    expect(ack.type === 'ack' && ack.message.attachments).toEqual([
      expect.objectContaining({ id: attachment.id, name: 'order.txt' }),
    ]);

    const welcome = await client.waitFor(visitorEvent('welcome', (event) => event.chat !== null));
    const conversationId = welcome.type === 'welcome' ? welcome.chat!.conversationId : '';
    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${conversationId}`)).json();
    expect(detail.messages[0].body).toBe('See my order\n[order.txt]');
    expect(detail.messages[0].bodyHtml).toContain(`href="/api/v1/chats/uploads/${attachment.id}"`);
    const download = await requestAs(testApp, agent).get(`/api/v1/chats/uploads/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.body).toBe('Order 5512\nQty 2\n');
    expect((await requestAs(testApp, null).get(`/api/v1/chats/uploads/${attachment.id}`)).statusCode).toBe(
      401,
    );

    const stranger = await visitor();
    const theirs = (await upload(stranger.token, png)).json();
    const otherId = newClientId();
    client.send({ type: 'message', clientId: otherId, body: 'and this', attachmentIds: [theirs.id] });
    expect(await client.waitFor(visitorEvent('error', (event) => event.clientId === otherId))).toMatchObject({
      code: 'chat.unknown_attachment',
    });
  });

  it('a file alone, without words, is a message too', async () => {
    const client = await visitor();
    const attachment = (await upload(client.token, png)).json();
    const clientId = newClientId();
    client.send({ type: 'message', clientId, body: '', attachmentIds: [attachment.id] });
    const ack = await client.waitFor(visitorEvent('ack', (event) => event.clientId === clientId));
    expect(ack.type === 'ack' && ack.message).toMatchObject({
      body: '',
      attachments: [{ id: attachment.id }],
    });
  });
});
