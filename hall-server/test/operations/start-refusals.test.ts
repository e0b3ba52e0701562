import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupRecord } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFile } from '../../src/server-files';
import { spawnHallServer } from '../support/spawned-server';

// A database the hall must not serve from (issue 17): damaged, or on a disk it cannot write.
// The built server refuses to start with exit code 78 (the service does not restart it), a
// message on standard error that says what to do, and a fatal log line with its code.

const dir = mkdtempSync(join(tmpdir(), 'hall-start-refusals-'));
const good = join(dir, 'good.db');

/** Runs the built server on a database until it exits (it must refuse to start). */
function startOn(dbPath: string, backupDir: string) {
  const run = spawnSync(process.execPath, [serverFile('dist', 'main.js')], {
    cwd: serverFile(),
    env: { ...process.env, HALL_DB: dbPath, HALL_BACKUP_DIR: backupDir, HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_LOG_LEVEL: 'info' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  const fatal = run.stdout.split('\n').flatMap((line) => (line.includes('"level":60') ? [JSON.parse(line) as { code: string; msg: string }] : []));
  return { status: run.status, stderr: run.stderr, fatal, listening: run.stdout.includes('hall server listening') };
}

/** A copy of the good database with `bytes` written at `offset`. */
function damagedCopy(name: string, offset: number, bytes: Buffer): string {
  const path = join(dir, name);
  copyFileSync(good, path);
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
  return path;
}

/** Where a table's first b-tree page starts in the file. */
function rootPageOffset(table: string): number {
  const db = new Database(good, { readonly: true });
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = ?`).get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return (rootpage - 1) * pageSize;
}

describe('a start the hall refuses', () => {
  const backups = join(dir, 'backups');
  const record: BackupRecord = {
    file: 'hall-2026-12-07T180000Z.db',
    trigger: 'nightly',
    startedAt: '2026-12-07T18:00:00.000Z',
    finishedAt: '2026-12-07T18:00:01.000Z',
    ok: true,
    bytes: 1,
    error: null,
    contents: null,
  };

  beforeAll(async () => {
    // A real hall's database, set up from the demo hall's file, closed cleanly (its log moved into the file).
    const server = await spawnHallServer({ env: { HALL_DB: good } });
    await server.stop();
    mkdirSync(backups);
    copyFileSync(good, join(backups, record.file));
    writeFileSync(join(backups, `${record.file}.json`), JSON.stringify(record));
    // An older, failed one is not offered.
    writeFileSync(join(backups, 'hall-2026-12-08T010000Z.db.json'), JSON.stringify({ ...record, file: 'hall-2026-12-08T010000Z.db', startedAt: '2026-12-08T01:00:00.000Z', ok: false }));
  }, 30_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a database with a damaged b-tree page, naming the last good backup and the restore command', () => {
    // The page header and cell pointers of a table with rows: its cells point anywhere.
    const damaged = damagedCopy('page.db', rootPageOffset('categories') + 1, Buffer.alloc(64, 0xa5));
    const run = startOn(damaged, backups);
    expect(run.status).toBe(78);
    expect(run.listening).toBe(false);
    const backupPath = join(backups, record.file);
    expect(run.stderr).toContain('数据库文件已损坏');
    expect(run.stderr).toContain(`npm run restore -- ${backupPath}`);
    expect(run.stderr).toContain(record.startedAt);
    expect(run.fatal).toEqual([expect.objectContaining({ code: 'DATABASE_DAMAGED', msg: expect.stringContaining(backupPath) })]);
  });

  it('refuses a database whose header is broken, and says when there is no backup', () => {
    const damaged = damagedCopy('header.db', 0, Buffer.from('not a database at all'));
    const run = startOn(damaged, join(dir, 'no-backups'));
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('数据库文件已损坏');
    expect(run.stderr).toContain('没有完好的备份');
    expect(run.stderr).not.toContain('npm run restore');
    expect(run.fatal.map((line) => line.code)).toEqual(['DATABASE_DAMAGED']);
  });

  describe('on a disk mounted read-only', () => {
    const mountPoint = join(dir, 'mnt');
    let mounted = false;
    beforeAll(() => {
      mkdirSync(mountPoint);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
      mounted = true;
      copyFileSync(good, join(mountPoint, 'hall.db'));
      // No server has it open: the mount can be made read-only.
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [mountPoint]);
    });

    it('refuses to start, saying the file cannot be written', () => {
      const run = startOn(join(mountPoint, 'hall.db'), backups);
      expect(run.status).toBe(78);
      expect(run.stderr).toContain('数据库文件无法写入');
      expect(run.stderr).toContain('read-only file system');
      expect(run.fatal.map((line) => line.code)).toEqual(['DATABASE_UNWRITABLE']);
    });
  });
});
