import type { Db } from './connection';

export interface OfficeSessionRow {
  staffNo: string;
  lastSeenAt: number;
  endedAt: number | null;
}

/** Duty captains' and administrators' sign-ins at the office pages. Tokens stored only as hashes. */
export class OfficeSessionStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      open: db.prepare(`INSERT INTO office_sessions (token_hash, staff_no, created_at, last_seen_at) VALUES (?, ?, ?, ?)`),
      find: db.prepare(
        `SELECT staff_no AS staffNo, last_seen_at AS lastSeenAt, ended_at AS endedAt FROM office_sessions WHERE token_hash = ?`,
      ),
      touch: db.prepare(`UPDATE office_sessions SET last_seen_at = ? WHERE token_hash = ?`),
      end: db.prepare(`UPDATE office_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL`),
      endOthers: db.prepare(
        `UPDATE office_sessions SET ended_at = ?, end_reason = ? WHERE staff_no = ? AND token_hash != ? AND ended_at IS NULL`,
      ),
    };
  }

  open(tokenHash: string, staffNo: string, at: number): void {
    this.statements.open.run(tokenHash, staffNo, at, at);
  }

  find(tokenHash: string): OfficeSessionRow | null {
    return (this.statements.find.get(tokenHash) as OfficeSessionRow | undefined) ?? null;
  }

  touch(tokenHash: string, at: number): void {
    this.statements.touch.run(at, tokenHash);
  }

  end(tokenHash: string, at: number, reason: 'logout' | 'idle'): void {
    this.statements.end.run(at, reason, tokenHash);
  }

  /** Ends every open session of this person but the one named (its token hash, or none). */
  endOthers(staffNo: string, keepTokenHash: string, at: number, reason: 'pin_changed'): void {
    this.statements.endOthers.run(at, reason, staffNo, keepTokenHash);
  }
}
