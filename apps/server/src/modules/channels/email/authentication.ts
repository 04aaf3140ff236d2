import { promises as dns } from 'node:dns';
import { authenticate, type DNSResolver } from 'mailauth';

/** SPF, DKIM and DMARC as the agent sees them; stored with every inbound mail. */
export type EmailAuthentication = {
  spf: string;
  dkim: string;
  dmarc: string;
  /** The policy the author's domain publishes (`none`, `quarantine`, `reject`), if any. */
  dmarcPolicy: string | null;
  /** Failed DMARC although the domain says to reject such mail: very likely forged. */
  isSuspicious: boolean;
  /** The author domain DMARC judged. */
  fromDomain: string | null;
};

export type { DNSResolver };

/**
 * DNS with a deadline: authentication must never hold a delivery for long (an SMTP client waits
 * on our answer). A lookup that times out counts as a temporary error, like any DNS failure.
 */
export function resolverWithTimeout(resolve: DNSResolver, timeoutMs: number): DNSResolver {
  return (name, type) =>
    new Promise((fulfil, reject) => {
      const timer = setTimeout(
        () => reject(Object.assign(new Error(`DNS timeout for ${name}`), { code: 'ETIMEOUT' })),
        timeoutMs,
      );
      resolve(name, type).then(
        (records) => {
          clearTimeout(timer);
          fulfil(records);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
}

export const systemResolver: DNSResolver = resolverWithTimeout(
  (name, type) => dns.resolve(name, type) as Promise<string[][] | string[]>,
  3_000,
);

/**
 * Checks a received message. `ip`, `helo` and `sender` (MAIL FROM) come from the SMTP session;
 * without them (IMAP) SPF is not evaluated and DMARC rests on DKIM alone.
 */
export async function authenticateEmail(
  raw: Buffer,
  session: { ip?: string; helo?: string; sender?: string; mta: string },
  resolver: DNSResolver = systemResolver,
): Promise<EmailAuthentication> {
  const result = await authenticate(raw, {
    ...(session.ip ? { ip: session.ip, helo: session.helo ?? '', sender: session.sender ?? '' } : {}),
    mta: session.mta,
    resolver,
    disableArc: true,
    disableBimi: true,
  });
  const dkimResults = result.dkim.results ?? [];
  const dkim =
    dkimResults.find((entry) => entry.status?.result === 'pass')?.status?.result ??
    dkimResults[0]?.status?.result ??
    'none';
  const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
  const dmarcPolicy = result.dmarc ? result.dmarc.policy || result.dmarc.p || null : null;
  return {
    spf: result.spf ? result.spf.status.result : 'none',
    dkim,
    dmarc,
    dmarcPolicy,
    isSuspicious: dmarc === 'fail' && dmarcPolicy === 'reject',
    fromDomain: result.dmarc ? (result.dmarc.status.header?.from ?? result.dmarc.domain ?? null) : null,
  };
}
