import { dayAfter, localClockOnDayOf, localDate, startOfLocalDate } from '@hall/shared';

// When the nightly backup is due (HallSettings.backup.time, the hall's time). The rule is a
// function of the clock now and the last nightly backup, asked every half minute, so a clock
// stepped by NTP, a server started late or a time changed in the settings all take effect at the
// next look: one backup a night, made at the set time or, when the server was off then, as soon
// as it is up again that day.

export interface NightlyPlan {
  /** Tonight's backup is due and not made yet. */
  due: boolean;
  /** When the next nightly backup runs: tonight's time while it is not made yet (now, when that is past). */
  nextAt: number;
}

/**
 * A night is the hall's calendar day of the backup: once a nightly backup was made on a day
 * (whatever its result: a failing disk is not tried again every half minute), that day is done.
 */
export function nightlyPlan(now: number, time: string, timezone: string, lastNightlyAt: number | null): NightlyPlan {
  const today = localDate(now, timezone);
  const tonight = localClockOnDayOf(now, time, timezone);
  const done = lastNightlyAt !== null && localDate(lastNightlyAt, timezone) >= today;
  if (!done) return { due: now >= tonight, nextAt: Math.max(now, tonight) };
  return { due: false, nextAt: localClockOnDayOf(startOfLocalDate(dayAfter(today), timezone), time, timezone) };
}
