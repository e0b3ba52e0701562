import { closeSync, fdatasync, open } from 'node:fs';
import type { Db } from './connection';

// Every commit in WAL mode appends its pages to the log file; with synchronous=FULL, SQLite
// then waits for the disk (fsync) inside the commit, on the one thread that serves the whole
// hall. Here SQLite is told not to wait (synchronous=NORMAL: the log is still written in full
// and in order, and SQLite itself still syncs around checkpoints), and the commit group waits
// instead, on a thread of Node's pool: an fdatasync of the log file, which flushes every page
// written to it before the call. A commit is acknowledged only after such a call made after
// it has returned, so what is acknowledged is as durable as with synchronous=FULL.

export interface WalSync {
  /** Waits until everything committed so far is on disk; `done` gets null, or why not. */
  sync(done: (error: Error | null) => void): void;
  /** Lets go of the log file once the last commit is on disk, before the database closes. */
  close(): void;
}

/**
 * Takes over waiting for the disk from the connection's commits. Null for a database without a
 * log file (in memory), which has nothing to wait for.
 */
export function walSyncOf(db: Db): WalSync | null {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  db.pragma('synchronous = NORMAL');
  // The log is opened once and kept open: SQLite reuses the same file from the start after
  // each checkpoint and removes it only when its last connection closes, after this one. An
  // open and a close for every sync would each wait for a turn of the busy event loop.
  const logPath = `${db.name}-wal`;
  let fd: number | null = null;
  const syncOpen = (done: (error: Error | null) => void) => fdatasync(fd!, (error) => done(error));
  return {
    sync(done) {
      if (fd !== null) return syncOpen(done);
      open(logPath, 'r+', (error, opened) => {
        if (error) return done(error);
        fd = opened;
        syncOpen(done);
      });
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
