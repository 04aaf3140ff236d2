import { useTranslation } from 'react-i18next';

/** BCP 47 locales for Intl; English agents get day-month dates and a 24-hour clock. */
const intlLocales: Record<string, string> = {
  en: 'en-GB',
  lt: 'lt-LT',
  sk: 'sk-SK',
  pl: 'pl-PL',
  hu: 'hu-HU',
};

const relativeUnits: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function createFormatters(language: string) {
  const locale = intlLocales[language] ?? language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const unitFormats = new Map<string, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  return {
    locale,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    number: (value: number) => number.format(value),
    /** A quantity with its unit in the agent's locale, e.g. "12 kB". */
    unit: (value: number, unit: 'kilobyte' | 'megabyte') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value),
    /** A length of time for reports: "45 s", "4.5 min", "2.3 h" in the agent's locale. */
    duration: (seconds: number) => {
      const [unit, size] =
        seconds < 60
          ? (['second', 1] as const)
          : seconds < 3600
            ? (['minute', 60] as const)
            : (['hour', 3600] as const);
      const key = `duration-${unit}`;
      let format = unitFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 });
        unitFormats.set(key, format);
      }
      return format.format(seconds / size);
    },
    /** A share such as 0.85 as "85 %" in the agent's locale. */
    percent: (share: number) => percent.format(share),
    /** "5 min. ago", "yesterday": how long ago `iso` was, relative to `now`. */
    relative: (iso: string, now = Date.now()) => {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      for (const [unit, size] of relativeUnits) {
        if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
      }
      return relative.format(0, 'minute');
    },
    /** A compact age such as "3 h" or "12 min", for dense inbox rows. */
    age: (iso: string, now = Date.now()) => {
      const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
      const [unit, size] = relativeUnits.find(([, unitSize]) => seconds >= unitSize) ?? ['minute', 60];
      let format = unitFormats.get(unit);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' });
        unitFormats.set(unit, format);
      }
      return format.format(Math.floor(seconds / size));
    },
  };
}

export type Formatters = ReturnType<typeof createFormatters>;

const cache = new Map<string, Formatters>();

/** Formatters for the current UI language, so dates and numbers follow the agent's locale. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  let formatters = cache.get(language);
  if (!formatters) {
    formatters = createFormatters(language);
    cache.set(language, formatters);
  }
  return formatters;
}
