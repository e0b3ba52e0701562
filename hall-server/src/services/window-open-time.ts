import { clockToMinutes, startOfLocalDate } from '@hall/shared';
import type { WindowEventRow } from '../db/span-report-store';

// A window's open time (signed in and not paused) per staff member over a span of service days,
// the denominator of utilisation. Staff may stay signed in overnight, so the time counts only
// within each service day's hours: from opening (or the day's first call there, if earlier) to
// closing (or the day's last finish there, if later: extended service past closing, even past
// midnight, counts on its service day). Days the hall never opened count nothing.

const MINUTE = 60_000;

export interface OpenTimeInput {
  /** The span's first day. */
  from: string;
  /** The span's service days, ascending. */
  serviceDays: readonly string[];
  timezone: string;
  openingHours: { open: string; close: string };
  /** Each window's last state event before the span. */
  before: readonly WindowEventRow[];
  /** The span's state events in order. */
  during: readonly WindowEventRow[];
  /** The first call and last finish of each window's service day (`${windowNo}|${date}`). */
  served: ReadonlyMap<string, { firstCall: number; lastFinish: number }>;
  /** A window still open now counts up to now. */
  now: number;
}

/** Open milliseconds by window, then by staff member. */
export type OpenTime = Map<number, Map<string, number>>;

export function windowOpenTime(input: OpenTimeInput): OpenTime {
  const { timezone, openingHours } = input;
  // Each service day's local midnight and hours, in order: an interval finds its days by a
  // binary search, not by formatting its instants in the time zone (the slow part).
  const days = input.serviceDays.map((date) => {
    const midnight = startOfLocalDate(date, timezone);
    return { date, midnight, open: midnight + clockToMinutes(openingHours.open) * MINUTE, close: midnight + clockToMinutes(openingHours.close) * MINUTE };
  });
  const open: OpenTime = new Map();
  const add = (windowNo: number, staffNo: string, start: number, end: number) => {
    // A service day's time lies within its midnight and the next day's opening (extended
    // service past midnight belongs to the day before): the days that can overlap the interval.
    for (let i = firstDayFrom(days, start - DAY - DAY); i < days.length && days[i]!.midnight < end; i++) {
      const day = days[i]!;
      const served = input.served.get(`${windowNo}|${day.date}`);
      const dayStart = Math.min(day.open, served?.firstCall ?? Infinity);
      const dayEnd = Math.max(day.close, served?.lastFinish ?? -Infinity);
      const overlap = Math.min(end, dayEnd) - Math.max(start, dayStart);
      if (overlap <= 0) continue;
      const byStaff = open.get(windowNo) ?? new Map<string, number>();
      byStaff.set(staffNo, (byStaff.get(staffNo) ?? 0) + overlap);
      open.set(windowNo, byStaff);
    }
  };

  /** Per window: who is signed in, and since when it has been open (null: paused or closed). */
  const windows = new Map<number, { staffNo: string | null; openSince: number | null }>();
  const spanStart = startOfLocalDate(input.from, timezone);
  for (const event of input.before) {
    const signedIn = event.type !== 'window.signed_out';
    const isOpen = event.type === 'window.signed_in' || event.type === 'window.resumed';
    windows.set(event.windowNo, { staffNo: signedIn ? event.staffNo : null, openSince: isOpen ? spanStart : null });
  }
  for (const event of input.during) {
    const window = windows.get(event.windowNo) ?? { staffNo: null, openSince: null };
    if (window.openSince !== null && window.staffNo !== null) add(event.windowNo, window.staffNo, window.openSince, event.at);
    switch (event.type) {
      case 'window.signed_in':
        windows.set(event.windowNo, { staffNo: event.staffNo, openSince: event.at });
        break;
      case 'window.resumed':
        windows.set(event.windowNo, { staffNo: event.staffNo, openSince: event.at });
        break;
      case 'window.paused':
        windows.set(event.windowNo, { staffNo: event.staffNo, openSince: null });
        break;
      case 'window.signed_out':
        windows.set(event.windowNo, { staffNo: null, openSince: null });
        break;
    }
  }
  for (const [windowNo, window] of windows) {
    if (window.openSince !== null && window.staffNo !== null) add(windowNo, window.staffNo, window.openSince, input.now);
  }
  return open;
}

const DAY = 86_400_000;

/** The index of the first day whose midnight is at or after `at`. */
function firstDayFrom(days: readonly { midnight: number }[], at: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid]!.midnight < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
