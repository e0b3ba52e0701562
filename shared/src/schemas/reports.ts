import { z } from 'zod';
import { CategoryCode, StaffNo, WindowNo } from './hall';
import { EvaluationChannel, SatisfactionFigures } from './evaluations';
import { DepartmentLeaderDuty } from './leader-duty';
import { spanQuery } from './span';

// The office's reports (issue 16): any span by window, department, category or staff member, and
// the monthly window report (月度通报) that ranks the windows. Days and months are the hall's
// local service days (Asia/Shanghai by default). How each figure is counted is in docs/REPORTS.md.

const LocalDate = z.iso.date();
const Count = z.number().int().min(0);
const Minutes = z.number().min(0).nullable();
const Share = z.number().min(0).max(1).nullable();

/** What a span's figures are broken down by. */
export const ReportBy = z.enum(['window', 'department', 'category', 'staff']);
export type ReportBy = z.infer<typeof ReportBy>;

/** `GET /api/reports/summary?from&to&by=`. */
export const SummaryQuery = spanQuery({ by: ReportBy.default('window') });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** 整改 of the span's poor ratings, as they stand now. */
export const FollowUpFigures = z.object({
  opened: Count,
  open: Count,
  /** Still open past its fix deadline, or closed after it. */
  overdue: Count,
  closedOnTime: Count,
  closedLate: Count,
});
export type FollowUpFigures = z.infer<typeof FollowUpFigures>;

/** The figures of one row of a report (a window, department, category, staff member, or the whole hall). */
export const ReportFigures = z.object({
  issued: Count,
  served: Count,
  noShows: Count,
  transfersIn: Count,
  transfersOut: Count,
  averageWaitMinutes: Minutes,
  p90WaitMinutes: Minutes,
  averageHandlingMinutes: Minutes,
  p90HandlingMinutes: Minutes,
  /** Served visitors who waited longer than the hall's target (HallSettings.waitTargetMinutes), and their share of those served. */
  waitedPastTarget: Count,
  waitedPastTargetShare: Share,
  /** Serving time over open time (signed in and not paused); null where no window time applies. */
  utilisation: Share,
  extendedServiceSessions: Count,
  appointmentsKept: Count,
  appointmentsMissed: Count,
  onsiteServices: Count,
  ratings: SatisfactionFigures,
  ratingsByChannel: z.record(EvaluationChannel, Count),
  /** 主动评价率: rated / served. */
  ratingCoverage: Share,
  poorRatings: Count,
  followUps: FollowUpFigures,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const SummaryRow = ReportFigures.extend({
  /** The window number, department name, category code or staff number, as a string. */
  key: z.string(),
  /** What the office calls it: the window's name, the department, the category's name, the person's name. */
  name: z.string(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const SummaryReport = z.object({
  from: LocalDate,
  to: LocalDate,
  by: ReportBy,
  waitTargetMinutes: z.number().int(),
  rows: z.array(SummaryRow),
  hall: ReportFigures,
});
export type SummaryReport = z.infer<typeof SummaryReport>;

// ---- the monthly window report (月度通报) ----------------------------------------------

/** A month of the hall's service, 2000-01 to 2099-12 (as HallDate). */
export const Month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM, from 2000 to 2099');
export type Month = z.infer<typeof Month>;

export const MonthlyQuery = z.strictObject({ month: Month });
export type MonthlyQuery = z.infer<typeof MonthlyQuery>;

/** What the previous month's report said of the same row: the month's changes are worked out from it. */
export const PreviousMonth = z.object({
  rank: z.number().int().min(1).nullable(),
  served: Count,
  averageWaitMinutes: Minutes,
  satisfactionRate: Share,
  score: z.number().nullable(),
});
export type PreviousMonth = z.infer<typeof PreviousMonth>;

export const MonthlyWindow = z.object({
  /** 1 = best; null for a window that served nobody in the month (listed last, unranked). */
  rank: z.number().int().min(1).nullable(),
  windowNo: WindowNo,
  windowName: z.string(),
  department: z.string(),
  served: Count,
  noShows: Count,
  averageWaitMinutes: Minutes,
  p90WaitMinutes: Minutes,
  averageHandlingMinutes: Minutes,
  rated: Count,
  satisfactionRate: Share,
  ratingCoverage: Share,
  poorRatings: Count,
  /** Follow-ups of the month's poor ratings closed by their deadline, of those opened. */
  followUpsOnTime: Count,
  followUpsOpened: Count,
  /** 0..100 by the formula in docs/REPORTS.md (MONTHLY_SCORE_WEIGHTS); null when unranked. */
  score: z.number().min(0).max(100).nullable(),
  previous: PreviousMonth.nullable(),
});
export type MonthlyWindow = z.infer<typeof MonthlyWindow>;

export const MonthlyDepartment = z.object({
  department: z.string(),
  windowNos: z.array(WindowNo),
  served: Count,
  averageWaitMinutes: Minutes,
  averageHandlingMinutes: Minutes,
  rated: Count,
  satisfactionRate: Share,
  ratingCoverage: Share,
  poorRatings: Count,
  followUpsOnTime: Count,
  followUpsOpened: Count,
  onsiteServices: Count,
  /** The month's sittings by the head and by deputies, and the standing as of the month's end (or today). */
  leaderVisits: z.object({ head: Count, deputy: Count }),
  leaderDuty: DepartmentLeaderDuty,
  previous: PreviousMonth.nullable(),
});
export type MonthlyDepartment = z.infer<typeof MonthlyDepartment>;

export const MonthlyStaff = z.object({
  staffNo: StaffNo,
  name: z.string(),
  windowNos: z.array(WindowNo),
  served: Count,
  averageHandlingMinutes: Minutes,
  rated: Count,
  satisfactionRate: Share,
  poorRatings: Count,
});
export type MonthlyStaff = z.infer<typeof MonthlyStaff>;

/** Served visitors by how long they waited, for the chart: [fromMinutes, toMinutes), the last open-ended. */
export const WaitBand = z.object({ fromMinutes: z.number().int().min(0), toMinutes: z.number().int().nullable(), count: Count });
export type WaitBand = z.infer<typeof WaitBand>;

export const MonthlyReport = z.object({
  month: Month,
  /** The month's first and last service day. */
  from: LocalDate,
  to: LocalDate,
  waitTargetMinutes: z.number().int(),
  windows: z.array(MonthlyWindow),
  departments: z.array(MonthlyDepartment),
  staff: z.array(MonthlyStaff),
  hall: ReportFigures,
  daily: z.array(z.object({ date: LocalDate, issued: Count, served: Count })),
  waitBands: z.array(WaitBand),
  categories: z.array(z.object({ code: CategoryCode, name: z.string(), issued: Count, served: Count })),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

// ---- the ranking's formula (docs/REPORTS.md), for the server and for the pages that show it ----

/**
 * The monthly score's parts and their weights (they add up to 100). Each part is a figure of
 * 0..1 (docs/REPORTS.md): volume = served / the month's most served window; waiting =
 * 1 − average wait / (2 × the wait target), at least 0; handling = the categories' configured
 * handling time / the window's average, at most 1; satisfaction = the satisfaction rate (0 with
 * no rating); follow-ups = closed on time / opened (1 with none opened); leader duty = half for
 * the department's head and half for its deputy not overdue at the month's end.
 */
export const MONTHLY_SCORE_WEIGHTS = {
  volume: 20,
  waiting: 20,
  handling: 15,
  satisfaction: 25,
  followUps: 10,
  leaderDuty: 10,
} as const;
export type MonthlyScorePart = keyof typeof MONTHLY_SCORE_WEIGHTS;

/** The monthly report's waiting chart: served visitors by minutes waited, bands starting here (the last open-ended). */
export const WAIT_BAND_STARTS_MINUTES = [0, 5, 10, 15, 20, 30, 45, 60] as const;
