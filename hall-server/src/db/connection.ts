import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * A ticket acknowledged to a client must be on disk: WAL with synchronous=FULL makes every
 * committed transaction durable, and lets readers go on while a write is in flight. The
 * connection never checkpoints by itself: the hall server's commit group does, between two
 * groups (commit-group.ts); anyone else's log is checkpointed when the connection closes.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
