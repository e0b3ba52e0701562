import type { ReportBy } from '@hall/shared';
import type { ReportDayStore, ReportDimension, WrittenDay } from '../db/report-day-store';
import type { CallCount, CallKey, CallSet, CategoryTransfer, EventCount, IssuedCount, NoShowRow, RatingGroup, SpanReportStore, VisitKey } from '../db/span-report-store';
import { servedChunk, type ServedChunk } from './span-figures';
import type { Names, SpanSetting } from './span-report';
import { windowOpenTime, type OpenTime } from './window-open-time';

// The span's report rows: each closed service day's as the runtime wrote them once (report_days,
// migration 019), the other days' (today, and any day not yet written) read live, by the same
// questions over runs of days. What can still change after a day closes (follow-ups,
// appointments missed, on-site services, leaders' sittings, names, a window's department, the
// wait target) is never written: the reports read it live, and the figures that depend on a
// setting are worked out from the written lists (the waits), not stored.

/** Bump when what a day's rows hold, or how they are counted, changes: rows of another version are recomputed. */
export const REPORT_DAYS_VERSION = 1;

/** What a span's tickets and events said that is neither a breakdown's nor changes after the day. */
export interface CommonRows {
  /** Open milliseconds per window and staff member. */
  openTime: [windowNo: number, staffNo: string, ms: number][];
  noShows: NoShowRow[];
  issued: IssuedCount[];
  categoryTransfers: CategoryTransfer[];
  hallEvents: { transfers: number; extendedService: number };
}

/** A breakdown's (window, category or staff member) served visits, ratings, calls and events. */
export interface VisitRows {
  served: ServedChunk[];
  ratings: RatingGroup[];
  calls: CallSet[];
  events: EventCount[];
  /** The windows each staff member served at (by staff member only). */
  staffWindows: { staffNo: string; windowNo: number }[];
}

const VISIT_KEYS: readonly VisitKey[] = ['window', 'category', 'staff'];

function commonLive(store: SpanReportStore, from: string, to: string, setting: SpanSetting, names: Names): CommonRows {
  const served = new Map(store.servedDays(from, to).map((d) => [`${d.windowNo}|${d.date}`, d]));
  const { timezone, openingHours } = setting.settings;
  const open = windowOpenTime({ from, serviceDays: store.serviceDays(from, to), timezone, openingHours, ...store.windowEvents(from, to, [...names.windows.keys()]), served, now: setting.now });
  const openTime: CommonRows['openTime'] = [];
  for (const [windowNo, byStaff] of open) for (const [staffNo, ms] of byStaff) openTime.push([windowNo, staffNo, ms]);
  return { openTime, noShows: store.noShows(from, to), issued: store.issued(from, to), categoryTransfers: store.categoryTransfers(from, to), hallEvents: store.hallEvents(from, to) };
}

function visitsLive(store: SpanReportStore, key: VisitKey, from: string, to: string): VisitRows {
  const callKey: CallKey | null = key === 'category' ? null : key;
  return {
    served: store.servedBy(key, from, to).map(servedChunk),
    ratings: store.ratingsBy(key, from, to),
    calls: callKey ? store.callSets(callKey, from, to) : [],
    events: callKey ? store.eventsBy(callKey, from, to) : [],
    staffWindows: key === 'staff' ? store.staffWindows(from, to) : [],
  };
}

function mergeCommon(parts: readonly CommonRows[]): CommonRows {
  const hallEvents = { transfers: 0, extendedService: 0 };
  for (const part of parts) {
    hallEvents.transfers += part.hallEvents.transfers;
    hallEvents.extendedService += part.hallEvents.extendedService;
  }
  return {
    openTime: parts.flatMap((p) => p.openTime),
    noShows: parts.flatMap((p) => p.noShows),
    issued: parts.flatMap((p) => p.issued),
    categoryTransfers: parts.flatMap((p) => p.categoryTransfers),
    hallEvents,
  };
}

function mergeVisits(parts: readonly VisitRows[]): VisitRows {
  return {
    served: parts.flatMap((p) => p.served),
    ratings: parts.flatMap((p) => p.ratings),
    calls: parts.flatMap((p) => p.calls),
    events: parts.flatMap((p) => p.events),
    staffWindows: parts.flatMap((p) => p.staffWindows),
  };
}

/** Open time summed per window, then staff member. */
export function openTimeOf(rows: CommonRows['openTime']): OpenTime {
  const open: OpenTime = new Map();
  for (const [windowNo, staffNo, ms] of rows) {
    const byStaff = open.get(windowNo) ?? open.set(windowNo, new Map()).get(windowNo)!;
    byStaff.set(staffNo, (byStaff.get(staffNo) ?? 0) + ms);
  }
  return open;
}

/** Tickets called per key of the breakdown `by` (not category), each ticket once per key. */
export function callCounts(by: Exclude<ReportBy, 'category'>, sets: readonly CallSet[], names: Names): CallCount[] {
  const counts = new Map<string, CallCount>();
  const keyOf = by === 'department' ? (key: string) => names.windows.get(Number(key))?.department ?? '' : (key: string) => key;
  for (const set of sets) {
    for (const key of new Set(set.keys.split(',').map(keyOf))) {
      const count = counts.get(key) ?? counts.set(key, { key, issued: 0, transfersIn: 0 }).get(key)!;
      count.issued += set.issued;
      count.transfersIn += set.transfersIn;
    }
  }
  return [...counts.values()];
}

/** Transfers and extended service per key of `by` (not category): a department's are its windows'. */
export function eventCounts(by: Exclude<ReportBy, 'category'>, events: readonly EventCount[], names: Names): EventCount[] {
  if (by !== 'department') return [...events];
  const sums = new Map<string, EventCount>();
  for (const e of events) {
    const key = names.windows.get(Number(e.key))?.department ?? '';
    const sum = sums.get(key) ?? sums.set(key, { key, transfersOut: 0, extendedService: 0 }).get(key)!;
    sum.transfersOut += e.transfersOut;
    sum.extendedService += e.extendedService;
  }
  return [...sums.values()];
}

/** The span's rows: written days from the store, the rest live over runs of consecutive days not written. */
export class SpanSource {
  constructor(
    private readonly store: SpanReportStore,
    private readonly days: ReportDayStore,
    private readonly setting: SpanSetting,
    private readonly names: Names,
  ) {}

  common(from: string, to: string): CommonRows {
    const read = (day: WrittenDay) => JSON.parse(day.json) as CommonRows;
    return this.merged('common', from, to, read, (f, t) => commonLive(this.store, f, t, this.setting, this.names), mergeCommon);
  }

  visits(key: VisitKey, from: string, to: string): VisitRows {
    return this.merged(key, from, to, readVisits, (f, t) => visitsLive(this.store, key, f, t), mergeVisits);
  }

  /**
   * Written days parsed, the days between them read live in runs. Only days the hall opened
   * (service_days) have rows: the days it never opened between two written ones are skipped, and
   * the last run reaches the span's end.
   */
  private merged<T>(dimension: ReportDimension, from: string, to: string, read: (day: WrittenDay) => T, live: (from: string, to: string) => T, merge: (parts: T[]) => T): T {
    const written = this.days.read(from, to, dimension, REPORT_DAYS_VERSION);
    if (written.size === 0) return live(from, to);
    const parts: T[] = [];
    let run = null as { from: string; to: string } | null;
    for (const date of this.store.serviceDays(from, to)) {
      const day = written.get(date);
      if (day === undefined) {
        run = { from: run?.from ?? date, to: date };
        continue;
      }
      if (run !== null) parts.push(live(run.from, run.to));
      run = null;
      parts.push(read(day));
    }
    if (run !== null) parts.push(live(run.from, to));
    return merge(parts);
  }
}

/** Writes a closed service day's rows, every dimension, at the current version. */
export function rollUpDay(store: SpanReportStore, days: ReportDayStore, date: string, setting: SpanSetting, names: Names): void {
  days.put(date, 'common', REPORT_DAYS_VERSION, commonLive(store, date, date, setting, names));
  for (const key of VISIT_KEYS) {
    const { rows, lists } = writtenVisits(visitsLive(store, key, date, date));
    days.put(date, key, REPORT_DAYS_VERSION, rows, lists);
  }
}

/** A served group as written: its lists' lengths in the JSON, their values in the day's lists. */
type WrittenGroup = Omit<ServedChunk, 'waits' | 'handlings'> & { waitCount: number; handlingCount: number };

function writtenVisits(visits: VisitRows): { rows: Omit<VisitRows, 'served'> & { served: WrittenGroup[] }; lists: Float64Array } {
  const lists = new Float64Array(visits.served.reduce((n, g) => n + g.waits.length + g.handlings.length, 0));
  let at = 0;
  const served = visits.served.map(({ waits, handlings, ...group }) => {
    lists.set(waits, at);
    lists.set(handlings, at + waits.length);
    at += waits.length + handlings.length;
    return { ...group, waitCount: waits.length, handlingCount: handlings.length };
  });
  return { rows: { ...visits, served }, lists };
}

function readVisits(day: WrittenDay): VisitRows {
  const rows = JSON.parse(day.json) as Omit<VisitRows, 'served'> & { served: WrittenGroup[] };
  // Copied out of the row's buffer: a Float64Array needs its start on a multiple of 8.
  const lists = day.lists ? new Float64Array(day.lists.buffer.slice(day.lists.byteOffset, day.lists.byteOffset + day.lists.byteLength)) : new Float64Array(0);
  let at = 0;
  const served = rows.served.map(({ waitCount, handlingCount, ...group }) => {
    const waits = lists.subarray(at, at + waitCount);
    const handlings = lists.subarray(at + waitCount, at + waitCount + handlingCount);
    at += waitCount + handlingCount;
    return { ...group, waits, handlings };
  });
  return { ...rows, served };
}
