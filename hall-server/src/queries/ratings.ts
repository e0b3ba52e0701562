import { localDateTime, t, type ExportedRating, type Month, type MonthlyReport, type PublicRatings, type RatingsExport } from '@hall/shared';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportedRatingRow, RatingsCursor } from '../db/ratings-export-store';
import { ratingFollowUpState } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { reportQueries } from './reports';

// 好差评 published and handed on: the span's ratings for the provincial platform, read a page at
// a time so a busy month (thousands of ratings) never sits in memory whole and the hall's commands
// run between two pages; and the month's results per window for anyone to read, a projection of
// the monthly report (its figures, counted once, in one place).

const PAGE = 500;

function exported(row: ExportedRatingRow, timezone: string, today: string): ExportedRating {
  return {
    ratedAt: new Date(row.ratedAt).toISOString(),
    ratedAtLocal: localDateTime(row.ratedAt, timezone),
    serviceDate: row.serviceDate,
    number: row.number,
    level: row.level,
    // The national wording: the province's platform is Chinese whatever the reader's language.
    levelName: t('zh-CN', `evaluation.level.${row.level}`),
    stars: row.stars,
    reasons: [...row.reasons],
    reasonNames: row.reasons.map((reason) => t('zh-CN', `evaluation.reason.${reason}`)),
    channel: row.channel,
    windowNo: row.windowNo,
    windowName: row.windowName ?? String(row.windowNo),
    department: row.department ?? '',
    staffNo: row.staffNo,
    category: row.category,
    categoryName: row.categoryName ?? row.category,
    itemCode: row.itemCode,
    itemName: row.itemCode === null ? null : (row.itemName ?? null),
    caseNo: row.caseNo,
    followUp: ratingFollowUpState(
      row.followUp && {
        callbackDue: row.followUp.callbackDue,
        fixDue: row.followUp.fixDue,
        callback: row.followUp.callbackAt === null ? null : { at: row.followUp.callbackAt },
        fix: row.followUp.fixAt === null ? null : { at: row.followUp.fixAt },
      },
      today,
      timezone,
    ),
  };
}

export type ExportHead = Omit<RatingsExport, 'ratings'>;

/** The ratings of service days from..to in the order given, a page at a time. */
async function* pagesOf(rt: HallRuntime, from: string, to: string, timezone: string, today: string): AsyncGenerator<ExportedRating[]> {
  let cursor: RatingsCursor | null = null;
  for (;;) {
    const rows = rt.stores.ratingsExport.page(from, to, PAGE, cursor);
    if (rows.length > 0) yield rows.map((row) => exported(row, timezone, today));
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    cursor = { ratedAt: last.ratedAt, ticketId: last.ticketId };
    await nextTurn();
  }
}

/** The public page and every hall screen ask for the same month: it is worked out at most this often. */
const PUBLIC_FRESH_MS = 60_000;

/** What the rules ask to publish (results and rectifications), and nothing about any visitor or staff member. */
function published(report: MonthlyReport, hall: string): PublicRatings {
  const windows = report.windows
    .map((w) => ({
      windowNo: w.windowNo,
      windowName: w.windowName,
      department: w.department,
      rated: w.rated,
      satisfactionRate: w.satisfactionRate,
      poorRatings: w.poorRatings,
      rectifiedOnTime: w.followUpsOnTime,
    }))
    .sort((a, b) => a.windowNo - b.windowNo);
  const { ratings, poorRatings, followUps } = report.hall;
  return {
    month: report.month,
    hall,
    windows,
    totals: { rated: ratings.rated, satisfactionRate: ratings.satisfactionRate, poorRatings, rectifiedOnTime: followUps.closedOnTime },
  };
}

export const ratingsQueries = (rt: HallRuntime) => {
  const reports = reportQueries(rt);
  const fresh = new Map<string, { at: number; ratings: PublicRatings }>();
  return {
    /** `GET /api/public/ratings`: the month's results per window and the hall's totals. */
    publicRatings(month: Month): PublicRatings {
      const now = rt.now();
      const kept = fresh.get(month);
      if (kept && now - kept.at < PUBLIC_FRESH_MS && now >= kept.at) return kept.ratings;
      const ratings = published(reports.monthlyReport(month), rt.state.setup.settings.name);
      // Only a few months are ever asked for: a crawler asking for others pushes out the oldest, one at a time.
      if (fresh.size >= 24) fresh.delete(fresh.keys().next().value!);
      fresh.set(month, { at: now, ratings });
      return ratings;
    },
    /** The export's head (span, when, the hall's time zone) and its ratings, read as they are written out. */
    ratingsExport(from: string, to: string): { head: ExportHead; pages: AsyncGenerator<ExportedRating[]> } {
      const timezone = rt.state.setup.settings.timezone;
      const today = rt.today();
      return { head: { from, to, generatedAt: new Date(rt.now()).toISOString(), timezone }, pages: pagesOf(rt, from, to, timezone, today) };
    },
  };
};
