import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup, swapIn } from '../../src/operations/restore-backup';

// Restoring a file whose last changes are still in its -wal: a database kept aside by an earlier
// restore (`hall.db.replaced-…` and its -wal), restored to undo that restore. And a restore under
// a server whose claim (hall.db.pid) is gone: SQLite itself says the file is open.

const dir = mkdtempSync(join(tmpdir(), 'hall-restore-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A hall-shaped database in WAL mode whose 30 tickets are only in its -wal, as a kill -9 leaves it. */
function keptAsideWithWal(path: string): void {
  const live = `${path}.live`;
  const db = new Database(live);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE hall_settings (k TEXT); CREATE TABLE service_days (service_date TEXT); CREATE TABLE tickets (id TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO tickets (id) VALUES (?)');
  db.transaction(() => {
    for (let n = 0; n < 30; n++) insert.run(`t${n}`);
  })();
  // The files as they are on disk while the connection is still open: the tickets only in the -wal.
  copyFileSync(live, path);
  copyFileSync(`${live}-wal`, `${path}-wal`);
  db.close();
}

describe('restoring a database kept aside with its -wal', () => {
  it('folds the -wal into the restored copy: nothing committed is lost', async () => {
    const source = join(dir, 'hall.db.replaced-20261207-090000');
    keptAsideWithWal(source);
    const dbPath = join(dir, 'hall.db');
    const result = await restoreBackup(source, dbPath, Date.parse('2026-12-08T04:00:00Z'));
    expect(result.refused).toBeNull();
    expect(result.refused === null && result.contents.tickets).toBe(30);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(30);
    db.close();
    // The source is left as it was.
    expect(existsSync(`${source}-wal`)).toBe(true);
  });
});

describe('restoring under a process that has the database open without a claim', () => {
  it('refuses, and leaves the database where it was', async () => {
    const live = join(dir, 'open', 'hall.db');
    const backup = join(dir, 'open', 'backup.db');
    mkdirSync(join(dir, 'open'));
    keptAsideWithWal(backup);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(
      process.execPath,
      ['-e', `const d = new (require(${JSON.stringify(driver)}))(${JSON.stringify(live)}); d.pragma('journal_mode = WAL'); d.exec('CREATE TABLE t (x)'); console.log('open'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const result = await restoreBackup(backup, live, Date.parse('2026-12-08T04:00:00Z'));
      expect(result).toEqual({ refused: 'server_running', pid: null });
      expect(readdirSync(join(dir, 'open')).filter((name) => name.includes('hall.db.'))).toEqual([]);
      const db = new Database(live, { readonly: true });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['t']);
      db.close();
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('a restore whose copy cannot be made', () => {
  it('is refused with the reason, and changes nothing', async () => {
    const live = join(dir, 'uncopied', 'hall.db');
    mkdirSync(join(dir, 'uncopied', 'not-a-file'), { recursive: true });
    keptAsideWithWal(live);
    const result = await restoreBackup(join(dir, 'uncopied', 'not-a-file'), live, Date.parse('2026-12-08T04:00:00Z'));
    expect(result.refused).toBe('failed');
    expect(readdirSync(join(dir, 'uncopied')).sort()).toEqual(['hall.db', 'hall.db-wal', 'hall.db.live', 'not-a-file']);
  });
});

describe('restoring on a new PC', () => {
  it('makes the data folder the database goes in', async () => {
    const backup = join(dir, 'new-pc-backup.db');
    keptAsideWithWal(backup);
    const live = join(dir, 'new-pc', 'data', 'hall.db');
    const result = await restoreBackup(backup, live, Date.parse('2026-12-08T04:00:00Z'));
    expect(result).toMatchObject({ refused: null, replaced: null, contents: { tickets: 30 } });
    expect(readdirSync(join(dir, 'new-pc', 'data'))).toEqual(['hall.db']);
  });
});

describe('two restores in the same second', () => {
  it('keeps both replaced databases aside, the first never overwritten', async () => {
    const backup = join(dir, 'twice-backup.db');
    keptAsideWithWal(backup);
    const live = join(dir, 'twice', 'hall.db');
    mkdirSync(join(dir, 'twice'));
    copyFileSync(backup, live);
    copyFileSync(`${backup}-wal`, `${live}-wal`);
    const at = Date.parse('2026-12-08T04:00:00Z');
    const first = await restoreBackup(backup, live, at);
    const second = await restoreBackup(backup, live, at);
    expect(first).toMatchObject({ refused: null, replaced: `${live}.replaced-20261208-040000` });
    expect(second).toMatchObject({ refused: null, replaced: `${live}.replaced-20261208-040000-2` });
    expect(readdirSync(join(dir, 'twice')).sort()).toEqual(['hall.db', 'hall.db.replaced-20261208-040000', 'hall.db.replaced-20261208-040000-2']);
  });
});

describe('a restore cut off before the backup is in place', () => {
  it('leaves the hall’s database where it was, with all it held', () => {
    const live = join(dir, 'cut', 'hall.db');
    mkdirSync(join(dir, 'cut'));
    keptAsideWithWal(live);
    // As the restore leaves it before the swap: its -wal folded in (openElsewhere).
    const alone = new Database(live);
    alone.pragma('journal_mode = DELETE');
    alone.close();
    // The cut: the checked copy never reaches its place (here: it is not there to be renamed).
    expect(() => swapIn(join(dir, 'cut', 'hall.db.restoring'), live, Date.parse('2026-12-08T04:00:00Z'))).toThrow();
    const db = new Database(live, { readonly: true, fileMustExist: true });
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(30);
    db.close();
  });
});
