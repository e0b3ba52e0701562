import { clockToMinutes, dayAfter, localDate, startOfLocalDate } from '@hall/shared';
import type { WindowEventRow } from '../db/span-report-store';

// A window's open time (signed in and not paused) per staff member over a span of service days,
// the denominator of utilisation. Staff may stay signed in overnight, so the time counts only
// within each service day's hours: from opening (or the day's first call there, if earlier) to
// closing (or the day's last finish there, if later: extended service past closing, even past
// midnight, counts on its service day). Days the hall never opened count nothing.

const MINUTE = 60_000;

export interface OpenTimeInput {
  from: string;
  to: string;
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
  const days = new Map(
    input.serviceDays.map((date) => {
      const midnight = startOfLocalDate(date, timezone);
      return [date, [midnight + clockToMinutes(openingHours.open) * MINUTE, midnight + clockToMinutes(openingHours.close) * MINUTE] as const];
    }),
  );
  const open: OpenTime = new Map();
  const add = (windowNo: number, staffNo: string, start: number, end: number) => {
    // The day before the start's date too: extended service after midnight belongs to it.
    const first = previousDay(localDate(start, timezone));
    const last = localDate(end, timezone);
    for (let date = first < input.from ? input.from : first; date <= last && date <= input.to; date = dayAfter(date)) {
      const hours = days.get(date);
      if (!hours) continue;
      const served = input.served.get(`${windowNo}|${date}`);
      const dayStart = Math.min(hours[0], served?.firstCall ?? Infinity);
      const dayEnd = Math.max(hours[1], served?.lastFinish ?? -Infinity);
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

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
