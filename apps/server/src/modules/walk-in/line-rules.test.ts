import { describe, expect, it } from 'vitest';
import {
  canMarkNoShow,
  formatTicket,
  localDayAt,
  orderLine,
  pickNextVisit,
  readmittedQueuedAt,
  refuseTicket,
  transferredQueuedAt,
  type WaitingVisit,
} from './line-rules.ts';

const rules = {
  priorityBoostMinutes: 10,
  appointmentLeadMinutes: 5,
  noShowGraceSeconds: 120,
  readmitWindowMinutes: 30,
};
const now = new Date('2026-03-10T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function visit(id: string, overrides: Partial<WaitingVisit> = {}): WaitingVisit {
  return {
    id,
    serviceId: 'tax',
    queuedAt: minutesAgo(0),
    isPriority: false,
    appointmentAt: null,
    targetDeskId: null,
    ...overrides,
  };
}

describe('ticket numbers', () => {
  it.each([
    ['A', 1, 'A-001'],
    ['A', 42, 'A-042'],
    ['B', 999, 'B-999'],
    ['C', 1000, 'C-1000'],
  ])('letter %s number %i reads %s', (prefix, number, expected) => {
    expect(formatTicket(prefix, number)).toBe(expected);
  });

  it.each([
    // 23:30 UTC is already the next day in Vilnius (UTC+2 in winter) but not in London.
    ['Europe/Vilnius', '2026-01-14T23:30:00Z', '2026-01-15'],
    ['Europe/London', '2026-01-14T23:30:00Z', '2026-01-14'],
    // Summer time: Budapest is UTC+2, so 22:30 UTC is past midnight.
    ['Europe/Budapest', '2026-07-01T22:30:00Z', '2026-07-02'],
    ['Europe/Budapest', '2026-07-01T21:59:00Z', '2026-07-01'],
  ])('the numbering day in %s at %s is %s', (timeZone, instant, day) => {
    expect(localDayAt(timeZone, new Date(instant))).toBe(day);
  });
});

describe('whether a ticket may be taken', () => {
  const open = {
    isOpen: true,
    localTime: '10:00',
    lastTicketTime: null,
    issuedToday: 0,
    dailyCapacity: null,
  };
  it.each([
    ['open, no limits', open, null],
    ['closed', { ...open, isOpen: false }, 'closed'],
    ['before the last-ticket time', { ...open, lastTicketTime: '16:30' }, null],
    [
      'at the last-ticket time',
      { ...open, localTime: '16:30', lastTicketTime: '16:30' },
      'after_last_ticket',
    ],
    ['under the daily capacity', { ...open, issuedToday: 49, dailyCapacity: 50 }, null],
    ['at the daily capacity', { ...open, issuedToday: 50, dailyCapacity: 50 }, 'capacity_reached'],
  ] as const)('%s → %s', (_case, input, expected) => {
    expect(refuseTicket(input)).toBe(expected);
  });
});

describe('calling order', () => {
  it.each([
    {
      case: 'first come, first served',
      visits: [visit('late', { queuedAt: minutesAgo(2) }), visit('early', { queuedAt: minutesAgo(9) })],
      order: ['early', 'late'],
    },
    {
      case: 'a priority customer moves ahead of people who came less than the boost before them',
      visits: [
        visit('a', { queuedAt: minutesAgo(8) }),
        visit('p', { queuedAt: minutesAgo(1), isPriority: true }),
      ],
      order: ['p', 'a'],
    },
    {
      case: 'the boost is bounded: someone who waited longer than it stays ahead',
      visits: [
        visit('a', { queuedAt: minutesAgo(12) }),
        visit('p', { queuedAt: minutesAgo(1), isPriority: true }),
      ],
      order: ['a', 'p'],
    },
    {
      case: 'an appointment due now goes first',
      visits: [visit('a', { queuedAt: minutesAgo(30) }), visit('appt', { appointmentAt: minutesAgo(-3) })],
      order: ['appt', 'a'],
    },
    {
      case: 'an appointment not yet due is not called',
      visits: [visit('a', { queuedAt: minutesAgo(30) }), visit('appt', { appointmentAt: minutesAgo(-20) })],
      order: ['a'],
    },
    {
      case: 'equal times keep a stable order by id',
      visits: [visit('b'), visit('a')],
      order: ['a', 'b'],
    },
  ])('$case', ({ visits, order }) => {
    expect(orderLine(visits, now, rules).map((v) => v.id)).toEqual(order);
  });
});

describe('call next at a desk', () => {
  const line = [
    visit('tax-1', { queuedAt: minutesAgo(20) }),
    visit('permit-1', { serviceId: 'permit', queuedAt: minutesAgo(15) }),
    visit('sent-to-desk-2', { serviceId: 'permit', queuedAt: minutesAgo(40), targetDeskId: 'desk-2' }),
  ];
  it.each([
    ['a desk serving only permits takes the oldest permit visit', ['permit'], 'desk-1', 'permit-1'],
    ['a desk serving both takes the oldest of either', ['tax', 'permit'], 'desk-1', 'tax-1'],
    ['a visit transferred to a desk goes to that desk first', ['tax'], 'desk-2', 'sent-to-desk-2'],
    ['a desk serving nothing waiting gets nobody', ['passport'], 'desk-1', null],
  ])('%s', (_case, serviceIds, deskId, expected) => {
    expect(pickNextVisit(line, { id: deskId, serviceIds }, now, rules)?.id ?? null).toBe(expected);
  });
});

describe('no-shows and re-admission', () => {
  it.each([
    [119, false],
    [120, true],
    [600, true],
  ])('%i s after the call, marking a no-show is allowed: %s', (seconds, expected) => {
    expect(canMarkNoShow(new Date(now.getTime() - seconds * 1000), now, rules)).toBe(expected);
  });

  it.each([
    [
      'back within the window: placed as if they came 2 min ago',
      minutesAgo(40),
      minutesAgo(10),
      minutesAgo(2),
    ],
    ['their own arrival when that is later', minutesAgo(1), minutesAgo(0.5), minutesAgo(1)],
    ['after the window: not re-admitted', minutesAgo(90), minutesAgo(31), null],
  ])('%s', (_case, queuedAt, noShowAt, expected) => {
    expect(readmittedQueuedAt({ queuedAt, noShowAt }, now, rules)).toEqual(expected);
  });
});

describe('transfers keep a fair place', () => {
  it('a transferred visit is ordered by its original arrival in the new line', () => {
    const transferred = visit('moved', {
      serviceId: 'permit',
      queuedAt: transferredQueuedAt({ queuedAt: minutesAgo(25) }),
    });
    const line = [
      visit('waiting-10', { serviceId: 'permit', queuedAt: minutesAgo(10) }),
      transferred,
      visit('waiting-30', { serviceId: 'permit', queuedAt: minutesAgo(30) }),
    ];
    expect(orderLine(line, now, rules).map((v) => v.id)).toEqual(['waiting-30', 'moved', 'waiting-10']);
  });
});
