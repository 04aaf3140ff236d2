import type { AddressInfo } from 'node:net';
import type { Board } from '@frontline/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, type SignedInAgent, signInAgent, type TestApp } from '../../../test/support/app.ts';
import { createLocationWith, startWalkInTestApp } from './walk-in.test-helpers.ts';

let testApp: TestApp;
let admin: SignedInAgent;
let baseUrl: string;

beforeAll(async () => {
  testApp = await startWalkInTestApp();
  admin = await signInAgent(testApp, 'admin');
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`;
});
afterAll(() => testApp.close());

/** Reads `board` events from the location's stream as they arrive. */
async function openBoardStream(locationId: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/public/walk-in/locations/${locationId}/events`, {
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const boards: Board[] = [];
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        if (event.startsWith('event: board') && data) boards.push(JSON.parse(data.slice(6)));
      }
    }
  })();
  return {
    boards,
    async waitFor(check: (board: Board) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = boards.find(check);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('no such board in time');
    },
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

describe('the live board stream', () => {
  it('starts with the current board and shows a new ticket and a call as they happen', async () => {
    const { locationId, services, desks } = await createLocationWith(testApp, admin, {
      services: [{ prefix: 'A', name: 'Passports', agentIds: [admin.id] }],
      desks: ['Desk 3'],
    });
    const stream = await openBoardStream(locationId);
    await stream.waitFor((board) => board.services[0]!.waiting === 0, 2000);

    // How fast is measured by bench/walk-in and asserted in the browser tests; here only that it comes.
    await requestAs(testApp, null).post(`/api/v1/public/walk-in/locations/${locationId}/tickets`, {
      serviceId: services.A,
    });
    await stream.waitFor((board) => board.services[0]!.next[0] === 'A-001', 5000);

    await requestAs(testApp, admin).post(`/api/v1/walk-in/desks/${desks['Desk 3']}/sign-in`, {
      serviceIds: [services.A],
    });
    await requestAs(testApp, admin).post(`/api/v1/walk-in/desks/${desks['Desk 3']}/call-next`);
    const board = await stream.waitFor((candidate) => candidate.recentCalls[0]?.ticket === 'A-001', 5000);
    expect(board.recentCalls[0]).toMatchObject({ deskName: 'Desk 3' });
    expect(board.services[0]!.waiting).toBe(0);
    await stream.close();
  });

  it('an unknown location answers 404 instead of a stream', async () => {
    const response = await fetch(
      `${baseUrl}/api/v1/public/walk-in/locations/00000000-0000-4000-8000-000000000000/events`,
    );
    expect(response.status).toBe(404);
  });
});
