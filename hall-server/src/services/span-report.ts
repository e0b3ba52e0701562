import type { CategoryCode, HallSettings, ReportBy, SummaryReport } from '@hall/shared';
import type { ServedGroup, SpanReportStore, WindowRecord } from '../db/span-report-store';
import { figuresOf, foldSpan, type SpanContext, type SpanRows, type Tally } from './span-figures';
import { windowOpenTime } from './window-open-time';

// The office's span report (GET /api/reports/summary): the span's rows read from the store,
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
    departmentOf: (windowNo) => names.windows.get(windowNo)?.department ?? '',
  };
}

/** The span's served visits and ratings by `by`: a department's are its windows' summed. */
export function visitsBy(store: SpanReportStore, by: ReportBy, from: string, to: string, waitTargetMinutes: number, names: Names): Pick<SpanRows, 'served' | 'ratings'> {
  const key = by === 'department' ? 'window' : by;
  const served = store.servedBy(key, from, to, waitTargetMinutes * 60_000);
  const ratings = store.ratingsBy(key, from, to);
  if (by !== 'department') return { served, ratings };
  const department = (windowKey: string | null) => names.windows.get(Number(windowKey))?.department ?? '';
  const summed = new Map<string, ServedGroup>();
  for (const group of served) {
    const key = department(group.key);
    const sum = summed.get(key);
    if (!sum) {
      summed.set(key, { ...group, key });
      continue;
    }
    sum.served += group.served;
    sum.waitMsSum += group.waitMsSum;
    sum.handlingMsSum += group.handlingMsSum;
    sum.pastTarget += group.pastTarget;
    sum.appointments += group.appointments;
    sum.expectedHandlingMsSum += group.expectedHandlingMsSum;
    sum.waits = [sum.waits, group.waits].filter((list) => list !== '').join(',');
    sum.handlings = [sum.handlings, group.handlings].filter((list) => list !== '').join(',');
  }
  return { served: [...summed.values()], ratings: ratings.map((r) => ({ ...r, key: department(r.key) })) };
}

/** Everything a breakdown by `by` needs from the span's tables. */
export function readSpan(store: SpanReportStore, by: ReportBy, from: string, to: string, setting: SpanSetting, names: Names): SpanRows {
  const served = new Map(store.servedDays(from, to).map((d) => [`${d.windowNo}|${d.date}`, d]));
  const windowEvents = store.windowEvents(from, to, [...names.windows.keys()]);
  const { timezone, openingHours, waitTargetMinutes } = setting.settings;
  const openTime = windowOpenTime({ from, serviceDays: store.serviceDays(from, to), timezone, openingHours, ...windowEvents, served, now: setting.now });
  const byWindowish = by === 'category' ? null : by;
  return {
    ...visitsBy(store, by, from, to, waitTargetMinutes, names),
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
    rows: orderedRows(by, folded.rows).map(([key, tally]) => ({ key, name: rowName(by, key, names), ...figuresOf(tally) })),
    hall: figuresOf(folded.hall),
  };
}
