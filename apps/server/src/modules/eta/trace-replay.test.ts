import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrace, TraceFormatError } from './trace-format.ts';
import { replayTrace } from './trace-replay.ts';

const sampleTrace = readFileSync(
  new URL('../../../../../bench/eta/sample-trace.csv', import.meta.url),
  'utf8',
);
const header = 'arrived_at,started_at,ended_at,queue,outcome,agent';

describe('reading a queue trace', () => {
  it('reads the sample trace shipped with the benchmark', () => {
    const rows = parseTrace(sampleTrace);
    expect(rows).toHaveLength(300);
    expect(rows[0]).toMatchObject({ line: 2, queue: 'chat', outcome: 'served', agent: 'agent1' });
    expect(rows.filter((r) => r.outcome === 'abandoned').every((r) => r.startedAt === null)).toBe(true);
  });

  it('accepts seconds as well as ISO times, an empty agent and a time without zone as UTC', () => {
    const rows = parseTrace(
      `${header}\n100,160,400,chat,served,\n2025-03-03T10:00:00,,2025-03-03T10:05:00Z,chat,abandoned,\n`,
    );
    expect(rows[0]).toMatchObject({ arrivedAt: 100_000, startedAt: 160_000, endedAt: 400_000, agent: null });
    expect(rows[1]).toMatchObject({
      arrivedAt: Date.UTC(2025, 2, 3, 10),
      startedAt: null,
      endedAt: Date.UTC(2025, 2, 3, 10, 5),
    });
  });

  it.each([
    ['a missing column', 'arrived_at,started_at,queue,outcome\n1,2,q,served', /line 1: .*ended_at/],
    ['an unknown outcome', `${header}\n1,2,3,q,left,`, /line 2: outcome/],
    ['a served row without a start', `${header}\n1,,3,q,served,`, /line 2: a served row needs started_at/],
    ['an abandoned row with a start', `${header}\n1,2,3,q,abandoned,`, /line 2: an abandoned row/],
    [
      'a time that is neither ISO nor seconds',
      `${header}\n1,2,yesterday,q,served,`,
      /line 2: ended_at "yesterday"/,
    ],
    ['times going backwards', `${header}\n\n10,5,20,q,served,`, /line 3: times must not go backwards/],
  ])('rejects %s with the line number', (_description, csv, message) => {
    expect(() => parseTrace(csv)).toThrow(TraceFormatError);
    expect(() => parseTrace(csv)).toThrow(message);
  });
});

describe('replaying a trace', () => {
  it('scores Frontline and the baselines and answers the documented JSON shape', () => {
    const result = replayTrace(sampleTrace, { runs: 100 });
    const json = JSON.parse(JSON.stringify(result));
    expect(json.predictors.map((p: { name: string }) => p.name)).toEqual([
      'frontline',
      'queue-length',
      'head-of-line',
      'last-10-average',
    ]);
    for (const predictor of json.predictors) {
      expect(Object.keys(predictor).sort()).toEqual(['name', 'p90Coverage', 'relativeMse', 'withinShare']);
      expect(predictor.relativeMse).toBeGreaterThan(0);
      expect(predictor.withinShare).toBeGreaterThan(0);
      expect(predictor.withinShare).toBeLessThanOrEqual(1);
    }
    expect(json.predictors[0].p90Coverage).toBeGreaterThan(0.5);
    expect(json.predictors.slice(1).every((p: { p90Coverage: unknown }) => p.p90Coverage === null)).toBe(
      true,
    );
    expect(json).toMatchObject({ arrivals: 300, queues: [{ queue: 'chat', arrivals: 300 }] });
    expect(json.scored).toBeGreaterThan(150);
  });

  it('works without an agent column, inventing one agent per concurrent conversation', () => {
    const withoutAgents = sampleTrace.replace(/,agent\d+$/gm, ',').replace(/,$/gm, ',');
    const result = replayTrace(withoutAgents, { runs: 50 });
    expect(result.predictors[0]!.relativeMse).toBeGreaterThan(0);
    expect(result.scored).toBeGreaterThan(150);
  });

  it('replays each queue on its own and pools the figures', () => {
    const twoQueues = `${header}\n${sampleTrace
      .trim()
      .split('\n')
      .slice(1)
      .map((line, i) => (i % 2 === 0 ? line : line.replace(',chat,', ',email,')))
      .join('\n')}`;
    const result = replayTrace(twoQueues, { runs: 50, minimumHistory: 5, scoredAfterHistory: 10 });
    expect(result.queues.map((q) => q.queue).sort()).toEqual(['chat', 'email']);
    expect(result.scored).toBe(result.queues.reduce((sum, q) => sum + (q.predictors[0]?.scored ?? 0), 0));
  });
});
