import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInAgent, signInAgent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { createTeam, openConversation } from './conversations.test-helpers.ts';
import { sweepStalePresence } from './presence.ts';
import { isType, openStream, type StreamClient, startSecondInstance } from './stream.test-helpers.ts';

let instanceA: TestApp;
let instanceB: Awaited<ReturnType<typeof startSecondInstance>>;
let urlA: string;
let supervisor: SignedInAgent;
let ona: SignedInAgent;
let petras: SignedInAgent;
const streams: StreamClient[] = [];

beforeAll(async () => {
  instanceA = await startTestApp();
  urlA = await instanceA.app.listen({ port: 0, host: '127.0.0.1' });
  instanceB = await startSecondInstance(instanceA);
  supervisor = await signInAgent(instanceA, 'supervisor');
  ona = await signInAgent(instanceA, 'agent', { name: 'Ona' });
  petras = await signInAgent(instanceA, 'agent', { name: 'Petras' });
});
afterAll(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
  await instanceB.close();
  await instanceA.close();
});

async function streamOn(baseUrl: string, agent: SignedInAgent) {
  const stream = await openStream(baseUrl, { token: agent.token });
  streams.push(stream);
  return stream;
}

const presenceOf = (conversationId: string, agentId: string, state: string) =>
  isType(
    'presence',
    (event) => event.conversationId === conversationId && event.agentId === agentId && event.state === state,
  );

describe('who else is in a conversation', () => {
  it('viewing, typing and leaving travel between agents on different instances', async () => {
    const conversation = await openConversation(instanceA, supervisor);
    const onaStream = await streamOn(urlA, ona);
    const observer = await streamOn(instanceB.url, supervisor);

    onaStream.send({ type: 'viewing', conversationId: conversation.id });
    const viewing = await observer.waitFor(presenceOf(conversation.id, ona.id, 'viewing'));
    expect(viewing).toMatchObject({ agentName: 'Ona', at: expect.any(String) });

    // Petras arrives later, on the other instance, and is told at once that Ona is there.
    const petrasStream = await streamOn(instanceB.url, petras);
    petrasStream.send({ type: 'viewing', conversationId: conversation.id });
    await petrasStream.waitFor(presenceOf(conversation.id, ona.id, 'viewing'));
    await onaStream.waitFor(presenceOf(conversation.id, petras.id, 'viewing'));

    onaStream.send({ type: 'typing', conversationId: conversation.id });
    await petrasStream.waitFor(presenceOf(conversation.id, ona.id, 'typing'));

    onaStream.send({ type: 'left', conversationId: conversation.id });
    await petrasStream.waitFor(presenceOf(conversation.id, ona.id, 'left'));
    expect(onaStream.events.some((event) => event.type === 'presence' && event.agentId === ona.id)).toBe(
      false,
    );
  });

  it('closing the socket counts as leaving every conversation; another tab of the same agent keeps them there', async () => {
    const conversation = await openConversation(instanceA, supervisor);
    const firstTab = await streamOn(urlA, ona);
    const secondTab = await streamOn(instanceB.url, ona);
    const observer = await streamOn(urlA, petras);
    firstTab.send({ type: 'viewing', conversationId: conversation.id });
    secondTab.send({ type: 'viewing', conversationId: conversation.id });
    await expect
      .poll(
        () =>
          observer.events.filter(
            (event) => event.type === 'presence' && event.conversationId === conversation.id,
          ).length,
      )
      .toBe(2);

    await firstTab.close();
    await expect
      .poll(
        () =>
          observer.events.filter(
            (event) => event.type === 'presence' && event.conversationId === conversation.id,
          ).length,
      )
      .toBe(3);
    expect(observer.events.at(-1)).toMatchObject({ type: 'presence', agentId: ona.id, state: 'viewing' });

    await secondTab.close();
    await observer.waitFor(presenceOf(conversation.id, ona.id, 'left'));
  });

  it('presence nobody renews is swept away and announced as left', async () => {
    const conversation = await openConversation(instanceA, supervisor);
    const onaStream = await streamOn(urlA, ona);
    const observer = await streamOn(instanceB.url, petras);
    onaStream.send({ type: 'viewing', conversationId: conversation.id });
    await observer.waitFor(presenceOf(conversation.id, ona.id, 'viewing'));

    const inTwoMinutes = { now: () => new Date(Date.now() + 120_000) };
    await sweepStalePresence({ db: instanceA.deps.db, clock: inTwoMinutes });
    await observer.waitFor(presenceOf(conversation.id, ona.id, 'left'));
  });

  it('an agent cannot announce presence in, nor see presence of, a conversation they may not see', async () => {
    const hiddenTeam = await createTeam(instanceA, supervisor, [ona.id]);
    const hidden = await openConversation(instanceA, supervisor, { teamId: hiddenTeam.id });
    const onaStream = await streamOn(urlA, ona);
    const petrasStream = await streamOn(instanceB.url, petras);

    petrasStream.send({ type: 'viewing', conversationId: hidden.id });
    const refused = await petrasStream.waitFor(isType('error'));
    expect(refused.code).toBe('conversations.not_found');

    onaStream.send({ type: 'viewing', conversationId: hidden.id });
    const marker = await openConversation(instanceA, supervisor);
    onaStream.send({ type: 'viewing', conversationId: marker.id });
    await petrasStream.waitFor(presenceOf(marker.id, ona.id, 'viewing'));
    expect(
      petrasStream.events.some((event) => event.type === 'presence' && event.conversationId === hidden.id),
    ).toBe(false);
  });

  it('a presence message without a valid conversation id is answered with an error', async () => {
    const stream = await streamOn(urlA, ona);
    stream.send({ type: 'viewing', conversationId: 'nope' });
    expect((await stream.waitFor(isType('error'))).code).toBe('stream.invalid_message');
  });
});
