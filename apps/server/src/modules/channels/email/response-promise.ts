import type { SupportedLanguage } from '@frontline/contracts';
import { addBusinessTime, type BusinessCalendar } from '../../sla/index.ts';

/**
 * When a customer can expect an answer. Today it is the mailbox's configured promise; the ETA
 * capability will compute it from the live queue instead. `responsePromiseFor` is the one place
 * the acknowledgement asks, so that is the one place to change.
 */
export type ResponsePromise = { amount: number; unit: 'minutes' | 'hours' | 'days'; businessTime: boolean };

export function responsePromiseFor(mailbox: {
  response_promise_amount: number;
  response_promise_unit: ResponsePromise['unit'];
  response_promise_business_time: boolean;
}): ResponsePromise {
  return {
    amount: mailbox.response_promise_amount,
    unit: mailbox.response_promise_unit,
    businessTime: mailbox.response_promise_business_time,
  };
}

const unitSeconds: Record<ResponsePromise['unit'], number> = { minutes: 60, hours: 3600, days: 86_400 };

/**
 * The promise as seconds from `from`, for checking it. Business minutes and hours count in the
 * conversation's business calendar when it has one ("4 business hours" on Friday at 16:00 runs
 * to Monday); without a calendar, and for days, they count as plain time.
 *
 * @example responsePromiseSeconds({ amount: 4, unit: 'hours', businessTime: false }) // 14400
 */
export function responsePromiseSeconds(
  promise: ResponsePromise,
  business?: { calendar: BusinessCalendar; from: Date },
): number {
  const plain = promise.amount * unitSeconds[promise.unit];
  if (!promise.businessTime || !business || promise.unit === 'days') return plain;
  const deadline = addBusinessTime(business.calendar, business.from, plain);
  return Math.round((deadline.getTime() - business.from.getTime()) / 1000);
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type UnitForms = Record<ResponsePromise['unit'], { plain: Forms; business: Forms }>;

/**
 * Each language's phrase around the number and the noun forms its grammar needs after it:
 * Lithuanian "per" takes the accusative, Slovak "do" and Polish "w ciągu" the genitive, and
 * Hungarian never inflects a noun after a numeral.
 */
const phrases: Record<
  SupportedLanguage,
  { frame: (amount: number, noun: string) => string; units: UnitForms }
> = {
  en: {
    frame: (amount, noun) => `within ${amount} ${noun}`,
    units: {
      minutes: {
        plain: { one: 'minute', other: 'minutes' },
        business: { one: 'business minute', other: 'business minutes' },
      },
      hours: {
        plain: { one: 'hour', other: 'hours' },
        business: { one: 'business hour', other: 'business hours' },
      },
      days: {
        plain: { one: 'day', other: 'days' },
        business: { one: 'business day', other: 'business days' },
      },
    },
  },
  lt: {
    frame: (amount, noun) => `per ${amount} ${noun}`,
    units: {
      minutes: {
        plain: { one: 'minutę', few: 'minutes', other: 'minučių' },
        business: { one: 'darbo minutę', few: 'darbo minutes', other: 'darbo minučių' },
      },
      hours: {
        plain: { one: 'valandą', few: 'valandas', other: 'valandų' },
        business: { one: 'darbo valandą', few: 'darbo valandas', other: 'darbo valandų' },
      },
      days: {
        plain: { one: 'dieną', few: 'dienas', other: 'dienų' },
        business: { one: 'darbo dieną', few: 'darbo dienas', other: 'darbo dienų' },
      },
    },
  },
  sk: {
    frame: (amount, noun) => `do ${amount} ${noun}`,
    units: {
      minutes: {
        plain: { one: 'minúty', other: 'minút' },
        business: { one: 'pracovnej minúty', other: 'pracovných minút' },
      },
      hours: {
        plain: { one: 'hodiny', other: 'hodín' },
        business: { one: 'pracovnej hodiny', other: 'pracovných hodín' },
      },
      days: {
        plain: { one: 'dňa', other: 'dní' },
        business: { one: 'pracovného dňa', other: 'pracovných dní' },
      },
    },
  },
  pl: {
    frame: (amount, noun) => `w ciągu ${amount} ${noun}`,
    units: {
      minutes: {
        plain: { one: 'minuty', other: 'minut' },
        business: { one: 'minuty roboczej', other: 'minut roboczych' },
      },
      hours: {
        plain: { one: 'godziny', other: 'godzin' },
        business: { one: 'godziny roboczej', other: 'godzin roboczych' },
      },
      days: {
        plain: { one: 'dnia', other: 'dni' },
        business: { one: 'dnia roboczego', other: 'dni roboczych' },
      },
    },
  },
  hu: {
    frame: (amount, noun) => `${amount} ${noun} belül`,
    units: {
      minutes: { plain: { other: 'percen' }, business: { other: 'munkapercen' } },
      hours: { plain: { other: 'órán' }, business: { other: 'munkaórán' } },
      days: { plain: { other: 'napon' }, business: { other: 'munkanapon' } },
    },
  },
};

/**
 * The promise as words in the customer's language, to fit the acknowledgement's sentence.
 *
 * @example
 * describeResponsePromise({ amount: 4, unit: 'hours', businessTime: true }, 'lt') // 'per 4 darbo valandas'
 */
export function describeResponsePromise(promise: ResponsePromise, language: SupportedLanguage): string {
  const { frame, units } = phrases[language];
  const forms = units[promise.unit][promise.businessTime ? 'business' : 'plain'];
  // Genitive-after-"do"/"w ciągu" languages use the singular only for exactly one.
  const rule =
    language === 'sk' || language === 'pl'
      ? promise.amount === 1
        ? 'one'
        : 'other'
      : new Intl.PluralRules(language).select(promise.amount);
  return frame(promise.amount, forms[rule] ?? forms.other);
}
