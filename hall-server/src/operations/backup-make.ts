import Database from 'better-sqlite3';
import { localDate, localTime, t, type BackupRecord, type BackupTrigger, type ErrorCode } from '@hall/shared';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { checkCopy } from './backup-check';

// One backup: SQLite's online backup of the open database into the backup folder, under a temp
// name until it is whole, then checked (backup-check.ts) and its record written beside it. A
// backup that fails keeps its record (why) and leaves no copy behind.

export interface BackupRequest {
  /** The live database's connection: the backup reads through it, never the file underneath. */
  db: Db;
  dir: string;
  trigger: BackupTrigger;
  /** The hall's clock, and its time zone (copies are named by the hall's time). */
  now: () => number;
  timezone: string;
  /**
   * Copy every page in one step. A separate process (`npm run backup`) needs this: a write by the
   * server between two steps would start its copy over. The server itself copies in small steps,
   * its own writes carried into the copy as they happen, so the hall never waits on a long one.
   */
  allAtOnce?: boolean;
}

/** Pages copied per step inside the server: a few hundred KB, then the event loop runs again. */
const PAGES_PER_STEP = 100;
const ALL_PAGES = 0x7fffffff;

/** `hall-20261208-020000.db`, by the hall's time; `-2`, `-3`… when a copy of that second is there. */
function copyName(dir: string, at: number, timezone: string): string {
  // A UTC instant's seconds are the hall's seconds too: time zones are whole minutes apart.
  const stamp = `${localDate(at, timezone).replaceAll('-', '')}-${localTime(at, timezone).replace(':', '')}${new Date(at).toISOString().slice(17, 19)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `hall-${stamp}.db` : `hall-${stamp}-${n}.db`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.json`))) return name;
  }
}

/** The record's line for people: the error's Chinese text, and what the system said. */
function failure(code: ErrorCode, detail: string): { code: string; message: string } {
  return { code, message: `${t('zh-CN', `error.${code}`)}（${detail}）` };
}

/** Makes, checks and records one backup; never throws for a failed backup, its record says why. */
export async function makeBackup(request: BackupRequest): Promise<BackupRecord> {
  const { db, dir, trigger, now, timezone } = request;
  const startedAt = now();
  const file = copyName(dir, startedAt, timezone);
  const path = join(dir, file);
  const temp = join(dir, `.${file}.partial`);
  const removeCopies = () => {
    for (const leftover of [temp, `${temp}-journal`, path]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // Not a file this backup made (a folder in its place): the failure's record says what went wrong.
      }
    }
  };
  const finish = (rest: Pick<BackupRecord, 'ok' | 'bytes' | 'error' | 'contents'>): BackupRecord => {
    const record: BackupRecord = { file, trigger, startedAt: new Date(startedAt).toISOString(), finishedAt: new Date(now()).toISOString(), ...rest };
    try {
      writeFileSync(`${path}.json`, `${JSON.stringify(record, null, 2)}\n`);
      return record;
    } catch (error) {
      // A copy without its record is not in the folder's index: it is no backup anyone would find.
      removeCopies();
      return { ...record, ok: false, bytes: null, contents: null, error: record.error ?? failure('BACKUP_FAILED', (error as Error).message) };
    }
  };
  try {
    mkdirSync(dir, { recursive: true });
    await db.backup(temp, request.allAtOnce ? { progress: () => ALL_PAGES } : { progress: () => PAGES_PER_STEP });
    // The copy stands alone: a rollback-journal file, so reading it read-only leaves no -wal or -shm beside it.
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(temp, path);
  } catch (error) {
    removeCopies();
    return finish({ ok: false, bytes: null, error: failure('BACKUP_FAILED', (error as Error).message), contents: null });
  }
  const check = await checkCopy(path).catch((error: Error) => ({ ok: false as const, problem: 'damaged' as const, detail: error.message }));
  if (!check.ok) {
    removeCopies();
    return finish({ ok: false, bytes: null, error: failure('BACKUP_DAMAGED', check.detail), contents: null });
  }
  return finish({ ok: true, bytes: statSync(path).size, error: null, contents: check.contents });
}
