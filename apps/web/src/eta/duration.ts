import { useFormat } from '../i18n/format.ts';

/** "12 min" or "3.5 h" in the agent's locale; under a minute "< 1 min". */
export function useDuration() {
  const { locale } = useFormat();
  return (seconds: number) =>
    seconds < 60
      ? `< ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(1)}`
      : seconds < 3600
        ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(
            seconds / 60,
          )
        : new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(
            seconds / 3600,
          );
}
