import { performance } from 'node:perf_hooks';

export type Run = {
  completed: number;
  failed: number;
  firstFailure: string | undefined;
  elapsedMs: number;
  /** Milliseconds per completed operation, sorted ascending. */
  latencies: number[];
};

/**
 * `concurrency` loops each repeating `operation` until `durationMs` has passed — a closed system,
 * like clients that wait for each answer before sending the next request.
 */
export async function runConcurrently(
  concurrency: number,
  durationMs: number,
  operation: (client: number, iteration: number) => Promise<void>,
): Promise<Run> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      for (let iteration = 0; performance.now() < deadline; iteration += 1) {
        const before = performance.now();
        try {
          await operation(client, iteration);
          latencies.push(performance.now() - before);
        } catch (error) {
          failed += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return {
    completed: latencies.length,
    failed,
    firstFailure,
    elapsedMs: performance.now() - started,
    latencies: latencies.sort((a, b) => a - b),
  };
}

/** One client, one request at a time: `warmup` unmeasured, then `count` measured. */
export async function runSequentially(count: number, warmup: number, operation: () => Promise<void>) {
  for (let index = 0; index < warmup; index += 1) await operation();
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const before = performance.now();
    await operation();
    latencies.push(performance.now() - before);
  }
  return latencies.sort((a, b) => a - b);
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const perSecond = (run: Run) => (run.completed * 1000) / run.elapsedMs;
