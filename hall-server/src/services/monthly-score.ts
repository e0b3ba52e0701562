import { MONTHLY_SCORE_WEIGHTS, type DepartmentLeaderDuty, type MonthlyScorePart } from '@hall/shared';

// The monthly window report's ranking (月度通报): each window's score, 0..100, is the weighted
// sum of six parts of 0..1 (MONTHLY_SCORE_WEIGHTS, shared, so the pages can show the formula;
// docs/REPORTS.md). Only a window that served someone in the month is ranked.

export interface WindowMonth {
  windowNo: number;
  served: number;
  /** Exact means, before any rounding for display. */
  averageWaitMs: number | null;
  averageHandlingMs: number | null;
  /** The mean of the configured handling time of the categories it served, visit by visit. */
  expectedHandlingMs: number | null;
  satisfactionRate: number | null;
  followUpsOnTime: number;
  followUpsOpened: number;
  leaderDuty: DepartmentLeaderDuty | null;
}

export function scoreParts(window: WindowMonth, mostServed: number, waitTargetMinutes: number): Record<MonthlyScorePart, number> {
  const waitMinutes = (window.averageWaitMs ?? 0) / 60_000;
  const handling = window.averageHandlingMs;
  const duty = window.leaderDuty;
  return {
    volume: mostServed === 0 ? 0 : window.served / mostServed,
    waiting: Math.max(0, 1 - waitMinutes / (2 * waitTargetMinutes)),
    handling: handling === null || handling === 0 || window.expectedHandlingMs === null ? 1 : Math.min(1, window.expectedHandlingMs / handling),
    satisfaction: window.satisfactionRate ?? 0,
    followUps: window.followUpsOpened === 0 ? 1 : window.followUpsOnTime / window.followUpsOpened,
    leaderDuty: duty === null ? 0 : (duty.head.overdue ? 0 : 0.5) + (duty.deputy.overdue ? 0 : 0.5),
  };
}

export interface Ranked {
  windowNo: number;
  rank: number | null;
  score: number | null;
}

/**
 * Scores rounded to one decimal, ranked best first; ties go to the window that served more,
 * then the shorter average wait, then the lower window number. Windows that served nobody are
 * unranked (rank and score null), listed last by number.
 */
export function rankWindows(windows: readonly WindowMonth[], waitTargetMinutes: number): Ranked[] {
  const mostServed = Math.max(0, ...windows.map((w) => w.served));
  const scored = windows
    .filter((w) => w.served > 0)
    .map((w) => {
      const parts = scoreParts(w, mostServed, waitTargetMinutes);
      const score = (Object.keys(MONTHLY_SCORE_WEIGHTS) as MonthlyScorePart[]).reduce((sum, part) => sum + MONTHLY_SCORE_WEIGHTS[part] * parts[part], 0);
      return { window: w, score: Math.round(score * 10) / 10 };
    })
    .sort(
      (a, b) =>
        b.score - a.score || b.window.served - a.window.served || (a.window.averageWaitMs ?? 0) - (b.window.averageWaitMs ?? 0) || a.window.windowNo - b.window.windowNo,
    );
  const unranked = windows.filter((w) => w.served === 0).sort((a, b) => a.windowNo - b.windowNo);
  return [
    ...scored.map(({ window, score }, index) => ({ windowNo: window.windowNo, rank: index + 1, score })),
    ...unranked.map((w) => ({ windowNo: w.windowNo, rank: null, score: null })),
  ];
}
