import type { EtaChannel, PublicEta } from '@frontline/contracts';

/** What a channel expects right now for someone new: null figures while it is not open. */
export type ChannelEta = { p50Seconds: number | null; p90Seconds: number | null; open: boolean };
export type ChannelEtaSources = Record<EtaChannel, () => Promise<ChannelEta>>;

/** The public figures are recomputed at most this often, and clients may cache them as long. */
export const PUBLIC_ETA_MAX_AGE_SECONDS = 30;

/**
 * The public ETA per channel, computed at most every 30 s per instance however many pages ask
 * (the contact page polls it; a forecast simulates the queue a few hundred times). Concurrent
 * requests while one computation runs share it.
 */
export function createPublicEta(sources: ChannelEtaSources, now: () => Date) {
  const cache = new Map<EtaChannel, { value: Promise<PublicEta>; computedAt: number }>();
  return async function currentEta(channel: EtaChannel): Promise<{ eta: PublicEta; ageSeconds: number }> {
    const at = now().getTime();
    let entry = cache.get(channel);
    if (!entry || at - entry.computedAt >= PUBLIC_ETA_MAX_AGE_SECONDS * 1000 || at < entry.computedAt) {
      const value = sources[channel]().then((eta) => ({
        channel,
        p50Seconds: eta.p50Seconds === null ? null : Math.round(eta.p50Seconds),
        p90Seconds: eta.p90Seconds === null ? null : Math.round(eta.p90Seconds),
        open: eta.open,
        computedAt: new Date(at).toISOString(),
      }));
      entry = { value, computedAt: at };
      cache.set(channel, entry);
      // A failed computation must not be served for the next 30 s.
      value.catch(() => {
        if (cache.get(channel) === entry) cache.delete(channel);
      });
    }
    return { eta: await entry.value, ageSeconds: Math.floor((at - entry.computedAt) / 1000) };
  };
}
