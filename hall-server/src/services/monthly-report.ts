import { dayAfter, WAIT_BAND_STARTS_MINUTES, type DepartmentLeaderDuty, type HallSettings, type MonthlyDepartment, type MonthlyReport, type MonthlyWindow, type PreviousMonth } from '@hall/shared';
import type { SpanReportStore } from '../db/span-report-store';
import { leaderDutyStanding } from '../domain/leader-duty-standing';
import { rankWindows, type WindowMonth } from './monthly-score';
import { figuresOf, foldSpan, type SpanRows, type Tally } from './span-figures';
import { readNames, readSpan, spanContext, standingKeys, type Names, type SpanSetting } from './span-report';

// The monthly window report (月度通报, GET /api/reports/monthly): the month's windows ranked
// (monthly-score.ts), its departments with their leaders' duty, its staff, the hall's figures
// and the charts' series, each window and department beside what the previous month said.

export interface MonthSetting extends SpanSetting {
  settings: SpanSetting['settings'] & Pick<HallSettings, 'leaderDuty'>;
}

/** The month's first and last day. */
export function monthSpan(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

const mean = (total: number, count: number) => (count === 0 ? null : total / count);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A month's windows, departments and staff, folded and ranked. */
interface MonthFolds {
  from: string;
  to: string;
  base: SpanRows;
  windows: Map<string, Tally>;
  departments: Map<string, Tally>;
  staff: Map<string, Tally>;
  hall: Tally;
  standing: Map<string, DepartmentLeaderDuty>;
  ranks: Map<number, { rank: number | null; score: number | null }>;
}

function foldMonth(store: SpanReportStore, month: string, setting: MonthSetting, names: Names): MonthFolds {
  const { from, to } = monthSpan(month);
  const context = spanContext(setting, names);
  const base = readSpan(store, 'window', from, to, setting, names);
  const windows = foldSpan('window', base, context, standingKeys('window', names));
  const departments = foldSpan('department', { ...base, calls: store.calledBy('department', from, to), events: store.eventsBy('department', from, to) }, context, standingKeys('department', names));
  const staff = foldSpan('staff', { ...base, calls: store.calledBy('staff', from, to), events: store.eventsBy('staff', from, to) }, context, []);
  const asOf = setting.today < to ? setting.today : to;
  const standing = new Map(
    leaderDutyStanding([...departments.rows.keys()], store.lastSittings(asOf), setting.settings.leaderDuty, asOf).map((d) => [d.department, d]),
  );
  const months: WindowMonth[] = [...windows.rows].map(([key, t]) => ({
    windowNo: Number(key),
    served: t.served,
    averageWaitMs: mean(sum(t.waits), t.waits.length),
    averageHandlingMs: mean(sum(t.handlings), t.handlings.length),
    expectedHandlingMs: mean(t.expectedHandlingMs, t.served),
    satisfactionRate: figuresOf(t, setting.settings.waitTargetMinutes).ratings.satisfactionRate,
    followUpsOnTime: t.followUps.closedOnTime,
    followUpsOpened: t.followUps.opened,
    leaderDuty: standing.get(context.departmentOf(Number(key))) ?? null,
  }));
  const ranks = new Map(rankWindows(months, setting.settings.waitTargetMinutes).map((r) => [r.windowNo, r]));
  return { from, to, base, windows: windows.rows, departments: departments.rows, staff: staff.rows, hall: windows.hall, standing, ranks };
}

function previousOf(tally: Tally | undefined, ranked: { rank: number | null; score: number | null } | undefined, target: number): PreviousMonth | null {
  if (!tally) return null;
  const figures = figuresOf(tally, target);
  return { rank: ranked?.rank ?? null, served: figures.served, averageWaitMinutes: figures.averageWaitMinutes, satisfactionRate: figures.ratings.satisfactionRate, score: ranked?.score ?? null };
}

export function monthlyReport(store: SpanReportStore, month: string, setting: MonthSetting): MonthlyReport {
  const names = readNames(store);
  const target = setting.settings.waitTargetMinutes;
  const now = foldMonth(store, month, setting, names);
  const before = foldMonth(store, previousMonth(month), setting, names);

  const windows: MonthlyWindow[] = [...now.windows].map(([key, tally]) => {
    const windowNo = Number(key);
    const f = figuresOf(tally, target);
    const ranked = now.ranks.get(windowNo);
    return {
      rank: ranked?.rank ?? null,
      windowNo,
      windowName: names.windows.get(windowNo)?.name ?? key,
      department: names.windows.get(windowNo)?.department ?? '',
      served: f.served,
      noShows: f.noShows,
      averageWaitMinutes: f.averageWaitMinutes,
      p90WaitMinutes: f.p90WaitMinutes,
      averageHandlingMinutes: f.averageHandlingMinutes,
      rated: f.ratings.rated,
      satisfactionRate: f.ratings.satisfactionRate,
      ratingCoverage: f.ratingCoverage,
      poorRatings: f.poorRatings,
      followUpsOnTime: f.followUps.closedOnTime,
      followUpsOpened: f.followUps.opened,
      score: ranked?.score ?? null,
      previous: previousOf(before.windows.get(key), before.ranks.get(windowNo), target),
    };
  });
  windows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.windowNo - b.windowNo);

  const visitsByRole = new Map<string, { head: number; deputy: number }>();
  for (const { department, role, count } of store.leaderVisits(now.from, now.to)) {
    const entry = visitsByRole.get(department) ?? { head: 0, deputy: 0 };
    entry[role] += count;
    visitsByRole.set(department, entry);
  }
  const departments: MonthlyDepartment[] = [...now.departments]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, tally]) => {
      const f = figuresOf(tally, target);
      const windowNos = new Set([...names.windows.values()].filter((w) => !w.removed && w.department === department).map((w) => w.no));
      for (const no of tally.windowNos) windowNos.add(no);
      return {
        department,
        windowNos: [...windowNos].sort((a, b) => a - b),
        served: f.served,
        averageWaitMinutes: f.averageWaitMinutes,
        averageHandlingMinutes: f.averageHandlingMinutes,
        rated: f.ratings.rated,
        satisfactionRate: f.ratings.satisfactionRate,
        ratingCoverage: f.ratingCoverage,
        poorRatings: f.poorRatings,
        followUpsOnTime: f.followUps.closedOnTime,
        followUpsOpened: f.followUps.opened,
        onsiteServices: f.onsiteServices,
        leaderVisits: visitsByRole.get(department) ?? { head: 0, deputy: 0 },
        leaderDuty: now.standing.get(department)!,
        previous: previousOf(before.departments.get(department), undefined, target),
      };
    });

  const staff = [...now.staff]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([staffNo, tally]) => {
      const f = figuresOf(tally, target);
      return {
        staffNo,
        name: names.staff.get(staffNo) ?? staffNo,
        windowNos: [...tally.windowNos].sort((a, b) => a - b),
        served: f.served,
        averageHandlingMinutes: f.averageHandlingMinutes,
        rated: f.ratings.rated,
        satisfactionRate: f.ratings.satisfactionRate,
        poorRatings: f.poorRatings,
      };
    });

  return {
    month,
    from: now.from,
    to: now.to,
    waitTargetMinutes: target,
    windows,
    departments,
    staff,
    hall: figuresOf(now.hall, target),
    daily: dailySeries(now),
    waitBands: waitBands(now.base),
    categories: categorySeries(now.base, names),
  };
}

function dailySeries(month: MonthFolds): MonthlyReport['daily'] {
  const days = new Map<string, { issued: number; served: number }>();
  for (let date = month.from; date <= month.to; date = dayAfter(date)) days.set(date, { issued: 0, served: 0 });
  for (const { date, issued } of month.base.issued) days.get(date)!.issued += issued;
  for (const visit of month.base.visits) days.get(visit.date)!.served += 1;
  return [...days].map(([date, d]) => ({ date, ...d }));
}

function waitBands(rows: SpanRows): MonthlyReport['waitBands'] {
  const starts = WAIT_BAND_STARTS_MINUTES;
  const counts = starts.map(() => 0);
  for (const { waitMs } of rows.visits) {
    let band = starts.length - 1;
    while (waitMs < starts[band]! * 60_000) band -= 1;
    counts[band]! += 1;
  }
  return starts.map((fromMinutes, i) => ({ fromMinutes, toMinutes: starts[i + 1] ?? null, count: counts[i]! }));
}

function categorySeries(rows: SpanRows, names: Names): MonthlyReport['categories'] {
  const series = new Map([...names.categories].map(([code, name]) => [code, { code, name, issued: 0, served: 0 }]));
  const entry = (code: string) => {
    let e = series.get(code);
    if (!e) series.set(code, (e = { code, name: code, issued: 0, served: 0 }));
    return e;
  };
  for (const { category, issued } of rows.issued) entry(category).issued += issued;
  for (const visit of rows.visits) entry(visit.category).served += 1;
  return [...series.values()];
}
