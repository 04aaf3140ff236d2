/**
 * A small seeded PRNG so every ETA simulation is reproducible: the same queue state and seed
 * give the same P10/P50/P90 on every machine. mulberry32: 32-bit state, fast, and more than
 * random enough for a few hundred Monte-Carlo runs.
 */
export type Random = {
  /** Uniform in (0, 1) — never exactly 0, so logarithms are safe. */
  next: () => number;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    },
  };
}

/** Standard normal deviate (Box–Muller; the second value is dropped for simplicity). */
export function drawNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** Exponential deviate with the given mean. */
export function drawExponential(random: Random, mean: number): number {
  return -Math.log(random.next()) * mean;
}

/** A stable 32-bit seed from any string (FNV-1a), e.g. a queue id plus a minute. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
