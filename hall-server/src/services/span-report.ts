import type { CategoryCode, HallSettings, ReportBy, SummaryReport } from '@hall/shared';
import type { ReportDayStore } from '../db/report-day-store';
import type { SpanReportStore, WindowRecord } from '../db/span-report-store';
import { figuresOf, foldSpan, type SpanContext, type SpanRows, type Tally } from './span-figures';
import { callCounts, eventCounts, openTimeOf, SpanSource, type VisitRows } from './report-days';

// The office's span report (GET /api/reports/summary): the span's rows (report-days.ts: closed
// days as written, the rest live),
// folded by window, department, category or staff member (span-figures.ts).

export interface SpanSetting {
  settings: Pick<HallSettings, 'timezone' | 'openingHours' | 'waitTargetMinutes'>;
  today: string;
  now: number;
}

/** The store's windows and names, read once per report. */
export interface Names {
  windows: Map<number, WindowRecord>;
  staff: Map<string, string>;
  categories: Map<CategoryCode, string>;
}

export function readNames(store: SpanReportStore): Names {
  return { windows: new Map(store.windows().map((w) => [w.no, w])), staff: store.staffNames(), categories: store.categoryNames() };
}

export function spanContext(setting: SpanSetting, names: Names): SpanContext {
  return {
    timezone: setting.settings.timezone,
    today: setting.today,
    waitTargetMs: setting.settings.waitTargetMinutes * 60_000,
    departmentOf: (windowNo) => names.windows.get(windowNo)?.department ?? '',
  };
}

/** The span's served visits, ratings, calls and events by `by`: a department's are its windows'. */
export function visitsBy(source: SpanSource, by: ReportBy, from: string, to: string, names: Names): Pick<SpanRows, 'served' | 'ratings' | 'calls' | 'events'> & Pick<VisitRows, 'staffWindows'> {
  const visits = source.visits(by === 'department' ? 'window' : by, from, to);
  const calls = by === 'category' ? [] : callCounts(by, visits.calls, names);
  const events = by === 'category' ? [] : eventCounts(by, visits.events, names);
  if (by !== 'department') return { ...visits, calls, events };
  // A department's groups are its windows' under its name: the fold sums groups of one key.
  const department = (windowKey: string | null) => names.windows.get(Number(windowKey))?.department ?? '';
  return {
    served: visits.served.map((group) => ({ ...group, key: department(group.key) })),
    ratings: visits.ratings.map((r) => ({ ...r, key: department(r.key) })),
    calls,
    events,
    staffWindows: visits.staffWindows,
  };
}

/** Everything a breakdown by `by` needs: the span's tickets and events (written days and live), and what still changes, live. */
export function readSpan(store: SpanReportStore, source: SpanSource, by: ReportBy, from: string, to: string, setting: SpanSetting, names: Names): SpanRows {
  const common = source.common(from, to);
  const { served, ratings, calls, events } = visitsBy(source, by, from, to, names);
  return {
    served,
    ratings,
    calls,
    events,
    noShows: common.noShows,
    followUps: store.followUps(from, to),
    openTime: openTimeOf(common.openTime),
    onsite: store.onsite(from, to),
    appointments: store.appointments(from, to, setting.today),
    issued: common.issued,
    categoryTransfers: by === 'category' ? common.categoryTransfers : [],
    hallEvents: common.hallEvents,
  };
}

/** The rows every report lists even when nothing was counted: the hall's windows, departments and categories as set up now. */
export function standingKeys(by: ReportBy, names: Names): string[] {
  const windows = [...names.windows.values()].filter((w) => !w.removed);
  switch (by) {
    case 'window':
      return windows.map((w) => String(w.no));
    case 'department':
      return [...new Set(windows.map((w) => w.department))];
    case 'category':
      return [...names.categories.keys()];
    case 'staff':
      return [];
  }
}

export function rowName(by: ReportBy, key: string, names: Names): string {
  switch (by) {
    case 'window':
      return names.windows.get(Number(key))?.name ?? key;
    case 'department':
      return key;
    case 'category':
      return names.categories.get(key) ?? key;
    case 'staff':
      return names.staff.get(key) ?? key;
  }
}

/** Rows in the office's order: windows by number, the rest by key. */
export function orderedRows(by: ReportBy, rows: Map<string, Tally>): [string, Tally][] {
  const entries = [...rows];
  if (by === 'window') return entries.sort(([a], [b]) => Number(a) - Number(b));
  if (by === 'category') return entries;
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function summaryReport(store: SpanReportStore, days: ReportDayStore, query: { from: string; to: string; by: ReportBy }, setting: SpanSetting): SummaryReport {
  const { from, to, by } = query;
  const names = readNames(store);
  const context = spanContext(setting, names);
  const source = new SpanSource(store, days, setting, names);
  const folded = foldSpan(by, readSpan(store, source, by, from, to, setting, names), context, standingKeys(by, names));
  const target = setting.settings.waitTargetMinutes;
  return {
    from,
    to,
    by,
    waitTargetMinutes: target,
    rows: orderedRows(by, folded.rows).map(([key, tally]) => ({ key, name: rowName(by, key, names), ...figuresOf(tally) })),
    hall: figuresOf(folded.hall),
  };
}
