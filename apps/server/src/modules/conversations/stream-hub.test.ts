import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { createStreamHub, type StreamConnection, sendBounded } from './stream-hub.ts';

/** A socket stand-in at the edge of the world: only what `sendBounded` reads and calls. */
function fakeSocket(bufferedAmount: number, readyState: 0 | 1 | 2 | 3 = 1) {
  const calls: string[] = [];
  return {
    calls,
    socket: {
      readyState,
      bufferedAmount,
      send: (payload: unknown) => {
        calls.push(`send ${payload}`);
      },
      close: (code?: number) => {
        calls.push(`close ${code}`);
      },
      terminate: () => {
        calls.push('terminate');
      },
      ping: () => {
        calls.push('ping');
      },
    },
  };
}

describe('the bounded send buffer', () => {
  it('sends while the buffer has room', () => {
    const { socket, calls } = fakeSocket(10);
    expect(sendBounded({ socket }, 'hello', 100)).toBe(true);
    expect(calls).toEqual(['send hello']);
  });

  it('drops a consumer whose buffer would overflow, closing with 4008', () => {
    const { socket, calls } = fakeSocket(98);
    expect(sendBounded({ socket }, 'hello', 100)).toBe(false);
    expect(calls).toEqual(['close 4008']);
  });

  it('sends nothing to a socket that is no longer open', () => {
    const { socket, calls } = fakeSocket(0, 3);
    expect(sendBounded({ socket }, 'hello', 100)).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('the liveness round', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  function connectionOf(agent: SignedInAgent) {
    const { socket, calls } = fakeSocket(0);
    const connection: StreamConnection = {
      id: randomUUID(),
      socket,
      viewer: { agentId: agent.id, role: 'agent', teamIds: [] },
      agentName: 'Test',
      credential: { token: agent.token, via: 'bearer' },
      isAlive: true,
    };
    return { connection, calls };
  }

  it('pings, refreshes team memberships, closes signed-out streams with 4401 and drops silent ones', async () => {
    const hub = createStreamHub(testApp.deps, { warn: () => {} });
    const supervisor = await signInAgent(testApp, 'supervisor');
    const staying = await signInAgent(testApp, 'agent');
    const leaving = await signInAgent(testApp, 'agent');
    const stay = connectionOf(staying);
    const leave = connectionOf(leaving);
    await hub.add(stay.connection);
    await hub.add(leave.connection);

    const team = await requestAs(testApp, supervisor).post('/api/v1/teams', {
      name: 'Billing',
      memberIds: [staying.id],
    });
    await requestAs(testApp, leaving).post('/api/v1/auth/logout');
    await hub.checkConnections();
    expect(stay.calls).toEqual(['ping']);
    expect(stay.connection.viewer.teamIds).toEqual([team.json().id]);
    expect(leave.calls).toEqual(['ping', 'close 4401']);

    // No pong came back since the last round: the connection is dead even if TCP has not noticed.
    await hub.checkConnections();
    expect(stay.calls).toEqual(['ping', 'terminate']);
    await hub.close();
  });
});
