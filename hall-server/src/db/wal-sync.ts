import { close, fdatasync, open } from 'node:fs';
import type { Db } from './connection';

// Every commit in WAL mode appends its pages to the log file; with synchronous=FULL, SQLite
// then waits for the disk (fsync) inside the commit, on the one thread that serves the whole
// hall. Here SQLite is told not to wait (synchronous=NORMAL: the log is still written in full
// and in order, and SQLite itself still syncs around checkpoints), and the commit group waits
// instead, on a thread of Node's pool: an fdatasync of the log file, which flushes every page
// written to it before the call. A commit is acknowledged only after such a call made after
// it has returned, so what is acknowledged is as durable as with synchronous=FULL.

/** Waits until everything committed so far is on disk; `done` gets null, or why not. */
export type WalSync = (done: (error: Error | null) => void) => void;

/**
 * Takes over waiting for the disk from the connection's commits. Null for a database without a
 * log file (in memory), which has nothing to wait for.
 */
export function walSyncOf(db: Db): WalSync | null {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  db.pragma('synchronous = NORMAL');
  // Opened afresh each time, so it is always the log SQLite writes now.
  const logPath = `${db.name}-wal`;
  return (done) =>
    open(logPath, 'r+', (openError, fd) => {
      if (openError) return done(openError);
      fdatasync(fd, (syncError) => close(fd, () => done(syncError)));
    });
}
