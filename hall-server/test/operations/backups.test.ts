import type { BackupRecord } from '@hall/shared';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { listBackups } from '../../src/operations/backup-folder';
import { pruneBackups } from '../../src/operations/backup-retention';
import { HallBackups } from '../../src/operations/hall-backups';
import { startHallServer } from '../../src/server';
import { serverFile } from '../../src/server-files';

// Backups without a running hall: what is kept (keepDays, never the last good one), when the
// nightly one runs (the hall's time, once a night, by a test clock), and the backup an upgrade
// makes of the database as it was.

const root = mkdtempSync(join(tmpdir(), 'hall-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const silent = pino({ level: 'silent' });
const DAY = 86_400_000;

/** A record as the folder keeps it (and its copy, for a good one). */
function putBackup(dir: string, file: string, at: number, ok: boolean): void {
  const record: BackupRecord = {
    file,
    trigger: 'nightly',
    startedAt: new Date(at).toISOString(),
    finishedAt: new Date(at + 1000).toISOString(),
    ok,
    bytes: ok ? 4 : null,
    error: ok ? null : { code: 'BACKUP_FAILED', message: 'disk full' },
    contents: null,
  };
  if (ok) writeFileSync(join(dir, file), 'copy');
  writeFileSync(join(dir, `${file}.json`), JSON.stringify(record));
}

describe('keeping backups', () => {
  const now = Date.parse('2026-12-08T02:00:00Z');

  it('removes copies and records older than keepDays, keeps the newer ones', () => {
    const dir = join(root, 'kept');
    mkdirSync(dir);
    putBackup(dir, 'old-good.db', now - 40 * DAY, true);
    putBackup(dir, 'old-failed.db', now - 31 * DAY, false);
    putBackup(dir, 'week.db', now - 7 * DAY, true);
    putBackup(dir, 'new.db', now - DAY, true);
    expect(pruneBackups(dir, 30, now).sort()).toEqual(['old-failed.db', 'old-good.db']);
    expect(readdirSync(dir).sort()).toEqual(['new.db', 'new.db.json', 'week.db', 'week.db.json']);
    expect(pruneBackups(dir, 3, now)).toEqual(['week.db']);
  });

  it('never removes the last good backup, however old', () => {
    const dir = join(root, 'last-good');
    mkdirSync(dir);
    putBackup(dir, 'good.db', now - 90 * DAY, true);
    putBackup(dir, 'older.db', now - 91 * DAY, true);
    putBackup(dir, 'failed.db', now - 35 * DAY, false);
    putBackup(dir, 'failed-today.db', now - 1000, false);
    expect(pruneBackups(dir, 30, now).sort()).toEqual(['failed.db', 'older.db']);
    expect(listBackups(dir).map((r) => r.file)).toEqual(['failed-today.db', 'good.db']);
  });

  it('removes only what the folder’s own records name, and copies left half made over a day ago', () => {
    const dir = join(root, 'foreign');
    mkdirSync(join(dir, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'hall.db'), 'the live database');
    // A record naming a file outside itself (its name is not `<file>.json`): none of the folder's.
    putBackup(join(dir, 'inner'), 'x.db', now - 40 * DAY, false);
    renameSync(join(dir, 'inner', 'x.db.json'), join(dir, 'inner', 'old.db.json'));
    writeFileSync(join(dir, 'inner', 'old.db.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'inner', 'old.db.json'), 'utf8')), file: '../hall.db' }));
    writeFileSync(join(dir, 'inner', 'notes.txt'), 'the IT person’s');
    putBackup(join(dir, 'inner'), 'good.db', now - DAY, true);
    const abandoned = join(dir, 'inner', '.hall-20261101-020000.db.partial');
    const making = join(dir, 'inner', '.hall-20261208-020000.db.partial');
    writeFileSync(abandoned, 'half');
    utimesSync(abandoned, new Date(now - 2 * DAY), new Date(now - 2 * DAY));
    writeFileSync(making, 'being made');
    utimesSync(making, new Date(now - 60_000), new Date(now - 60_000));
    expect(listBackups(join(dir, 'inner')).map((r) => r.file)).toEqual(['good.db']);
    expect(pruneBackups(join(dir, 'inner'), 30, now)).toEqual(['.hall-20261101-020000.db.partial']);
    expect(existsSync(join(dir, 'hall.db'))).toBe(true);
    expect(readdirSync(join(dir, 'inner')).sort()).toEqual(['.hall-20261208-020000.db.partial', 'good.db', 'good.db.json', 'notes.txt', 'old.db.json']);
  });
});

describe('the nightly backup', () => {
  it('runs at the set hall time, once a night, at the new time when the settings change', async () => {
    const dir = join(root, 'nightly');
    const source = join(root, 'nightly.db');
    const db = openDatabase(source);
    migrate(db);
    // 01:59 in Shanghai (UTC+8) on 8 December.
    let now = Date.parse('2026-12-07T17:59:00Z');
    const settings = { timezone: 'Asia/Shanghai', backup: { time: '02:00', keepDays: 30 } };
    const backups = new HallBackups({ source, dir, now: () => now, settings: () => settings, logger: silent });
    expect(backups.list().nextAt).toBe('2026-12-07T18:00:00.000Z');
    expect(await backups.checkNightly()).toBeNull();

    now = Date.parse('2026-12-07T18:00:00Z');
    expect(backups.list().nextAt).toBe('2026-12-07T18:00:00.000Z');
    const made = await backups.checkNightly();
    expect(made).toMatchObject({ ok: true, trigger: 'nightly', file: 'hall-20261208-020000.db' });
    expect(made!.contents).toMatchObject({ schemaVersion: 20, tickets: 0 });
    // The same night again (and after a clock stepped back half an hour): nothing.
    now += 30_000;
    expect(await backups.checkNightly()).toBeNull();
    now = Date.parse('2026-12-07T17:30:00Z');
    expect(await backups.checkNightly()).toBeNull();
    expect(backups.list().nextAt).toBe('2026-12-08T18:00:00.000Z');

    // A server started again that night reads from the folder that tonight's is made.
    now = Date.parse('2026-12-07T19:00:00Z');
    const restarted = new HallBackups({ source, dir, now: () => now, settings: () => settings, logger: silent });
    expect(await restarted.checkNightly()).toBeNull();

    // The time moved to 03:30: the next night runs then, not at 02:00.
    settings.backup = { time: '03:30', keepDays: 30 };
    expect(restarted.list().nextAt).toBe('2026-12-08T19:30:00.000Z');
    now = Date.parse('2026-12-08T18:00:00Z');
    expect(await restarted.checkNightly()).toBeNull();
    now = Date.parse('2026-12-08T19:30:00Z');
    expect(await restarted.checkNightly()).toMatchObject({ ok: true, file: 'hall-20261209-033000.db' });
    expect(listBackups(dir).map((r) => r.trigger)).toEqual(['nightly', 'nightly']);
    await restarted.stop();
    db.close();
  });

  it('makes the night’s backup when the server comes up after the set time, once', async () => {
    const source = join(root, 'late.db');
    const db = openDatabase(source);
    migrate(db);
    // 08:30 in the hall: the PC was off at 02:00.
    const now = Date.parse('2026-12-08T00:30:00Z');
    const backups = new HallBackups({ source, dir: join(root, 'late'), now: () => now, settings: () => ({ timezone: 'Asia/Shanghai', backup: { time: '02:00', keepDays: 30 } }), logger: silent });
    expect(backups.list().nextAt).toBe('2026-12-08T00:30:00.000Z');
    expect(await backups.checkNightly()).toMatchObject({ ok: true, trigger: 'nightly', file: 'hall-20261208-083000.db' });
    expect(await backups.checkNightly()).toBeNull();
    expect(backups.list().nextAt).toBe('2026-12-08T18:00:00.000Z');
    db.close();
  });

  it('refuses a second backup while one is being made', async () => {
    const source = join(root, 'twice.db');
    const db = openDatabase(source);
    migrate(db);
    const backups = new HallBackups({ source, dir: join(root, 'twice'), now: Date.now, settings: () => ({ timezone: 'Asia/Shanghai', backup: { time: '02:00', keepDays: 30 } }), logger: silent });
    const first = backups.backUp('manual');
    expect(backups.list().running).toBe(true);
    expect(() => backups.backUp('manual')).toThrow(expect.objectContaining({ code: 'BACKUP_RUNNING' }));
    expect((await first).ok).toBe(true);
    expect(backups.list().running).toBe(false);
    db.close();
  });

  it('records a failed backup with its code and leaves no copy behind', async () => {
    const source = join(root, 'failing.db');
    const db = openDatabase(source);
    migrate(db);
    const dir = join(root, 'failing');
    const at = Date.parse('2026-12-07T18:00:00Z');
    const backups = new HallBackups({ source, dir, now: () => at, settings: () => ({ timezone: 'Asia/Shanghai', backup: { time: '02:00', keepDays: 30 } }), logger: silent });
    // Where the copy is written, a folder stands: SQLite cannot write it.
    mkdirSync(join(dir, '.hall-20261208-020000.db.partial'), { recursive: true });
    const record = await backups.backUp('manual');
    expect(record).toMatchObject({ ok: false, file: 'hall-20261208-020000.db', bytes: null, contents: null, error: { code: 'BACKUP_FAILED' } });
    expect(record.error!.message).toMatch(/^备份没有做成/);
    expect(listBackups(dir)).toEqual([record]);
    expect(existsSync(join(dir, record.file))).toBe(false);
    expect(backups.health()).toMatchObject({ last: { ok: false }, lastGoodAt: null });
    db.close();
  });

  it('names the folder by its setting in a failure’s record, never by its path (the admin page shows it)', async () => {
    const source = join(root, 'hidden.db');
    const db = openDatabase(source);
    migrate(db);
    writeFileSync(join(root, 'a-file'), 'not a folder');
    const dir = join(root, 'a-file', 'backups');
    const backups = new HallBackups({ source, dir, now: () => Date.parse('2026-12-07T18:00:00Z'), settings: () => ({ timezone: 'Asia/Shanghai', backup: { time: '02:00', keepDays: 30 } }), logger: silent });
    const record = await backups.backUp('manual');
    expect(record.error!.message).toContain('HALL_BACKUP_DIR');
    expect(record.error!.message).not.toContain(root);
    db.close();
  });
});

describe('the backup before an upgrade', () => {
  it('backs up an older hall database as it was before migrating it', async () => {
    const dir = join(root, 'upgrade');
    const migrations = join(dir, 'migrations-019');
    mkdirSync(migrations, { recursive: true });
    for (const file of readdirSync(serverFile('src', 'db', 'migrations')).filter((f) => f < '020')) copyFileSync(serverFile('src', 'db', 'migrations', file), join(migrations, file));
    const dbPath = join(dir, 'hall.db');
    const old = openDatabase(dbPath);
    expect(migrate(old, migrations)).toBe(19);
    old.close();

    const env = ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: dbPath });
    const server = await startHallServer(env, { logger: silent, limits: { rates: false } });
    try {
      const [record] = listBackups(join(dir, 'backups'));
      expect(record).toMatchObject({ trigger: 'before_upgrade', ok: true, contents: { schemaVersion: 19 } });
      expect(existsSync(join(dir, 'backups', record!.file))).toBe(true);
    } finally {
      await server.close();
    }
    // Started again at the latest version: no second backup.
    const again = await startHallServer(env, { logger: silent, limits: { rates: false } });
    await again.close();
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
  });
});
