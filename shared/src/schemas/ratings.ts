import { z } from 'zod';
import { CategoryCode, StaffNo, WindowNo } from './hall';
import { EvaluationChannel, RecordedReason, SatisfactionLevel } from './evaluations';
import { Month } from './reports';
import { spanQuery } from './span';

// 好差评 published and handed on (issue 16): every rating of a span for the provincial 好差评
// platform, and the month's results per window for anyone to read. README "好差评 export"
// names every field. Neither carries the visitor's call-back number; the public one carries
// nothing about any visitor at all.

const Instant = z.iso.datetime();
const LocalDate = z.iso.date();
const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1).nullable();

export const RatingsExportFormat = z.enum(['json', 'xlsx']);
export type RatingsExportFormat = z.infer<typeof RatingsExportFormat>;

/** `GET /api/evaluations/export?from&to&format=json|xlsx`: the service days from..to. */
export const RatingsExportQuery = spanQuery({ format: RatingsExportFormat.default('json') });
export type RatingsExportQuery = z.infer<typeof RatingsExportQuery>;

/**
 * Where a rating's 整改 stands, as of the export: `none` (not a poor rating); `open` (nobody has
 * called the visitor back yet); `called_back` (called back, the fix not yet recorded); `closed_on_time`
 * / `closed_late` (fixed by / after the fix deadline); `overdue` (not fixed, and a deadline whose
 * step is not done has passed).
 */
export const RatingFollowUpState = z.enum(['none', 'open', 'called_back', 'closed_on_time', 'closed_late', 'overdue']);
export type RatingFollowUpState = z.infer<typeof RatingFollowUpState>;

/** One rating as handed to the province (一次一评、一事一评: one matter, one service item). */
export const ExportedRating = z.object({
  /** When the visitor rated (UTC), and the same in the hall's time zone, `2026-12-07 09:31:05`. */
  ratedAt: Instant,
  ratedAtLocal: z.string(),
  serviceDate: LocalDate,
  /** The ticket's number that day (A001): the hall's, not the visitor's. */
  number: z.string(),
  level: SatisfactionLevel,
  /** 非常满意 … 非常不满意, the national wording. */
  levelName: z.string(),
  stars: z.number().int().min(1).max(5),
  reasons: z.array(RecordedReason),
  reasonNames: z.array(z.string()),
  channel: EvaluationChannel,
  windowNo: WindowNo,
  windowName: z.string(),
  department: z.string(),
  staffNo: StaffNo,
  category: CategoryCode,
  categoryName: z.string(),
  /** The 事项 staff chose at 办结 (null: none chosen); its name as the set-up lists it now. */
  itemCode: z.string().nullable(),
  itemName: z.string().nullable(),
  /** 办件编号. */
  caseNo: z.string().nullable(),
  followUp: RatingFollowUpState,
});
export type ExportedRating = z.infer<typeof ExportedRating>;

export const RatingsExport = z.object({
  from: LocalDate,
  to: LocalDate,
  generatedAt: Instant,
  timezone: z.string(),
  ratings: z.array(ExportedRating),
});
export type RatingsExport = z.infer<typeof RatingsExport>;

/** `GET /api/public/ratings?month=2026-12`. */
export const PublicRatingsQuery = z.strictObject({ month: Month });
export type PublicRatingsQuery = z.infer<typeof PublicRatingsQuery>;

/** A window's month as published: no visitor, no staff member, only the window's figures. */
export const PublicWindowRatings = z.object({
  windowNo: WindowNo,
  windowName: z.string(),
  department: z.string(),
  rated: Count,
  /** (非常满意 + 满意 + 基本满意) / rated; null with no rating. */
  satisfactionRate: Share,
  /** 不满意 and 非常不满意. */
  poorRatings: Count,
  /** Of those, fixed (整改) by their deadline. */
  rectifiedOnTime: Count,
});
export type PublicWindowRatings = z.infer<typeof PublicWindowRatings>;

export const PublicRatings = z.object({
  month: Month,
  hall: z.string(),
  windows: z.array(PublicWindowRatings),
  totals: PublicWindowRatings.pick({ rated: true, satisfactionRate: true, poorRatings: true, rectifiedOnTime: true }),
});
export type PublicRatings = z.infer<typeof PublicRatings>;
