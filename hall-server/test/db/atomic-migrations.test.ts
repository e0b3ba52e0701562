import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { StartRefused } from '../../src/operations/start-refused';
import { serverFile } from '../../src/server-files';
import { spawnHallServer } from '../support/spawned-server';

// An upgrade over several versions is all or nothing: a migration that fails leaves the
// database exactly as it was, and says which one failed and which version was kept. A database
// made by a newer server is refused the same way (exit 78 for the service).

const migrations = serverFile('src', 'db', 'migrations');
const latest = Math.max(...readdirSync(migrations).map((f) => Number(f.slice(0, 3))));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-migrations-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A folder with today's migrations up to `upTo`, and `extra` files of its own. */
function migrationsFolder(name: string, upTo: number, extra: Record<string, string> = {}): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const file of readdirSync(migrations).filter((f) => Number(f.slice(0, 3)) <= upTo)) copyFileSync(join(migrations, file), join(folder, file));
  for (const [file, sql] of Object.entries(extra)) writeFileSync(join(folder, file), sql);
  return folder;
}

/** Everything a version of the schema is: its tables, indexes and triggers, their rows, user_version. */
function snapshot(db: Db): unknown {
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as { type: string; name: string }[];
  const rows = Object.fromEntries(
    objects.filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_')).map((o) => [o.name, db.prepare(`SELECT * FROM "${o.name}"`).all()]),
  );
  return { version: db.pragma('user_version', { simple: true }), objects, rows };
}

function refusal(run: () => unknown): StartRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof StartRefused) return error;
    throw error;
  }
  throw new Error('expected the start to be refused');
}

describe('migrations as one transaction', () => {
  it('a failure in the middle of an upgrade leaves the database at the version it had, byte for byte', () => {
    const path = join(dir, 'hall.db');
    const db = openDatabase(path);
    expect(migrate(db, migrationsFolder('v12', 12))).toBe(12);
    db.exec(`INSERT INTO categories (code, position, name, default_handling_minutes) VALUES ('A', 0, '公安户政', 8);
             INSERT INTO service_days (service_date, opened_at) VALUES ('2026-12-04', 0);`);
    db.close();
    const before = readFileSync(path);
    const reopened = openDatabase(path);
    const schemaBefore = snapshot(reopened);

    // 013 and 014 are today's and succeed; the third pending one fails half way through its SQL.
    const broken = migrationsFolder('broken', 14, {
      '015-broken.sql': `CREATE TABLE half_done (id INTEGER PRIMARY KEY); INSERT INTO half_done VALUES (1); INSERT INTO no_such_table VALUES (1);`,
      '016-never.sql': `CREATE TABLE never_reached (id INTEGER PRIMARY KEY);`,
    });
    const refused = refusal(() => migrate(reopened, broken));
    expect(refused.code).toBe('MIGRATION_FAILED');
    expect(refused.message).toContain('015-broken.sql');
    expect(refused.message).toContain('no such table: no_such_table');
    expect(refused.message).toContain('仍是版本 12');
    expect(snapshot(reopened)).toEqual(schemaBefore);
    reopened.close();
    expect(readFileSync(path).equals(before)).toBe(true);

    // Once the migration is fixed the same database upgrades in full.
    const fixed = openDatabase(path);
    writeFileSync(join(broken, '015-broken.sql'), 'CREATE TABLE half_done (id INTEGER PRIMARY KEY);');
    expect(migrate(fixed, broken)).toBe(16);
    expect(fixed.prepare(`SELECT count(*) AS n FROM categories`).get()).toEqual({ n: 1 });
    fixed.close();
  });

  it('a database newer than this software is refused and left alone', () => {
    const path = join(dir, 'hall.db');
    const db = openDatabase(path);
    migrate(db);
    db.pragma(`user_version = ${latest + 1}`);
    const before = snapshot(db);
    const refused = refusal(() => migrate(db));
    expect(refused.code).toBe('DATABASE_TOO_NEW');
    expect(refused.message).toContain(`数据库版本 ${latest + 1}，本软件最高 ${latest}`);
    expect(snapshot(db)).toEqual(before);
    db.close();
  });
});

describe('the built server on a database it must not open', () => {
  it('exits 78 with the reason on standard error and in the log file, with its code, before it exits', async () => {
    const path = join(dir, 'hall.db');
    const db = openDatabase(path);
    migrate(db);
    db.pragma(`user_version = ${latest + 3}`);
    db.close();
    const logs = join(dir, 'logs');
    const failure = await spawnHallServer({ env: { HALL_DB: path, HALL_LOG_DIR: logs } }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited \(78\) before it listened/);
    expect(failure).toContain('无法启动 The hall server cannot start [DATABASE_TOO_NEW]');
    const [file] = readdirSync(logs).filter((name) => /^hall\..*\.log$/.test(name) && name !== 'current.log');
    const lines = readFileSync(join(logs, file!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ level: 60, code: 'DATABASE_TOO_NEW' });
  }, 30_000);
});
