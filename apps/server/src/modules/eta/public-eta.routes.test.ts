import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestAs,
  type SignedInAgent,
  signInAgent,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.ts';
import { setStatus } from '../channels/chat/chat.test-helpers.ts';

let testApp: TestApp;
let agent: SignedInAgent;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  agent = await signInAgent(testApp, 'agent');
});
afterAll(() => testApp.close());

const eta = (channel: string) => requestAs(testApp, null).get('/api/v1/public/eta', { query: { channel } });

describe('GET /api/v1/public/eta', () => {
  it('answers exactly the channel, P50, P90, whether it is open and when it was computed — nothing personal', async () => {
    const response = await eta('email');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['channel', 'computedAt', 'open', 'p50Seconds', 'p90Seconds']);
    // The agent signed in above is at work and nobody waits: one handling time, 12 minutes on
    // average without history (exponential: P50 ≈ 8 min, P90 ≈ 28 min).
    expect(body).toEqual({
      channel: 'email',
      p50Seconds: expect.any(Number),
      p90Seconds: expect.any(Number),
      open: true,
      computedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(body.p50Seconds).toBeGreaterThan(5 * 60);
    expect(body.p50Seconds).toBeLessThan(12 * 60);
    expect(body.p90Seconds).toBeGreaterThan(20 * 60);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=(30|[12]?\d)$/);
  });

  it('says the chat is closed while nobody is online', async () => {
    const body = (await eta('chat')).json();
    expect(body).toMatchObject({ channel: 'chat', open: false, p50Seconds: null, p90Seconds: null });
  });

  it('computes at most every 30 seconds: a change shows only once the figures have aged', async () => {
    const first = (await eta('chat')).json();
    await setStatus(testApp, agent, 'online');
    const cached = await eta('chat');
    expect(cached.json()).toEqual(first);
    expect(Number(cached.headers['cache-control']!.toString().split('=')[1])).toBeLessThanOrEqual(30);
    offsetMs += 31_000;
    const fresh = (await eta('chat')).json();
    expect(fresh).toMatchObject({ channel: 'chat', open: true });
    expect(fresh.p90Seconds).toBeGreaterThanOrEqual(fresh.p50Seconds);
    expect(Date.parse(fresh.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
  });

  it.each([['phone'], [''], ['EMAIL']])(
    'refuses the channel %j with a problem naming the field',
    async (channel) => {
      const response = await eta(channel);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(response.json().errors)).toContain('channel');
    },
  );

  it('refuses a request without a channel', async () => {
    const response = await requestAs(testApp, null).get('/api/v1/public/eta');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('is described in the OpenAPI document with the promises report', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/public/eta', '/api/v1/eta/promises/report']),
    );
  });
});
