import { dayAfter, monthSpan, previousMonth, WAIT_BAND_STARTS_MINUTES, type DepartmentLeaderDuty, type HallSettings, type MonthlyDepartment, type MonthlyReport, type MonthlyWindow, type PreviousMonth } from '@hall/shared';
import type { ReportDayStore } from '../db/report-day-store';
import type { SpanReportStore } from '../db/span-report-store';
import { leaderDutyStanding, type LastSittings } from '../domain/leader-duty-standing';
import { rankWindows, type WindowMonth } from './monthly-score';
import { SpanSource } from './report-days';
import { figuresOf, foldSpan, type SpanRows, type Tally } from './span-figures';
import { readNames, readSpan, spanContext, standingKeys, visitsBy, type Names, type SpanSetting } from './span-report';

// The monthly window report (月度通报, GET /api/reports/monthly): the month's windows ranked
// (monthly-score.ts), its departments with their leaders' duty, its staff, the hall's figures
// and the charts' series, each window and department beside what the previous month said.

export interface MonthSetting extends SpanSetting {
  settings: SpanSetting['settings'] & Pick<HallSettings, 'leaderDuty'>;
  /** Each department's leaders' last sittings on or before a day (the leader-duty store's). */
  lastSittings(asOf: string): LastSittings;
}

const mean = (total: number, count: number) => (count === 0 ? null : total / count);

/** A month's windows, departments and staff, folded and ranked. */
interface MonthFolds {
  from: string;
  to: string;
  base: SpanRows;
  staffWindows: Map<string, number[]>;
  windows: Map<string, Tally>;
  departments: Map<string, Tally>;
  staff: Map<string, Tally>;
  hall: Tally;
  standing: Map<string, DepartmentLeaderDuty>;
  ranks: Map<number, { rank: number | null; score: number | null }>;
}

/**
 * A month folded by window, department and staff member. `whole` false: the month before, read
 * only for what its windows' and departments' changes and ranks need (visits, ratings,
 * follow-ups), not for the figures the report does not show of it.
 */
function foldMonth(store: SpanReportStore, source: SpanSource, month: string, setting: MonthSetting, names: Names, whole: boolean): MonthFolds {
  const { from, to } = monthSpan(month);
  const context = spanContext(setting, names);
  const base: SpanRows = whole
    ? readSpan(store, source, 'window', from, to, setting, names)
    : {
        ...visitsBy(source, 'window', from, to, names),
        followUps: store.followUps(from, to),
        noShows: [],
        openTime: new Map(),
        onsite: [],
        appointments: [],
        issued: [],
        categoryTransfers: [],
        hallEvents: { transfers: 0, extendedService: 0 },
        calls: [],
        events: [],
      };
  const windows = foldSpan('window', base, context, standingKeys('window', names));
  const alsoBy = (by: 'department' | 'staff') => {
    const visits = visitsBy(source, by, from, to, names);
    const rows: SpanRows = { ...base, served: visits.served, ratings: visits.ratings, calls: whole ? visits.calls : [], events: whole ? visits.events : [] };
    return { rows, staffWindows: visits.staffWindows };
  };
  const departments = foldSpan('department', alsoBy('department').rows, context, standingKeys('department', names));
  const byStaff = whole ? alsoBy('staff') : null;
  const staff = byStaff ? foldSpan('staff', byStaff.rows, context, []) : null;
  const staffWindows = new Map<string, number[]>();
  for (const { staffNo, windowNo } of byStaff?.staffWindows ?? []) {
    const windowNos = staffWindows.get(staffNo) ?? [];
    // A staff member's windows come once per day written: each window once.
    if (!windowNos.includes(windowNo)) staffWindows.set(staffNo, [...windowNos, windowNo]);
  }
  const asOf = setting.today < to ? setting.today : to;
  const standing = new Map(
    leaderDutyStanding([...departments.rows.keys()], setting.lastSittings(asOf), setting.settings.leaderDuty, asOf).map((d) => [d.department, d]),
  );
  const months: WindowMonth[] = [...windows.rows].map(([key, t]) => ({
    windowNo: Number(key),
    served: t.served,
    averageWaitMs: mean(t.waitMsSum, t.served),
    averageHandlingMs: mean(t.handlingMsSum, t.served),
    expectedHandlingMs: mean(t.expectedHandlingMs, t.served),
    satisfactionRate: figuresOf(t).ratings.satisfactionRate,
    followUpsOnTime: t.followUps.closedOnTime,
    followUpsOpened: t.followUps.opened,
    leaderDuty: standing.get(context.departmentOf(Number(key))) ?? null,
  }));
  const ranks = new Map(rankWindows(months, setting.settings.waitTargetMinutes).map((r) => [r.windowNo, r]));
  return { from, to, base, staffWindows, windows: windows.rows, departments: departments.rows, staff: staff?.rows ?? new Map(), hall: windows.hall, standing, ranks };
}

function previousOf(tally: Tally | undefined, ranked: { rank: number | null; score: number | null } | undefined): PreviousMonth | null {
  if (!tally) return null;
  const figures = figuresOf(tally);
  return { rank: ranked?.rank ?? null, served: figures.served, averageWaitMinutes: figures.averageWaitMinutes, satisfactionRate: figures.ratings.satisfactionRate, score: ranked?.score ?? null };
}

export function monthlyReport(store: SpanReportStore, days: ReportDayStore, month: string, setting: MonthSetting): MonthlyReport {
  const names = readNames(store);
  const source = new SpanSource(store, days, setting, names);
  const now = foldMonth(store, source, month, setting, names, true);
  const before = foldMonth(store, source, previousMonth(month), setting, names, false);

  const windows: MonthlyWindow[] = [...now.windows].map(([key, tally]) => {
    const windowNo = Number(key);
    const f = figuresOf(tally);
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
      previous: previousOf(before.windows.get(key), before.ranks.get(windowNo)),
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
      const f = figuresOf(tally);
      const windowNos = new Set([...names.windows.values()].filter((w) => !w.removed && w.department === department).map((w) => w.no));
      for (const [key, window] of now.windows) if (window.served > 0 && names.windows.get(Number(key))?.department === department) windowNos.add(Number(key));
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
        previous: previousOf(before.departments.get(department), undefined),
      };
    });

  const staff = [...now.staff]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([staffNo, tally]) => {
      const f = figuresOf(tally);
      return {
        staffNo,
        name: names.staff.get(staffNo) ?? staffNo,
        windowNos: (now.staffWindows.get(staffNo) ?? []).sort((a, b) => a - b),
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
    waitTargetMinutes: setting.settings.waitTargetMinutes,
    windows,
    departments,
    staff,
    hall: figuresOf(now.hall),
    daily: dailySeries(now),
    waitBands: waitBands(now.hall),
    categories: categorySeries(now.base, names),
  };
}

function dailySeries(month: MonthFolds): MonthlyReport['daily'] {
  const days = new Map<string, { issued: number; served: number }>();
  // A month has at most 31 days, whatever its dates say.
  for (let date = month.from, n = 0; date <= month.to && n < 31; date = dayAfter(date), n += 1) days.set(date, { issued: 0, served: 0 });
  for (const { date, issued, served } of month.base.issued) {
    const day = days.get(date)!;
    day.issued += issued;
    day.served += served;
  }
  return [...days].map(([date, d]) => ({ date, ...d }));
}

function waitBands(hall: Tally): MonthlyReport['waitBands'] {
  const starts = WAIT_BAND_STARTS_MINUTES;
  const counts = starts.map(() => 0);
  for (const waits of hall.waits) {
    for (const waitMs of waits) {
      let band = starts.length - 1;
      while (waitMs < starts[band]! * 60_000) band -= 1;
      counts[band]! += 1;
    }
  }
  return starts.map((fromMinutes, i) => ({ fromMinutes, toMinutes: starts[i + 1] ?? null, count: counts[i]! }));
}

function categorySeries(rows: SpanRows, names: Names): MonthlyReport['categories'] {
  const series = new Map([...names.categories].map(([code, name]) => [code, { code, name, issued: 0, served: 0 }]));
  for (const { category, issued, served } of rows.issued) {
    let entry = series.get(category);
    if (!entry) series.set(category, (entry = { code: category, name: category, issued: 0, served: 0 }));
    entry.issued += issued;
    entry.served += served;
  }
  return [...series.values()];
}
