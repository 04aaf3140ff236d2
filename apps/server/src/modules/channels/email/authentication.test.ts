import { describe, expect, it } from 'vitest';
import { authenticateEmail, type DNSResolver, resolverWithTimeout } from './authentication.ts';

/** The edge of the world: a DNS zone in memory instead of the internet. */
function zone(records: Record<string, string>): DNSResolver {
  return async (name, type) => {
    const value = records[`${type} ${name.toLowerCase()}`];
    if (value === undefined) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return [[value]];
  };
}

const message = (from: string) =>
  Buffer.from(
    `From: ${from}\r\nTo: pagalba@shop.example\r\nSubject: Sveiki\r\nMessage-ID: <a@x>\r\n\r\nLabas\r\n`,
  );

describe('authenticateEmail', () => {
  it('passes SPF and DMARC for a sender whose domain authorises the connecting address', async () => {
    const dns = zone({
      'TXT example.lt': 'v=spf1 ip4:192.0.2.10 -all',
      'TXT _dmarc.example.lt': 'v=DMARC1; p=reject',
    });
    const result = await authenticateEmail(
      message('ona@example.lt'),
      { ip: '192.0.2.10', helo: 'mail.example.lt', sender: 'ona@example.lt', mta: 'mx.shop.example' },
      dns,
    );
    expect(result).toMatchObject({
      spf: 'pass',
      dkim: 'none',
      dmarc: 'pass',
      dmarcPolicy: 'reject',
      isSuspicious: false,
    });
  });

  it('flags mail that fails DMARC for a domain publishing a reject policy', async () => {
    const dns = zone({
      'TXT bank.example': 'v=spf1 ip4:198.51.100.1 -all',
      'TXT _dmarc.bank.example': 'v=DMARC1; p=reject',
    });
    const result = await authenticateEmail(
      message('security@bank.example'),
      {
        ip: '203.0.113.66',
        helo: 'spammer.example',
        sender: 'security@bank.example',
        mta: 'mx.shop.example',
      },
      dns,
    );
    expect(result).toMatchObject({
      spf: 'fail',
      dmarc: 'fail',
      dmarcPolicy: 'reject',
      isSuspicious: true,
      fromDomain: 'bank.example',
    });
  });

  it('does not flag a DMARC failure when the domain only monitors (p=none)', async () => {
    const dns = zone({ 'TXT lax.example': 'v=spf1 -all', 'TXT _dmarc.lax.example': 'v=DMARC1; p=none' });
    const result = await authenticateEmail(
      message('a@lax.example'),
      { ip: '203.0.113.66', helo: 'x', sender: 'a@lax.example', mta: 'mx' },
      dns,
    );
    expect(result).toMatchObject({ dmarc: 'fail', dmarcPolicy: 'none', isSuspicious: false });
  });

  it('reports a temporary error, within the deadline, when DNS does not answer', async () => {
    const silent: DNSResolver = () => new Promise(() => {});
    const started = Date.now();
    const result = await authenticateEmail(
      message('a@slow.example'),
      { ip: '192.0.2.1', helo: 'x', sender: 'a@slow.example', mta: 'mx' },
      resolverWithTimeout(silent, 50),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.spf).toBe('temperror');
    expect(result.isSuspicious).toBe(false);
  });
});
