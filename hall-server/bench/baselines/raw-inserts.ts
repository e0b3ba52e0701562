import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/connection';
import { monoMs } from '../support/clock';

/**
 * The baseline of issuing: how many single-row transactions per second SQLite commits with the
 * hall server's own connection settings (WAL, synchronous=FULL) on the same disk, one fsync
 * each. Except one: SQLite checkpoints by itself here, as it does by default. (The server's
 * commit group does it instead, between two groups, which keeps its log from growing the same
 * way. A log left to grow makes every commit slower: an fsync that extends a file also writes
 * its metadata. On this VM that would halve the baseline.)
 */
export function rawDurableInsertsPerSecond(durationMs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-raw-'));
  const db = openDatabase(join(dir, 'raw.db'));
  db.pragma('wal_autocheckpoint = 1000');
  try {
    db.exec('CREATE TABLE tickets (id TEXT PRIMARY KEY, number TEXT NOT NULL, category TEXT NOT NULL, issued_at INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO tickets (id, number, category, issued_at) VALUES (?, ?, ?, ?)');
    const start = monoMs();
    let rows = 0;
    // Outside a transaction each statement commits on its own: one fsync per row.
    while (monoMs() - start < durationMs) {
      rows++;
      insert.run(`ticket-${rows}`, `A${rows}`, 'A', Date.now());
    }
    return rows / ((monoMs() - start) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
