import { SatisfactionLevel, t, type Locale, type MessageKey, type MonthlyDepartment, type MonthlyReport, type MonthlyStaff, type MonthlyWindow } from '@hall/shared';

// The monthly window report's (月度通报) tables as the exports write them: each sheet's columns,
// in order, with their headers, what kind of number each holds and how to read it from the
// report. The workbook and the CSV file both write from here, so they cannot disagree.

/** How a column's numbers read: counts, minutes to one decimal, shares as percentages, the 0..100 score, a change of rank. */
export type ColumnKind = 'text' | 'count' | 'minutes' | 'percent' | 'score' | 'rankChange';

export interface Column<Row> {
  header: MessageKey;
  kind: ColumnKind;
  /** Width in characters (a Chinese character counts two). */
  width: number;
  value(row: Row, locale: Locale): string | number | null;
}

export interface Table<Row> {
  /** The sheet's name. */
  name: MessageKey;
  columns: readonly Column<Row>[];
  rows(report: MonthlyReport): readonly Row[];
  /** A row whose cells the office should see in red (a leader overdue). */
  alert?(row: Row): boolean;
}

const col = <Row>(header: MessageKey, kind: ColumnKind, width: number, value: Column<Row>['value']): Column<Row> => ({ header, kind, width, value });

/** Places moved up since last month (positive is better); null when either month is unranked. */
export function rankChange(row: MonthlyWindow): number | null {
  return row.rank === null || row.previous?.rank == null ? null : row.previous.rank - row.rank;
}

/** The windows as the report lists them: its ranking, best first, the unranked last. */
const rankedWindows = (report: MonthlyReport) => report.windows;

const windowNos = (nos: readonly number[]) => nos.join('、');

export const WINDOWS_TABLE: Table<MonthlyWindow> = {
  name: 'monthly.sheet.windows',
  rows: rankedWindows,
  columns: [
    col('monthly.col.rank', 'count', 8, (w) => w.rank),
    col('monthly.col.rankChange', 'rankChange', 12, rankChange),
    col('monthly.col.score', 'score', 9, (w) => w.score),
    col('monthly.col.windowNo', 'count', 8, (w) => w.windowNo),
    col('monthly.col.windowName', 'text', 18, (w) => w.windowName),
    col('monthly.col.department', 'text', 18, (w) => w.department),
    col('monthly.col.served', 'count', 9, (w) => w.served),
    col('monthly.col.servedLastMonth', 'count', 11, (w) => w.previous?.served ?? null),
    col('monthly.col.noShows', 'count', 8, (w) => w.noShows),
    col('monthly.col.averageWait', 'minutes', 14, (w) => w.averageWaitMinutes),
    col('monthly.col.p90Wait', 'minutes', 14, (w) => w.p90WaitMinutes),
    col('monthly.col.averageHandling', 'minutes', 14, (w) => w.averageHandlingMinutes),
    col('monthly.col.rated', 'count', 9, (w) => w.rated),
    col('monthly.col.ratingCoverage', 'percent', 12, (w) => w.ratingCoverage),
    col('monthly.col.satisfactionRate', 'percent', 10, (w) => w.satisfactionRate),
    col('monthly.col.poorRatings', 'count', 8, (w) => w.poorRatings),
    col('monthly.col.followUpsOpened', 'count', 10, (w) => w.followUpsOpened),
    col('monthly.col.followUpsOnTime', 'count', 10, (w) => w.followUpsOnTime),
  ],
};

const standing = (overdue: boolean, locale: Locale) => t(locale, overdue ? 'monthly.overdue' : 'monthly.kept');

export const DEPARTMENTS_TABLE: Table<MonthlyDepartment> = {
  name: 'monthly.sheet.departments',
  rows: (report) => report.departments,
  alert: (d) => d.leaderDuty.head.overdue || d.leaderDuty.deputy.overdue,
  columns: [
    col('monthly.col.department', 'text', 18, (d) => d.department),
    col('monthly.col.windowNos', 'text', 12, (d) => windowNos(d.windowNos)),
    col('monthly.col.served', 'count', 9, (d) => d.served),
    col('monthly.col.servedLastMonth', 'count', 11, (d) => d.previous?.served ?? null),
    col('monthly.col.averageWait', 'minutes', 14, (d) => d.averageWaitMinutes),
    col('monthly.col.averageHandling', 'minutes', 14, (d) => d.averageHandlingMinutes),
    col('monthly.col.rated', 'count', 9, (d) => d.rated),
    col('monthly.col.ratingCoverage', 'percent', 12, (d) => d.ratingCoverage),
    col('monthly.col.satisfactionRate', 'percent', 10, (d) => d.satisfactionRate),
    col('monthly.col.poorRatings', 'count', 8, (d) => d.poorRatings),
    col('monthly.col.followUpsOnTime', 'count', 10, (d) => d.followUpsOnTime),
    col('monthly.col.onsiteServices', 'count', 10, (d) => d.onsiteServices),
    col('monthly.col.headStanding', 'text', 14, (d, locale) => standing(d.leaderDuty.head.overdue, locale)),
    col('monthly.col.deputyStanding', 'text', 14, (d, locale) => standing(d.leaderDuty.deputy.overdue, locale)),
  ],
};

export const STAFF_TABLE: Table<MonthlyStaff> = {
  name: 'monthly.sheet.staff',
  rows: (report) => report.staff,
  columns: [
    col('monthly.col.staffNo', 'text', 10, (s) => s.staffNo),
    col('monthly.col.staffName', 'text', 12, (s) => s.name),
    col('monthly.col.windowNos', 'text', 12, (s) => windowNos(s.windowNos)),
    col('monthly.col.served', 'count', 9, (s) => s.served),
    col('monthly.col.averageHandling', 'minutes', 14, (s) => s.averageHandlingMinutes),
    col('monthly.col.rated', 'count', 9, (s) => s.rated),
    col('monthly.col.satisfactionRate', 'percent', 10, (s) => s.satisfactionRate),
    col('monthly.col.poorRatings', 'count', 8, (s) => s.poorRatings),
  ],
};

/** 好差评: each window's ratings and their 整改, in the ranking's order. */
export const RATINGS_TABLE: Table<MonthlyWindow> = {
  name: 'monthly.sheet.ratings',
  rows: rankedWindows,
  columns: [
    col('monthly.col.windowNo', 'count', 8, (w) => w.windowNo),
    col('monthly.col.windowName', 'text', 18, (w) => w.windowName),
    col('monthly.col.department', 'text', 18, (w) => w.department),
    col('monthly.col.served', 'count', 9, (w) => w.served),
    col('monthly.col.rated', 'count', 9, (w) => w.rated),
    col('monthly.col.ratingCoverage', 'percent', 12, (w) => w.ratingCoverage),
    col('monthly.col.satisfactionRate', 'percent', 10, (w) => w.satisfactionRate),
    col('monthly.col.satisfactionLastMonth', 'percent', 12, (w) => w.previous?.satisfactionRate ?? null),
    col('monthly.col.poorRatings', 'count', 8, (w) => w.poorRatings),
    col('monthly.col.followUpsOpened', 'count', 10, (w) => w.followUpsOpened),
    col('monthly.col.followUpsOnTime', 'count', 10, (w) => w.followUpsOnTime),
  ],
};

/** The hall's ratings by level, written under the 好差评 sheet's windows. */
export function ratingLevels(report: MonthlyReport): { level: MessageKey; count: number }[] {
  return SatisfactionLevel.options.map((level) => ({ level: `evaluation.level.${level}` as const, count: report.hall.ratings.levels[level] ?? 0 }));
}

export const LEADER_DUTY_TABLE: Table<MonthlyDepartment> = {
  name: 'monthly.sheet.leaderDuty',
  rows: (report) => report.departments,
  alert: DEPARTMENTS_TABLE.alert,
  columns: [
    col('monthly.col.department', 'text', 18, (d) => d.department),
    col('monthly.col.headVisits', 'count', 14, (d) => d.leaderVisits.head),
    col('monthly.col.headLastVisit', 'text', 14, (d) => d.leaderDuty.head.lastVisit),
    col('monthly.col.headDueBy', 'text', 14, (d) => d.leaderDuty.head.dueBy),
    col('monthly.col.headStanding', 'text', 14, (d, locale) => standing(d.leaderDuty.head.overdue, locale)),
    col('monthly.col.deputyVisits', 'count', 14, (d) => d.leaderVisits.deputy),
    col('monthly.col.deputyLastVisit', 'text', 14, (d) => d.leaderDuty.deputy.lastVisit),
    col('monthly.col.deputyDueBy', 'text', 14, (d) => d.leaderDuty.deputy.dueBy),
    col('monthly.col.deputyStanding', 'text', 14, (d, locale) => standing(d.leaderDuty.deputy.overdue, locale)),
  ],
};

/** The title over every sheet: the hall and the month. */
export function monthlyTitle(report: MonthlyReport, hallName: string, locale: Locale): string {
  const [year, month] = report.month.split('-');
  return t(locale, 'monthly.fileTitle', { hall: hallName, year: year!, month: Number(month) });
}
