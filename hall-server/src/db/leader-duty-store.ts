import type { LeaderDutyVisit, LeaderRole } from '@hall/shared';
import type { LastSittings } from '../domain';
import type { Db } from './connection';

/** Leaders' sittings (领导值班), as recorded; never deleted. */
export class LeaderDutyStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO leader_duty_visits (id, department, leader_name, role, date, window_no, from_time, to_time, note, recorded_by, recorded_at)
         VALUES (@id, @department, @leaderName, @role, @date, @windowNo, @from, @to, @note, @recordedBy, @recordedAt)`,
      ),
      span: db.prepare(
        `SELECT id, department, leader_name AS leaderName, role, date, window_no AS windowNo, from_time AS "from", to_time AS "to", note,
                recorded_by AS recordedBy, recorded_at AS recordedAt
         FROM leader_duty_visits WHERE date >= ? AND date <= ? ORDER BY date DESC, recorded_at DESC`,
      ),
      last: db.prepare(`SELECT department, role, MAX(date) AS date FROM leader_duty_visits WHERE date <= ? GROUP BY department, role`),
    };
  }

  /** The caller wraps it in the command's transaction. */
  insert(visit: LeaderDutyVisit): void {
    this.statements.insert.run({ ...visit, recordedAt: Date.parse(visit.recordedAt) });
  }

  /** The sittings on the local dates `from` to `to` (both included), newest first. */
  visits(from: string, to: string): LeaderDutyVisit[] {
    const rows = this.statements.span.all(from, to) as (Omit<LeaderDutyVisit, 'recordedAt'> & { recordedAt: number })[];
    return rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt).toISOString() }));
  }

  /** Each department's last sitting of its head and of its deputies on or before `asOf`. */
  lastSittings(asOf: string): LastSittings {
    const last = new Map<string, Partial<Record<LeaderRole, string>>>();
    for (const row of this.statements.last.all(asOf) as { department: string; role: LeaderRole; date: string }[]) {
      last.set(row.department, { ...last.get(row.department), [row.role]: row.date });
    }
    return last;
  }
}
