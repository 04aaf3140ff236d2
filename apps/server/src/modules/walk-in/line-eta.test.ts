import { describe, expect, it } from 'vitest';
import { estimateLineWait, forecastCalibratedLineWait, type LineState, toVisitWait } from './line-eta.ts';

const now = new Date('2026-03-10T10:00:00Z');
const waiting = (count: number, serviceId = 'tax') =>
  Array.from({ length: count }, (_, index) => ({
    id: `${serviceId}-${index}`,
    serviceId,
    targetDeskId: null,
  }));
const line = (overrides: Partial<LineState>): LineState => ({
  locationId: 'vilnius',
  now,
  waiting: [],
  desks: [{ id: 'd1', serviceIds: ['tax'], busySince: null }],
  recentServiceSeconds: Array.from({ length: 40 }, () => 300),
  servingPeriods: null,
  ...overrides,
});
const newTax = { kind: 'new', serviceId: 'tax' } as const;

describe('the expected wait in a walk-in line', () => {
  it('is corrected by the calibration the location’s past promises teach; the raw forecast is kept', () => {
    const busyLine = line({
      waiting: waiting(4),
      desks: [{ id: 'd1', serviceIds: ['tax'], busySince: now }],
    });
    const plain = forecastCalibratedLineWait(busyLine, newTax)!;
    const slower = forecastCalibratedLineWait(
      { ...busyLine, calibration: { p90Factor: 1.5, meanFactor: 1.3, outcomes: 800 } },
      newTax,
    )!;
    expect(slower.raw).toEqual(plain.raw);
    expect(slower.wait.p50Seconds / plain.wait.p50Seconds).toBeCloseTo(1.3, 1);
    expect(slower.wait.p90Seconds).toBeGreaterThan(plain.wait.p90Seconds);
    expect(estimateLineWait(busyLine, newTax)).toEqual(plain.wait);
  });

  it('with a free desk and nobody ahead, the customer is called at once', () => {
    expect(estimateLineWait(line({}), newTax)).toEqual({ p10Seconds: 0, p50Seconds: 0, p90Seconds: 0 });
  });

  it('reduces to the queue-length predictor: four ahead of one busy desk at 5 min each is about 25 min', () => {
    const wait = estimateLineWait(
      line({ waiting: waiting(4), desks: [{ id: 'd1', serviceIds: ['tax'], busySince: now }] }),
      newTax,
    )!;
    expect(wait.p50Seconds).toBeGreaterThan(20 * 60);
    expect(wait.p50Seconds).toBeLessThan(30 * 60);
    expect(wait.p90Seconds).toBeGreaterThanOrEqual(wait.p50Seconds);
  });

  it('a second desk serving the service shortens the wait; a desk for another service does not', () => {
    const busy = { busySince: now };
    const one = estimateLineWait(
      line({ waiting: waiting(6), desks: [{ id: 'd1', serviceIds: ['tax'], ...busy }] }),
      newTax,
    )!;
    const two = estimateLineWait(
      line({
        waiting: waiting(6),
        desks: [
          { id: 'd1', serviceIds: ['tax'], ...busy },
          { id: 'd2', serviceIds: ['tax'], ...busy },
        ],
      }),
      newTax,
    )!;
    const other = estimateLineWait(
      line({
        waiting: waiting(6),
        desks: [
          { id: 'd1', serviceIds: ['tax'], ...busy },
          { id: 'd2', serviceIds: ['permit'], ...busy },
        ],
      }),
      newTax,
    )!;
    expect(two.p50Seconds).toBeLessThan(one.p50Seconds * 0.7);
    expect(other.p50Seconds).toBe(one.p50Seconds);
  });

  it('no open desk serving the service: no estimate', () => {
    expect(
      estimateLineWait(line({ desks: [{ id: 'd1', serviceIds: ['permit'], busySince: null }] }), newTax),
    ).toBeNull();
  });

  it('before any desk opens, the estimate assumes one desk serving everything', () => {
    const wait = estimateLineWait(line({ desks: [], waiting: waiting(3) }), newTax)!;
    expect(wait.p50Seconds).toBeGreaterThan(10 * 60);
  });

  it('a waiting visit is estimated from its own place in the line', () => {
    const state = line({ waiting: waiting(5), desks: [{ id: 'd1', serviceIds: ['tax'], busySince: now }] });
    const first = estimateLineWait(state, { kind: 'waiting', visitId: 'tax-0' })!;
    const last = estimateLineWait(state, { kind: 'waiting', visitId: 'tax-4' })!;
    expect(last.p50Seconds).toBeGreaterThan(first.p50Seconds);
  });

  it.each([
    [
      { p50Seconds: 0, p90Seconds: 0 },
      { aboutMinutes: 1, latestMinutes: 1 },
    ],
    [
      { p50Seconds: 610, p90Seconds: 1320 },
      { aboutMinutes: 10, latestMinutes: 22 },
    ],
    [
      { p50Seconds: 95, p90Seconds: 61 },
      { aboutMinutes: 2, latestMinutes: 2 },
    ],
  ])('%o is shown as %o', (wait, shown) => {
    expect(toVisitWait(wait)).toEqual(shown);
  });
});

describe('the expected wait with several services and booked appointments', () => {
  const busyDesk = { id: 'd1', serviceIds: ['tax', 'info'], busySince: now, busyServiceId: 'info' };
  const times = (seconds: number) => Array.from({ length: 40 }, () => seconds);
  const byService = { tax: times(900), info: times(120) };

  it('visits ahead are timed by their own service: three tax visits take longer than three questions', () => {
    const ahead = (serviceId: string) => waiting(3, serviceId);
    const estimate = (serviceId: string) =>
      estimateLineWait(
        line({
          waiting: ahead(serviceId),
          desks: [busyDesk],
          recentServiceSeconds: [...byService.tax, ...byService.info],
          recentServiceSecondsByService: byService,
        }),
        { kind: 'new', serviceId: 'info' },
      )!;
    expect(estimate('tax').p50Seconds).toBeGreaterThan(40 * 60);
    expect(estimate('info').p50Seconds).toBeLessThan(10 * 60);
  });

  it('an appointment due before a desk is free goes ahead of a walk-in; before it is due it has no wait', () => {
    const state = line({
      desks: [{ ...busyDesk, busySince: new Date(now.getTime() - 60_000), busyServiceId: 'tax' }],
      recentServiceSeconds: times(900),
      recentServiceSecondsByService: byService,
      upcoming: [{ id: 'booked', serviceId: 'tax', dueAt: new Date(now.getTime() + 5 * 60_000) }],
    });
    const withAppointment = estimateLineWait(state, { kind: 'new', serviceId: 'info' })!;
    const without = estimateLineWait({ ...state, upcoming: [] }, { kind: 'new', serviceId: 'info' })!;
    expect(withAppointment.p50Seconds).toBeGreaterThan(without.p50Seconds + 10 * 60);
    expect(estimateLineWait(state, { kind: 'waiting', visitId: 'booked' })).toBeNull();
  });
});
