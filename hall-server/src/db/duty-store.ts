import type { RosterEntry } from '@hall/shared';
import type { Db } from './connection';

/** The duty roster by date, and the hall screen's notice (read back with the hall's state). */
export class DutyStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      day: db.prepare(`SELECT shift, role, staff_no AS staffNo FROM duty_roster WHERE date = ? ORDER BY role, shift, staff_no`),
      hasOwn: db.prepare(`SELECT 1 FROM duty_roster_days WHERE date = ?`),
      markOwn: db.prepare(`INSERT OR IGNORE INTO duty_roster_days (date) VALUES (?)`),
      clear: db.prepare(`DELETE FROM duty_roster WHERE date = ?`),
      insert: db.prepare(`INSERT INTO duty_roster (date, shift, role, staff_no) VALUES (?, ?, ?, ?)`),
      saveNotice: db.prepare(
        `INSERT INTO hall_notice (id, text, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
    };
  }

  /** The day's own roster, or null when it has none and follows its weekday's. */
  roster(date: string): RosterEntry[] | null {
    if (this.statements.hasOwn.get(date) === undefined) return null;
    return this.statements.day.all(date) as RosterEntry[];
  }

  /** Replaces the day's roster; the caller wraps it in the command's transaction. */
  replaceRoster(date: string, entries: readonly RosterEntry[]): void {
    this.statements.markOwn.run(date);
    this.statements.clear.run(date);
    for (const e of entries) this.statements.insert.run(date, e.shift, e.role, e.staffNo);
  }

  saveNotice(text: string, at: number, by: string): void {
    this.statements.saveNotice.run(text, at, by);
  }
}
