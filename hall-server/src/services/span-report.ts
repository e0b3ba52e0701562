import type { CategoryCode, HallSettings, ReportBy, SummaryReport } from '@hall/shared';
import type { SpanReportStore, WindowRecord } from '../db/span-report-store';
import { figuresOf, foldSpan, type SpanContext, type SpanRows, type Tally } from './span-figures';
import { windowOpenTime } from './window-open-time';

// The office's span report (GET /api/reports/summary): the span's rows read from the store,
// folded by window, department, category or staff member (span-figures.ts).

export interface SpanSetting {
  settings: Pick<HallSettings, 'timezone' | 'openingHours' | 'waitTargetMinutes'>;
  /** The configured handling time of each category (minutes). */
  categories: readonly { code: CategoryCode; defaultHandlingMinutes: number }[];
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
  const handling = new Map(setting.categories.map((c) => [c.code, c.defaultHandlingMinutes * 60_000]));
  return {
    waitTargetMinutes: setting.settings.waitTargetMinutes,
    timezone: setting.settings.timezone,
    today: setting.today,
    departmentOf: (windowNo) => names.windows.get(windowNo)?.department ?? '',
    expectedHandlingMs: (category) => handling.get(category) ?? 0,
  };
}

/** Everything a breakdown by `by` needs from the span's tables. */
export function readSpan(store: SpanReportStore, by: ReportBy, from: string, to: string, setting: SpanSetting, names: Names): SpanRows {
  const visits = store.visits(from, to);
  const served = new Map<string, { firstCall: number; lastFinish: number }>();
  for (const v of visits) {
    const key = `${v.windowNo}|${v.date}`;
    const day = served.get(key);
    if (!day) served.set(key, { firstCall: v.calledAt, lastFinish: v.finishedAt });
    else {
      if (v.calledAt < day.firstCall) day.firstCall = v.calledAt;
      if (v.finishedAt > day.lastFinish) day.lastFinish = v.finishedAt;
    }
  }
  const windowEvents = store.windowEvents(from, to, [...names.windows.keys()]);
  const { timezone, openingHours } = setting.settings;
  const openTime = windowOpenTime({ from, to, serviceDays: store.serviceDays(from, to), timezone, openingHours, ...windowEvents, served, now: setting.now });
  const byWindowish = by === 'category' ? null : by;
  return {
    visits,
    noShows: store.noShows(from, to),
    followUps: store.followUps(from, to),
    openTime,
    onsite: store.onsite(from, to),
    appointments: store.appointments(from, to, setting.today),
    issued: store.issued(from, to),
    categoryTransfers: by === 'category' ? store.categoryTransfers(from, to) : [],
    hallEvents: store.hallEvents(from, to),
    calls: byWindowish ? store.calledBy(byWindowish, from, to) : [],
    events: byWindowish ? store.eventsBy(byWindowish, from, to) : [],
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

export function summaryReport(store: SpanReportStore, query: { from: string; to: string; by: ReportBy }, setting: SpanSetting): SummaryReport {
  const { from, to, by } = query;
  const names = readNames(store);
  const context = spanContext(setting, names);
  const folded = foldSpan(by, readSpan(store, by, from, to, setting, names), context, standingKeys(by, names));
  const target = setting.settings.waitTargetMinutes;
  return {
    from,
    to,
    by,
    waitTargetMinutes: target,
    rows: orderedRows(by, folded.rows).map(([key, tally]) => ({ key, name: rowName(by, key, names), ...figuresOf(tally, target) })),
    hall: figuresOf(folded.hall, target),
  };
}
