import type { Locale } from '../i18n/index';

/** Date and time for a screen, in the hall's time zone: 2026年11月25日 星期三 14:30. */
export function formatDateTime(epochMs: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}
