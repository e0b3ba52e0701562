import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/db/checkpointer';
import { openDatabase, type Db } from '../../src/db/connection';

// What the database file itself holds, without its write-ahead log: a copy of the file alone.

let dir: string;
let path: string;
let db: Db;

function visitsInFileAlone(): number | null {
  const copy = join(dir, `copy-${Math.random()}.db`);
  copyFileSync(path, copy);
  const reader = new Database(copy, { readonly: true });
  try {
    const table = reader.prepare(`SELECT name FROM sqlite_master WHERE name = 'visits'`).get();
    return table ? (reader.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n : null;
  } finally {
    reader.close();
  }
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('not within time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
  path = join(dir, 'hall.db');
  db = openDatabase(path);
  db.exec('CREATE TABLE visits (name TEXT)');
  const insert = db.prepare('INSERT INTO visits (name) VALUES (?)');
  for (let i = 0; i < 2_000; i++) insert.run(`visitor ${i}`);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the checkpointer', () => {
  it('is what moves the log into the database file: the server connection never does', async () => {
    // Thousands of commits, far past SQLite's own threshold, and the file alone has none of them.
    expect(visitsInFileAlone()).toBeNull();
    const errors: string[] = [];
    const checkpointer = startCheckpointer(path, (error) => errors.push(error), 20);
    await until(() => visitsInFileAlone() === 2_000);
    // Writing goes on meanwhile, and is checkpointed in its turn.
    db.prepare('INSERT INTO visits (name) VALUES (?)').run('one more');
    await until(() => visitsInFileAlone() === 2_001);
    await checkpointer.stop();
    expect(errors).toEqual([]);
  });

  it('reports a database it cannot open', async () => {
    const errors: string[] = [];
    const checkpointer = startCheckpointer(join(dir, 'no-such-folder', 'hall.db'), (error) => errors.push(error), 20);
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/unable to open|directory does not exist|SQLITE_CANTOPEN/i);
    await checkpointer.stop();
  });
});
