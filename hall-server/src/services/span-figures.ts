import { EvaluationChannel, isPoorRating, localDate, type CategoryCode, type FollowUpFigures, type ReportBy, type ReportFigures, type SatisfactionLevel } from '@hall/shared';
import { satisfactionFigures } from '../domain';
import type { AppointmentCount, CallCount, CategoryTransfer, EventCount, FollowUpRow, IssuedCount, NoShowRow, OnsiteRow, VisitRow } from '../db/span-report-store';
import type { OpenTime } from './window-open-time';

// A span's rows folded into the figures of each window, department, category or staff member,
// and of the whole hall (docs/REPORTS.md says how each is counted). Pure: the rows come from
// db/span-report-store.ts, the open time from window-open-time.ts.

const MINUTE = 60_000;

/** What the span's tables said, read once for a report. */
export interface SpanRows {
  visits: readonly VisitRow[];
  noShows: readonly NoShowRow[];
  followUps: readonly FollowUpRow[];
  openTime: OpenTime;
  onsite: readonly OnsiteRow[];
  appointments: readonly AppointmentCount[];
  issued: readonly IssuedCount[];
  categoryTransfers: readonly CategoryTransfer[];
  hallEvents: { transfers: number; extendedService: number };
  /** For a breakdown by window, department or staff: calls and events per key. */
  calls: readonly CallCount[];
  events: readonly EventCount[];
}

export interface SpanContext {
  waitTargetMinutes: number;
  timezone: string;
  /** Decides which follow-ups are overdue. */
  today: string;
  departmentOf(windowNo: number): string;
  /** The category's configured handling time, for the monthly score's handling part. */
  expectedHandlingMs(category: CategoryCode): number;
}

/** A row's running counts; `figuresOf` turns it into ReportFigures. */
export interface Tally {
  issued: number;
  served: number;
  noShows: number;
  transfersIn: number;
  transfersOut: number;
  waits: number[];
  handlings: number[];
  servingMs: number;
  /** Null where no window time applies (a category). */
  openMs: number | null;
  extendedServiceSessions: number;
  appointmentsKept: number;
  appointmentsMissed: number;
  onsiteServices: number;
  levels: Partial<Record<SatisfactionLevel, number>>;
  channels: Record<EvaluationChannel, number>;
  followUps: FollowUpFigures;
  /** The configured handling time of every visit served, summed. */
  expectedHandlingMs: number;
  windowNos: Set<number>;
}

function emptyTally(openMs: number | null): Tally {
  return {
    issued: 0,
    served: 0,
    noShows: 0,
    transfersIn: 0,
    transfersOut: 0,
    waits: [],
    handlings: [],
    servingMs: 0,
    openMs,
    extendedServiceSessions: 0,
    appointmentsKept: 0,
    appointmentsMissed: 0,
    onsiteServices: 0,
    levels: {},
    channels: Object.fromEntries(EvaluationChannel.options.map((c) => [c, 0])) as Record<EvaluationChannel, number>,
    followUps: { opened: 0, open: 0, overdue: 0, closedOnTime: 0, closedLate: 0 },
    expectedHandlingMs: 0,
    windowNos: new Set(),
  };
}

/** The nearest-rank percentile (0-100) of values sorted ascending; null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);

const meanOf = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function figuresOf(tally: Tally, waitTargetMinutes: number): ReportFigures {
  const waits = [...tally.waits].sort((a, b) => a - b);
  const handlings = [...tally.handlings].sort((a, b) => a - b);
  const pastTarget = waits.length - upperBound(waits, waitTargetMinutes * MINUTE);
  const ratings = satisfactionFigures(tally.served, tally.levels);
  const poorRatings = Object.entries(tally.levels).reduce((sum, [level, count]) => sum + (isPoorRating(level as SatisfactionLevel) ? count : 0), 0);
  return {
    issued: tally.issued,
    served: tally.served,
    noShows: tally.noShows,
    transfersIn: tally.transfersIn,
    transfersOut: tally.transfersOut,
    averageWaitMinutes: toMinutes(meanOf(waits)),
    p90WaitMinutes: toMinutes(nearestRank(waits, 90)),
    averageHandlingMinutes: toMinutes(meanOf(handlings)),
    p90HandlingMinutes: toMinutes(nearestRank(handlings, 90)),
    waitedPastTarget: pastTarget,
    waitedPastTargetShare: share(pastTarget, waits.length),
    // Every visit is served between a call and a finish while the window is open, so this stays
    // within 1; the clamp only keeps rows written around the hall (not through it) in range.
    utilisation: tally.openMs === null || tally.openMs === 0 ? null : Math.min(1, tally.servingMs / tally.openMs),
    extendedServiceSessions: tally.extendedServiceSessions,
    appointmentsKept: tally.appointmentsKept,
    appointmentsMissed: tally.appointmentsMissed,
    onsiteServices: tally.onsiteServices,
    ratings,
    ratingsByChannel: { ...tally.channels },
    ratingCoverage: share(ratings.rated, tally.served),
    poorRatings,
    followUps: { ...tally.followUps },
  };
}

/** How many of the sorted values are at most `limit`. */
function upperBound(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

function addVisit(tally: Tally, visit: VisitRow, context: SpanContext): void {
  tally.served += 1;
  tally.waits.push(visit.waitMs);
  tally.handlings.push(visit.handlingMs);
  tally.servingMs += visit.handlingMs;
  tally.expectedHandlingMs += context.expectedHandlingMs(visit.category);
  tally.windowNos.add(visit.windowNo);
  if (visit.appointment) tally.appointmentsKept += 1;
  if (visit.level !== null) tally.levels[visit.level] = (tally.levels[visit.level] ?? 0) + 1;
  if (visit.channel !== null) tally.channels[visit.channel] += 1;
}

function addFollowUp(tally: Tally, row: FollowUpRow, context: SpanContext): void {
  const f = tally.followUps;
  f.opened += 1;
  if (row.fixAt === null) {
    f.open += 1;
    if (context.today > row.fixDue) f.overdue += 1;
  } else if (localDate(row.fixAt, context.timezone) <= row.fixDue) {
    f.closedOnTime += 1;
  } else {
    f.closedLate += 1;
    f.overdue += 1;
  }
}

/** The keys each source row counts under, for a breakdown. */
interface Keys {
  visit(v: VisitRow): string;
  noShow(n: NoShowRow): string | null;
  followUp(f: FollowUpRow): string;
  onsite(o: OnsiteRow): readonly string[];
}

function keysOf(by: ReportBy, context: SpanContext): Keys {
  switch (by) {
    case 'window':
      return { visit: (v) => String(v.windowNo), noShow: (n) => String(n.windowNo), followUp: (f) => String(f.windowNo), onsite: () => [] };
    case 'department':
      return {
        visit: (v) => context.departmentOf(v.windowNo),
        noShow: (n) => context.departmentOf(n.windowNo),
        followUp: (f) => context.departmentOf(f.windowNo),
        onsite: (o) => [o.department],
      };
    case 'category':
      return { visit: (v) => v.category, noShow: (n) => n.category, followUp: (f) => f.category, onsite: () => [] };
    case 'staff':
      return { visit: (v) => v.staffNo, noShow: (n) => n.staffNo, followUp: (f) => f.staffNo, onsite: (o) => o.staffNos };
  }
}

/** Open time per key of the breakdown (a category has none). */
function openTimeBy(by: ReportBy, openTime: OpenTime, context: SpanContext): Map<string, number> {
  const sums = new Map<string, number>();
  const add = (key: string, ms: number) => sums.set(key, (sums.get(key) ?? 0) + ms);
  for (const [windowNo, byStaff] of openTime) {
    for (const [staffNo, ms] of byStaff) {
      if (by === 'window') add(String(windowNo), ms);
      else if (by === 'department') add(context.departmentOf(windowNo), ms);
      else if (by === 'staff') add(staffNo, ms);
    }
  }
  return sums;
}

/** Every row of the breakdown `by` (keys listed in `keys` come first, even with nothing counted), and the hall. */
export function foldSpan(by: ReportBy, rows: SpanRows, context: SpanContext, keys: readonly string[]): { rows: Map<string, Tally>; hall: Tally } {
  const keyOf = keysOf(by, context);
  const openBy = openTimeBy(by, rows.openTime, context);
  const noOpenTime = by === 'category' ? null : 0;
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    let entry = tallies.get(key);
    if (!entry) {
      entry = emptyTally(by === 'category' ? null : (openBy.get(key) ?? noOpenTime));
      tallies.set(key, entry);
    }
    return entry;
  };
  for (const key of keys) tally(key);
  for (const key of openBy.keys()) tally(key);
  let openMs = 0;
  for (const byStaff of rows.openTime.values()) for (const ms of byStaff.values()) openMs += ms;
  const hall = emptyTally(openMs);

  for (const visit of rows.visits) {
    addVisit(tally(keyOf.visit(visit)), visit, context);
    addVisit(hall, visit, context);
  }
  for (const noShow of rows.noShows) {
    const key = keyOf.noShow(noShow);
    if (key !== null) tally(key).noShows += 1;
    hall.noShows += 1;
  }
  for (const followUp of rows.followUps) {
    addFollowUp(tally(keyOf.followUp(followUp)), followUp, context);
    addFollowUp(hall, followUp, context);
  }
  for (const onsite of rows.onsite) {
    for (const key of keyOf.onsite(onsite)) tally(key).onsiteServices += 1;
    hall.onsiteServices += 1;
  }
  for (const { category, issued } of rows.issued) {
    if (by === 'category') tally(category).issued += issued;
    hall.issued += issued;
  }
  // By category (and for the hall) the appointments booked for the span's days count, kept
  // (checked in) or missed; by window, department or staff the kept ones served there.
  if (by === 'category') for (const entry of tallies.values()) entry.appointmentsKept = 0;
  for (const { category, kept, missed } of rows.appointments) {
    if (by === 'category') {
      const entry = tally(category);
      entry.appointmentsKept = kept;
      entry.appointmentsMissed = missed;
    }
    hall.appointmentsMissed += missed;
  }
  hall.appointmentsKept = rows.appointments.reduce((sum, a) => sum + a.kept, 0);
  if (by === 'category') {
    for (const { fromCategory, toCategory, count } of rows.categoryTransfers) {
      if (fromCategory === toCategory) continue;
      tally(fromCategory).transfersOut += count;
      tally(toCategory).transfersIn += count;
    }
  }
  for (const { key, issued, transfersIn } of rows.calls) {
    const entry = tally(key);
    entry.issued += issued;
    entry.transfersIn += transfersIn;
  }
  for (const { key, transfersOut, extendedService } of rows.events) {
    const entry = tally(key);
    entry.transfersOut += transfersOut;
    entry.extendedServiceSessions += extendedService;
  }
  hall.transfersIn = rows.hallEvents.transfers;
  hall.transfersOut = rows.hallEvents.transfers;
  hall.extendedServiceSessions = rows.hallEvents.extendedService;
  return { rows: tallies, hall };
}
