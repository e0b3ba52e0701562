import { t, type Locale } from '../i18n/index';

// How long something has taken, in words staff read at a glance: "2分57秒" since a call, "<1 分钟"
// for a service shorter than a minute (a mean of "0.3 分钟" reads as a fault, "0 分钟" as nothing).

/** Time since a moment, to the second: "57秒", "2分57秒", "1小时2分" past the hour. */
export function formatElapsed(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return t(locale, 'duration.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t(locale, 'duration.minutesSeconds', { minutes, seconds });
  return t(locale, 'duration.seconds', { seconds });
}

/** A duration in whole minutes: "<1 分钟" under a minute, else rounded ("3 分钟"). */
export function formatMinutes(minutes: number, locale: Locale): string {
  if (minutes < 1) return t(locale, 'duration.underAMinute');
  return t(locale, 'duration.minutes', { minutes: Math.round(minutes) });
}
