import type { Db } from './connection';

export interface StaffSessionRow {
  staffNo: string;
  windowNo: number;
  lastSeenAt: number;
  endedAt: number | null;
}

/** Staff sign-ins at windows. Tokens are stored only as hashes. */
export class SessionStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      // Someone who left the hall has no PIN that opens anything.
      pinHash: db.prepare(`SELECT pin_hash AS pinHash FROM staff WHERE staff_no = ? AND active = 1`),
      setPinHash: db.prepare(`UPDATE staff SET pin_hash = ? WHERE staff_no = ?`),
      open: db.prepare(
        `INSERT INTO staff_sessions (token_hash, staff_no, window_no, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      endFor: db.prepare(
        `UPDATE staff_sessions SET ended_at = ?, end_reason = ?
         WHERE ended_at IS NULL AND (staff_no = ? OR window_no = ?)`,
      ),
      end: db.prepare(`UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL`),
      find: db.prepare(
        `SELECT staff_no AS staffNo, window_no AS windowNo, last_seen_at AS lastSeenAt, ended_at AS endedAt
         FROM staff_sessions WHERE token_hash = ?`,
      ),
      touch: db.prepare(`UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?`),
      endOthers: db.prepare(
        `UPDATE staff_sessions SET ended_at = ?, end_reason = ? WHERE staff_no = ? AND token_hash != ? AND ended_at IS NULL`,
      ),
    };
  }

  pinHash(staffNo: string): string | null {
    return (this.statements.pinHash.get(staffNo) as { pinHash: string } | undefined)?.pinHash ?? null;
  }

  /** Within the write of the command that changed the PIN. */
  setPinHash(staffNo: string, pinHash: string): void {
    if (this.statements.setPinHash.run(pinHash, staffNo).changes !== 1) throw new Error(`staff ${staffNo} is not stored`);
  }

  /** Ends every open session of this person or at this window, then opens the new one. */
  open(tokenHash: string, staffNo: string, windowNo: number, at: number): void {
    this.statements.endFor.run(at, 'signed_in_elsewhere', staffNo, windowNo);
    this.statements.open.run(tokenHash, staffNo, windowNo, at, at);
  }

  find(tokenHash: string): StaffSessionRow | null {
    return (this.statements.find.get(tokenHash) as StaffSessionRow | undefined) ?? null;
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
