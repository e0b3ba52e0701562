import type { EvaluationChannel, SatisfactionLevel } from '@hall/shared';
import type { Db } from './connection';

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

/** Rows of (key, level or null for not rated, count) folded into served and rated levels per key. */
function fold<K>(rows: { key: K; level: SatisfactionLevel | null; count: number }[]): Breakdown<K>[] {
  const byKey = new Map<K, Breakdown<K>>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { key: row.key, served: 0, levels: [] };
    entry.served += row.count;
    if (row.level !== null) entry.levels.push({ level: row.level, count: row.count });
    byKey.set(row.key, entry);
  }
  return [...byKey.values()];
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
      levels: db.prepare(`SELECT level, COUNT(*) AS count FROM evaluations WHERE ${span} AND status = 'rated' GROUP BY level`),
      channels: db.prepare(`SELECT channel, COUNT(*) AS count FROM evaluations WHERE ${span} AND status = 'rated' GROUP BY channel`),
      windows: db.prepare(`
        SELECT window_no AS key, CASE WHEN status = 'rated' THEN level END AS level, COUNT(*) AS count
        FROM evaluations WHERE ${span} GROUP BY 1, 2`),
      staff: db.prepare(`
        SELECT staff_no AS key, CASE WHEN status = 'rated' THEN level END AS level, COUNT(*) AS count
        FROM evaluations WHERE ${span} GROUP BY 1, 2`),
      followUps: db.prepare(`
        SELECT COUNT(*) AS opened,
          COALESCE(SUM(fix_at IS NULL), 0) AS open,
          COALESCE(SUM((callback_at IS NULL AND callback_due < @today) OR (fix_at IS NULL AND fix_due < @today)), 0) AS overdue,
          COALESCE(SUM(fix_at IS NOT NULL), 0) AS closed
        FROM follow_ups WHERE ${span}`),
      followUpsNow: db.prepare(`
        SELECT COUNT(*) AS open,
          COALESCE(SUM(callback_due < @today AND callback_at IS NULL OR fix_due < @today), 0) AS overdue
        FROM follow_ups WHERE fix_at IS NULL`),
    };
  }

  /** Service days `from`..`to` (local dates); `today` decides what is overdue. */
  counts(from: string, to: string, today: string): ReportCounts {
    const s = this.statements;
    const span = { from, to };
    const tickets = s.tickets.get(span) as { issued: number; served: number | null; noShows: number | null; averageWaitMs: number | null; averageHandlingMs: number | null };
    return {
      issued: tickets.issued,
      served: tickets.served ?? 0,
      noShows: tickets.noShows ?? 0,
      averageWaitMs: tickets.averageWaitMs,
      averageHandlingMs: tickets.averageHandlingMs,
      levels: s.levels.all(span) as LevelCount[],
      channels: s.channels.all(span) as ReportCounts['channels'],
      windows: fold(s.windows.all(span) as { key: number; level: SatisfactionLevel | null; count: number }[]),
      staff: fold(s.staff.all(span) as { key: string; level: SatisfactionLevel | null; count: number }[]),
      followUps: s.followUps.get({ ...span, today }) as ReportCounts['followUps'],
      followUpsNow: s.followUpsNow.get({ today }) as ReportCounts['followUpsNow'],
    };
  }
}
