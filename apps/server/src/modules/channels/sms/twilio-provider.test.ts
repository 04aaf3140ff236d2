import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { createSmsProvider, SmsSendError } from './sms-provider.ts';
import { startFakeTwilio } from './testing/twilio-fake.ts';

const account = { sid: `AC${'1a'.repeat(16)}`, authToken: 'test-auth-token-0123456789' };
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

beforeAll(async () => {
  twilio = await startFakeTwilio(account);
});
afterAll(async () => {
  await twilio.close();
});
beforeEach(() => {
  twilio.requests.length = 0;
  twilio.accepted.length = 0;
});

function twilioProvider(overrides: Record<string, string> = {}) {
  const config = loadConfig({
    FRONTLINE_SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: account.sid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FROM: '+37060000001',
    FRONTLINE_TWILIO_BASE_URL: twilio.baseUrl,
    ...overrides,
  });
  return createSmsProvider(config.sms, () => {});
}

describe('the Twilio SMS provider', () => {
  it('posts the message form-encoded to the account’s Messages resource with basic auth', async () => {
    const sent = await twilioProvider().send({ to: '+37061234567', body: 'Jūsų eilė: bilietas A-042' });

    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const [request] = twilio.requests;
    expect(request?.path).toBe(`/2010-04-01/Accounts/${account.sid}/Messages.json`);
    expect(request?.authorization).toBe(
      `Basic ${Buffer.from(`${account.sid}:${account.authToken}`).toString('base64')}`,
    );
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.form).toEqual({
      To: '+37061234567',
      From: '+37060000001',
      Body: 'Jūsų eilė: bilietas A-042',
    });
  });

  it('sends from a Messaging Service when TWILIO_FROM is an MG… SID', async () => {
    const service = `MG${'2b'.repeat(16)}`;
    await twilioProvider({ TWILIO_FROM: service }).send({ to: '+48501234567', body: 'Twoja kolej' });
    expect(twilio.requests[0]?.form).toEqual({
      To: '+48501234567',
      MessagingServiceSid: service,
      Body: 'Twoja kolej',
    });
  });

  it('an outage (500) is worth retrying; a refused number (400) or wrong credentials (401) is not', async () => {
    twilio.failNext(1);
    const outage = await twilioProvider()
      .send({ to: '+37061234567', body: 'x' })
      .catch((error: unknown) => error);
    expect(outage).toBeInstanceOf(SmsSendError);
    expect((outage as SmsSendError).isRetryable).toBe(true);
    expect((outage as SmsSendError).message).toContain('500');

    const badNumber = await twilioProvider()
      .send({ to: '12345', body: 'x' })
      .catch((error: unknown) => error);
    expect((badNumber as SmsSendError).isRetryable).toBe(false);
    expect((badNumber as SmsSendError).message).toContain('21211');

    const wrongToken = await twilioProvider({ TWILIO_AUTH_TOKEN: 'not-the-right-token-at-all' })
      .send({ to: '+37061234567', body: 'x' })
      .catch((error: unknown) => error);
    expect((wrongToken as SmsSendError).isRetryable).toBe(false);
    expect(twilio.accepted).toHaveLength(0);
  });

  it('an unreachable Twilio is worth retrying', async () => {
    const error = await twilioProvider({ FRONTLINE_TWILIO_BASE_URL: 'http://127.0.0.1:1' })
      .send({ to: '+37061234567', body: 'x' })
      .catch((cause: unknown) => cause);
    expect((error as SmsSendError).isRetryable).toBe(true);
  });
});

describe('SMS configuration', () => {
  it('defaults to the log provider, which sends nothing and logs the message', async () => {
    const config = loadConfig({});
    expect(config.sms).toEqual({ provider: 'log' });
    const lines: string[] = [];
    const sent = await createSmsProvider(config.sms, (line) => lines.push(line)).send({
      to: '+36201234567',
      body: 'Ön következik',
    });
    expect(sent.providerMessageId).toMatch(/^log-/);
    expect(lines).toEqual(['SMS (log provider, not sent) to +36201234567: Ön következik']);
  });

  it('refuses to start with Twilio chosen but its credentials missing', () => {
    expect(() => loadConfig({ FRONTLINE_SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: account.sid })).toThrow(
      ConfigError,
    );
  });
});
