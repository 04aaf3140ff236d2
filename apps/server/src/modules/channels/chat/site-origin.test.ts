import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAgent, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { openVisitor, requestAs } from './chat.test-helpers.ts';
import { isSiteOriginAllowed } from './site-origin.ts';

describe('which sites may embed the widget', () => {
  it.each([
    [[], 'https://anyone.example', true],
    [['https://shop.example'], 'https://shop.example', true],
    [['https://shop.example'], 'https://evil.example', false],
    [['https://shop.example'], 'http://shop.example', false],
    [['https://shop.example'], undefined, true],
    [['https://shop.example'], 'http://127.0.0.1:3000', true],
  ])('allowed %j, origin %s: %s', (allowed, origin, expected) => {
    expect(isSiteOriginAllowed(allowed, origin, 'http://127.0.0.1:3000')).toBe(expected);
  });
});

describe('restricting the widget to the company’s own sites', () => {
  let testApp: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    testApp = await startTestApp();
    baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await signInAgent(testApp, 'admin');
    const response = await requestAs(testApp, admin).patch('/api/v1/chats/settings', {
      allowedOrigins: ['https://shop.example'],
    });
    expect(response.statusCode).toBe(200);
  });
  afterAll(() => testApp.close());

  it('a page on an allowed site connects; a page elsewhere is refused before the upgrade', async () => {
    const allowed = await openVisitor(baseUrl, { origin: 'https://shop.example' });
    await allowed.close();
    await expect(openVisitor(baseUrl, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers CORS preflights and echoes only allowed origins', async () => {
    const preflight = await testApp.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/public/chat/uploads',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-visitor-token');
    const foreign = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/public/chat/requests',
      headers: { origin: 'https://evil.example' },
      payload: {},
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('chat.origin_not_allowed');
  });
});
