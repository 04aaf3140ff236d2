import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAs, signInAgent } from '../../../../test/support/app.ts';
import type { DNSResolver } from './authentication.ts';
import { buildMessage, deliverRaw } from './testing/email-test-kit.ts';
import { type InboundHarness, startInboundHarness } from './testing/harness.ts';

/** The DNS of the outside world, in memory: a bank that publishes SPF and a reject policy. */
const zone: DNSResolver = async (name, type) => {
  const records: Record<string, string> = {
    'TXT bank.example': 'v=spf1 ip4:198.51.100.7 -all',
    'TXT _dmarc.bank.example': 'v=DMARC1; p=reject',
    'TXT example.lt': 'v=spf1 ip4:127.0.0.1 -all',
    'TXT _dmarc.example.lt': 'v=DMARC1; p=quarantine',
  };
  const value = records[`${type} ${name.toLowerCase()}`];
  if (value === undefined) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return [[value]];
};

let harness: InboundHarness;
beforeAll(async () => {
  harness = await startInboundHarness({ resolver: zone });
});
afterAll(async () => {
  await harness.close();
});

async function detailsOf(externalId: string) {
  const message = await harness.testApp.deps.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  const admin = await signInAgent(harness.testApp, 'admin');
  const response = await requestAs(harness.testApp, admin).get(
    `/api/v1/conversations/${message.conversation_id}/email-messages`,
  );
  return response.json().items[0];
}

describe('SPF, DKIM and DMARC of received mail', () => {
  it('stores a passing result for mail from an authorised server', async () => {
    const raw = buildMessage({ messageId: 'auth-ok@example.lt', from: 'Ona <ona@example.lt>' });
    expect(
      (await deliverRaw(harness.listener.port, { from: 'ona@example.lt', to: ['pagalba@shop.example'], raw }))
        .code,
    ).toBe(250);
    expect(await detailsOf('auth-ok@example.lt')).toMatchObject({
      authentication: { spf: 'pass', dmarc: 'pass', dmarcPolicy: 'quarantine', isSuspicious: false },
      isSuspicious: false,
    });
  });

  it('flags mail failing DMARC for a domain that publishes a reject policy, and still stores it', async () => {
    const raw = buildMessage({
      messageId: 'forged@bank.example',
      from: 'Bank <security@bank.example>',
      subject: 'Verify your account',
    });
    expect(
      (
        await deliverRaw(harness.listener.port, {
          from: 'security@bank.example',
          to: ['pagalba@shop.example'],
          raw,
        })
      ).code,
    ).toBe(250);
    expect(await detailsOf('forged@bank.example')).toMatchObject({
      authentication: { spf: 'fail', dmarc: 'fail', dmarcPolicy: 'reject', fromDomain: 'bank.example' },
      isSuspicious: true,
    });
  });
});
