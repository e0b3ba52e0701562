import type { EvaluationChannel, HallReport, SatisfactionLevel, StaffView } from '@hall/shared';
import { satisfactionFigures } from '../domain';
import type { LevelCount, ReportCounts } from '../db/report-store';

// The hall's report over a span of service days, from the counts the report store reads.

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

/** Level counts summed: a window's come once per channel. */
function levelMap(levels: readonly LevelCount[]): Partial<Record<SatisfactionLevel, number>> {
  const sums: Partial<Record<SatisfactionLevel, number>> = {};
  for (const { level, count } of levels) sums[level] = (sums[level] ?? 0) + count;
  return sums;
}

export interface ReportNames {
  windowName(no: number): string;
  staff(staffNo: string): StaffView;
}

export function hallReport(from: string, to: string, counts: ReportCounts, names: ReportNames): HallReport {
  const byChannel: Record<EvaluationChannel, number> = { pad: 0, phone: 0 };
  for (const { channel, count } of counts.channels) byChannel[channel] = count;
  return {
    from,
    to,
    issued: counts.issued,
    noShows: counts.noShows,
    averageWaitMinutes: minutes(counts.averageWaitMs),
    averageHandlingMinutes: minutes(counts.averageHandlingMs),
    satisfaction: satisfactionFigures(counts.served, levelMap(counts.levels)),
    byChannel,
    byWindow: counts.windows
      .map((w) => ({ windowNo: w.key, windowName: names.windowName(w.key), ...satisfactionFigures(w.served, levelMap(w.levels)) }))
      .sort((a, b) => a.windowNo - b.windowNo),
    byStaff: counts.staff
      .map((s) => ({ staff: names.staff(s.key), ...satisfactionFigures(s.served, levelMap(s.levels)) }))
      .sort((a, b) => a.staff.staffNo.localeCompare(b.staff.staffNo)),
    followUps: counts.followUps,
    followUpsNow: counts.followUpsNow,
  };
}
