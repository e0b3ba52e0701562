import type { EvaluationChannel, SatisfactionLevel } from '@hall/shared';
import type { Db } from './connection';
import { OVERDUE_SQL } from './evaluation-store';

// The counts behind the hall's reports, straight from the tables, over a span of service days.
// Figures are worked out from these by the domain (satisfactionFigures).

export interface LevelCount {
  level: SatisfactionLevel;
  count: number;
}

export interface ReportCounts {
  issued: number;
  served: number;
  noShows: number;
  averageWaitMs: number | null;
  averageHandlingMs: number | null;
  levels: LevelCount[];
  channels: { channel: EvaluationChannel; count: number }[];
  /** Served (asked for a rating) and rated, per window and per staff member. */
  windows: Breakdown<number>[];
  staff: Breakdown<string>[];
  followUps: { opened: number; open: number; overdue: number; closed: number };
  followUpsNow: { open: number; overdue: number };
}

export interface Breakdown<K> {
  key: K;
  served: number;
  levels: LevelCount[];
}

interface EvaluationGroup {
  windowNo: number;
  staffNo: string;
  /** Null while not rated. */
  level: SatisfactionLevel | null;
  channel: EvaluationChannel | null;
  count: number;
}

/** Groups folded into served (asked for a rating) and rated levels per window or staff member. */
function fold<K>(groups: readonly EvaluationGroup[], keyOf: (group: EvaluationGroup) => K): Breakdown<K>[] {
  const byKey = new Map<K, Breakdown<K>>();
  for (const group of groups) {
    const key = keyOf(group);
    const entry = byKey.get(key) ?? { key, served: 0, levels: [] };
    entry.served += group.count;
    if (group.level !== null) entry.levels.push({ level: group.level, count: group.count });
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** The rated groups' counts summed by level and by channel. */
function ratedTotals(groups: readonly EvaluationGroup[]): Pick<ReportCounts, 'levels' | 'channels'> {
  const levels = new Map<SatisfactionLevel, number>();
  const channels = new Map<EvaluationChannel, number>();
  for (const { level, channel, count } of groups) {
    if (level === null || channel === null) continue;
    levels.set(level, (levels.get(level) ?? 0) + count);
    channels.set(channel, (channels.get(channel) ?? 0) + count);
  }
  return {
    levels: [...levels].map(([level, count]) => ({ level, count })),
    channels: [...channels].map(([channel, count]) => ({ channel, count })),
  };
}

export class ReportStore {
  private readonly statements;

  constructor(db: Db) {
    const span = 'service_date BETWEEN @from AND @to';
    this.statements = {
      tickets: db.prepare(`
        SELECT COUNT(*) AS issued,
          SUM(status = 'finished') AS served,
          SUM(status = 'no_show') AS noShows,
          AVG(CASE WHEN status = 'finished' THEN called_at - issued_at END) AS averageWaitMs,
          AVG(CASE WHEN status = 'finished' THEN finished_at - called_at END) AS averageHandlingMs
        FROM tickets WHERE ${span}`),
      // One walk over the span's ratings serves the hall's levels, channels, windows and staff.
      evaluations: db.prepare(`
        SELECT window_no AS windowNo, staff_no AS staffNo,
          CASE WHEN status = 'rated' THEN level END AS level,
          CASE WHEN status = 'rated' THEN channel END AS channel,
          COUNT(*) AS count
        FROM evaluations WHERE ${span} GROUP BY 1, 2, 3, 4`),
      followUps: db.prepare(`
        SELECT COUNT(*) AS opened,
          COALESCE(SUM(fix_at IS NULL), 0) AS open,
          COALESCE(SUM(${OVERDUE_SQL}), 0) AS overdue,
          COALESCE(SUM(fix_at IS NOT NULL), 0) AS closed
        FROM follow_ups WHERE ${span}`),
      followUpsNow: db.prepare(`
        SELECT COUNT(*) AS open,
          COALESCE(SUM(${OVERDUE_SQL}), 0) AS overdue
        FROM follow_ups WHERE fix_at IS NULL`),
    };
  }

  /** Service days `from`..`to` (local dates); `today` decides what is overdue. */
  counts(from: string, to: string, today: string): ReportCounts {
    const s = this.statements;
    const span = { from, to };
    const tickets = s.tickets.get(span) as { issued: number; served: number | null; noShows: number | null; averageWaitMs: number | null; averageHandlingMs: number | null };
    const groups = s.evaluations.all(span) as EvaluationGroup[];
    return {
      issued: tickets.issued,
      served: tickets.served ?? 0,
      noShows: tickets.noShows ?? 0,
      averageWaitMs: tickets.averageWaitMs,
      averageHandlingMs: tickets.averageHandlingMs,
      ...ratedTotals(groups),
      windows: fold(groups, (g) => g.windowNo),
      staff: fold(groups, (g) => g.staffNo),
      followUps: s.followUps.get({ ...span, today }) as ReportCounts['followUps'],
      followUpsNow: s.followUpsNow.get({ today }) as ReportCounts['followUpsNow'],
    };
  }
}
