import { EvaluationChannel, isPoorRating, localDate, type FollowUpFigures, type ReportBy, type ReportFigures, type SatisfactionLevel } from '@hall/shared';
import { satisfactionFigures } from '../domain';
import type { AppointmentCount, CallCount, CategoryTransfer, EventCount, FollowUpRow, IssuedCount, NoShowRow, OnsiteRow, RatingGroup, ServedGroup } from '../db/span-report-store';
import type { OpenTime } from './window-open-time';

// A span's rows folded into the figures of each window, department, category or staff member,
// and of the whole hall (docs/REPORTS.md says how each is counted). Pure: the rows come from
// db/span-report-store.ts, the open time from window-open-time.ts.


/** What the span's tables said, read once for a report. */
export interface SpanRows {
  /** Served visits and ratings per key of the breakdown. */
  served: readonly ServedGroup[];
  ratings: readonly RatingGroup[];
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
  timezone: string;
  /** Decides which follow-ups are overdue. */
  today: string;
  departmentOf(windowNo: number): string;
}

/** A row's running counts; `figuresOf` turns it into ReportFigures. */
export interface Tally {
  issued: number;
  served: number;
  noShows: number;
  transfersIn: number;
  transfersOut: number;
  waitMsSum: number;
  handlingMsSum: number;
  pastTarget: number;
  /** Each visit's wait and handling (ms), a chunk per group folded in. */
  waits: Float64Array[];
  handlings: Float64Array[];
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
}

function emptyTally(openMs: number | null): Tally {
  return {
    issued: 0,
    served: 0,
    noShows: 0,
    transfersIn: 0,
    transfersOut: 0,
    waitMsSum: 0,
    handlingMsSum: 0,
    pastTarget: 0,
    waits: [],
    handlings: [],
    openMs,
    extendedServiceSessions: 0,
    appointmentsKept: 0,
    appointmentsMissed: 0,
    onsiteServices: 0,
    levels: {},
    channels: Object.fromEntries(EvaluationChannel.options.map((c) => [c, 0])) as Record<EvaluationChannel, number>,
    followUps: { opened: 0, open: 0, overdue: 0, closedOnTime: 0, closedLate: 0 },
    expectedHandlingMs: 0,
  };
}

/** The nearest-rank percentile (0-100) of values sorted ascending; null for none. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const parseList = (list: string): Float64Array => (list === '' ? new Float64Array(0) : Float64Array.from(list.split(','), Number));

/** The chunks' values in one array, sorted ascending. */
export function sortedValues(chunks: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all.sort();
}

export function figuresOf(tally: Tally): ReportFigures {
  const served = tally.served;
  const ratings = satisfactionFigures(served, tally.levels);
  const poorRatings = Object.entries(tally.levels).reduce((sum, [level, count]) => sum + (isPoorRating(level as SatisfactionLevel) ? count : 0), 0);
  return {
    issued: tally.issued,
    served,
    noShows: tally.noShows,
    transfersIn: tally.transfersIn,
    transfersOut: tally.transfersOut,
    averageWaitMinutes: toMinutes(served === 0 ? null : tally.waitMsSum / served),
    p90WaitMinutes: toMinutes(nearestRank(sortedValues(tally.waits), 90)),
    averageHandlingMinutes: toMinutes(served === 0 ? null : tally.handlingMsSum / served),
    p90HandlingMinutes: toMinutes(nearestRank(sortedValues(tally.handlings), 90)),
    waitedPastTarget: tally.pastTarget,
    waitedPastTargetShare: share(tally.pastTarget, served),
    // Every visit is served between a call and a finish while the window is open, so this stays
    // within 1; the clamp only keeps rows written around the hall (not through it) in range.
    utilisation: tally.openMs === null || tally.openMs === 0 ? null : Math.min(1, tally.handlingMsSum / tally.openMs),
    extendedServiceSessions: tally.extendedServiceSessions,
    appointmentsKept: tally.appointmentsKept,
    appointmentsMissed: tally.appointmentsMissed,
    onsiteServices: tally.onsiteServices,
    ratings,
    ratingsByChannel: { ...tally.channels },
    ratingCoverage: share(ratings.rated, served),
    poorRatings,
    followUps: { ...tally.followUps },
  };
}

function addServed(tally: Tally, group: ServedGroup, waits: Float64Array, handlings: Float64Array): void {
  tally.served += group.served;
  tally.waitMsSum += group.waitMsSum;
  tally.handlingMsSum += group.handlingMsSum;
  tally.pastTarget += group.pastTarget;
  tally.appointmentsKept += group.appointments;
  tally.expectedHandlingMs += group.expectedHandlingMsSum;
  tally.waits.push(waits);
  tally.handlings.push(handlings);
}

function addRatings(tally: Tally, group: RatingGroup): void {
  tally.levels[group.level] = (tally.levels[group.level] ?? 0) + group.count;
  tally.channels[group.channel] += group.count;
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
  noShow(n: NoShowRow): string | null;
  followUp(f: FollowUpRow): string;
  onsite(o: OnsiteRow): readonly string[];
}

function keysOf(by: ReportBy, context: SpanContext): Keys {
  switch (by) {
    case 'window':
      return { noShow: (n) => String(n.windowNo), followUp: (f) => String(f.windowNo), onsite: () => [] };
    case 'department':
      return {
        noShow: (n) => context.departmentOf(n.windowNo),
        followUp: (f) => context.departmentOf(f.windowNo),
        onsite: (o) => [o.department],
      };
    case 'category':
      return { noShow: (n) => n.category, followUp: (f) => f.category, onsite: () => [] };
    case 'staff':
      return { noShow: (n) => n.staffNo, followUp: (f) => f.staffNo, onsite: (o) => o.staffNos };
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

  // The groups split the span's visits: the hall's are all of them.
  for (const group of rows.served) {
    const waits = parseList(group.waits);
    const handlings = parseList(group.handlings);
    if (group.key !== null) addServed(tally(group.key), group, waits, handlings);
    addServed(hall, group, waits, handlings);
  }
  for (const group of rows.ratings) {
    addRatings(tally(group.key), group);
    addRatings(hall, group);
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
