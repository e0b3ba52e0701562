import { localDate, localTime, percentOf, type MessageKey } from '@hall/shared';

// How the office shows figures and times. Rates and averages keep one decimal; times are
// the hall's local time whatever the office PC's own zone.

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** 0.5 -> 50.0%; nothing rated -> —. */
export function formatRate(rate: number | null, t: Translate): string {
  return rate === null ? t('office.noValue') : t('office.percent', { value: percentOf(rate) });
}

export function formatStars(stars: number | null, t: Translate): string {
  return stars === null ? t('office.noValue') : t('office.stars', { value: stars.toFixed(1) });
}

export function formatMinutes(minutes: number | null, t: Translate): string {
  return minutes === null ? t('office.noValue') : t('office.minutes', { value: minutes.toFixed(1) });
}

/** An instant as the hall's local date and clock time: 2026-11-25 10:05. */
export function formatInstant(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return `${localDate(ms, timeZone)} ${localTime(ms, timeZone)}`;
}

/** The first day of a local date's month. */
export const monthStart = (date: string): string => `${date.slice(0, 8)}01`;

export const isLocalDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
