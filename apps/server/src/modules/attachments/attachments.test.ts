import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messageAttachmentLimits } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import { createTeam, openConversation } from '../conversations/conversations.test-helpers.ts';

let testApp: TestApp;
let dataDir: string;
let supervisor: SignedInAgent;
let agent: SignedInAgent;
let colleague: SignedInAgent;
let outsider: SignedInAgent;
let teamId: string;

// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'frontline-agent-files-'));
  testApp = await startTestApp({
    config: loadConfig({ FRONTLINE_DATA_DIR: dataDir, FRONTLINE_LOG_LEVEL: 'silent' }),
  });
  supervisor = await signInAgent(testApp, 'supervisor');
  agent = await signInAgent(testApp, 'agent');
  colleague = await signInAgent(testApp, 'agent');
  outsider = await signInAgent(testApp, 'agent');
  teamId = (await createTeam(testApp, supervisor, [agent.id, colleague.id])).id;
});
afterAll(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

function upload(
  as: SignedInAgent | null,
  content: Buffer,
  name = 'label.pdf',
  contentType = 'application/pdf',
) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: {
      'content-type': contentType,
      'x-file-name': encodeURIComponent(name),
      ...(as ? { authorization: `Bearer ${as.token}` } : {}),
    },
    payload: content,
  });
}

async function uploaded(as: SignedInAgent, content: Buffer, name?: string) {
  const response = await upload(as, content, name);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; name: string; url: string; sizeBytes: number; contentType: string };
}

/** A conversation in the agents' team (the outsider is in no team and so cannot see it). */
const teamConversation = () => openConversation(testApp, supervisor, { teamId });

describe('uploading a file for a reply', () => {
  it('stores it under its detected type and lets only the uploader fetch it before it is sent', async () => {
    const file = await uploaded(agent, pdf, 'Grąžinimo etiketė.pdf');
    expect(file).toMatchObject({
      name: 'Grąžinimo etiketė.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      url: `/api/v1/attachments/${file.id}`,
    });
    const own = await requestAs(testApp, agent).get(file.url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''Gr%C4%85/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.rawPayload.equals(pdf)).toBe(true);
    expect((await requestAs(testApp, colleague).get(file.url)).statusCode).toBe(404);
    expect((await requestAs(testApp, supervisor).get(file.url)).statusCode).toBe(404);
  });

  it('refuses other types (415), files over the limit (413) and callers who are not signed in (401), as problem+json', async () => {
    const executable = await upload(agent, Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'label.pdf');
    expect(executable.statusCode).toBe(415);
    expect(executable.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(executable.json().code).toBe('uploads.type_not_allowed');

    const huge = await upload(agent, Buffer.concat([pdf, Buffer.alloc(messageAttachmentLimits.maxBytes)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);

    const empty = await upload(agent, Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);

    const anonymous = await upload(null, pdf);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('auth.unauthenticated');
  });
});

describe('sending files with a reply or a note', () => {
  it('a reply carries the files; every agent who may see the conversation can download them, others cannot', async () => {
    const conversation = await teamConversation();
    const label = await uploaded(agent, pdf, 'label.pdf');
    const photo = await uploaded(agent, png, 'parcel.png');
    const sent = await requestAs(testApp, agent).post(`/api/v1/conversations/${conversation.id}/messages`, {
      body: 'Here is your return label.',
      attachmentIds: [label.id, photo.id],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().attachments).toEqual([
      {
        id: label.id,
        name: 'label.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        url: label.url,
      },
      { id: photo.id, name: 'parcel.png', contentType: 'image/png', sizeBytes: png.length, url: photo.url },
    ]);

    const detail = (
      await requestAs(testApp, colleague).get(`/api/v1/conversations/${conversation.id}`)
    ).json();
    const reply = detail.messages.find((message: { id: string }) => message.id === sent.json().id);
    expect(reply.attachments.map((file: { name: string }) => file.name)).toEqual(['label.pdf', 'parcel.png']);

    const image = await requestAs(testApp, colleague).get(photo.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-disposition']).toMatch(/^inline;/);
    expect(image.rawPayload.equals(png)).toBe(true);
    expect((await requestAs(testApp, supervisor).get(label.url)).statusCode).toBe(200);
    expect((await requestAs(testApp, outsider).get(label.url)).statusCode).toBe(404);
    expect((await requestAs(testApp, null).get(label.url)).statusCode).toBe(401);
  });

  it('a file goes out once: sending it again, or attaching another agent’s upload, is refused and nothing is posted', async () => {
    const conversation = await teamConversation();
    const file = await uploaded(agent, pdf);
    const url = `/api/v1/conversations/${conversation.id}/messages`;
    expect(
      (await requestAs(testApp, agent).post(url, { body: 'First', attachmentIds: [file.id] })).statusCode,
    ).toBe(201);
    const again = await requestAs(testApp, agent).post(url, { body: 'Again', attachmentIds: [file.id] });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('conversations.unknown_attachment');

    const theirs = await uploaded(colleague, png);
    const stolen = await requestAs(testApp, agent).post(url, { body: 'Look', attachmentIds: [theirs.id] });
    expect(stolen.statusCode).toBe(422);
    expect(stolen.json()).toMatchObject({
      code: 'conversations.unknown_attachment',
      errors: [{ path: 'body.attachmentIds' }],
    });
    const detail = (await requestAs(testApp, agent).get(`/api/v1/conversations/${conversation.id}`)).json();
    expect(detail.messages.map((message: { body: string }) => message.body)).not.toContain('Look');
    // The colleague's upload is still theirs to send.
    expect(
      (await requestAs(testApp, colleague).post(url, { body: 'Mine', attachmentIds: [theirs.id] }))
        .statusCode,
    ).toBe(201);
  });

  it('a note can carry files too, and a file alone is a message; an empty message without files is refused', async () => {
    const conversation = await teamConversation();
    const file = await uploaded(agent, png, 'screenshot.png');
    const url = `/api/v1/conversations/${conversation.id}/messages`;
    const note = await requestAs(testApp, agent).post(url, {
      visibility: 'internal',
      attachmentIds: [file.id],
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({ visibility: 'internal', body: '', attachments: [{ id: file.id }] });
    expect((await requestAs(testApp, colleague).get(file.url)).statusCode).toBe(200);

    const empty = await requestAs(testApp, agent).post(url, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'body.body' })]);
  });

  it('access follows the message when its conversation is merged into another', async () => {
    const first = await openConversation(testApp, supervisor, {
      teamId,
      customer: { email: 'merge-files@example.test', name: 'Mia' },
    });
    const second = await openConversation(testApp, supervisor, {
      customer: { email: 'merge-files@example.test', name: 'Mia' },
    });
    const file = await uploaded(supervisor, pdf);
    expect(
      (
        await requestAs(testApp, supervisor).post(`/api/v1/conversations/${second.id}/messages`, {
          body: 'Label attached',
          attachmentIds: [file.id],
        })
      ).statusCode,
    ).toBe(201);
    // The second conversation sits in the shared queue, so the outsider may see it…
    expect((await requestAs(testApp, outsider).get(file.url)).statusCode).toBe(200);
    const merged = await requestAs(testApp, supervisor).post(`/api/v1/conversations/${second.id}/merge`, {
      targetConversationId: first.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // …but after the merge the message lives in the team's conversation.
    expect((await requestAs(testApp, outsider).get(file.url)).statusCode).toBe(404);
    expect((await requestAs(testApp, agent).get(file.url)).statusCode).toBe(200);
  });
});
