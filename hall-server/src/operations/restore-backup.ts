import Database from 'better-sqlite3';
import type { BackupContents } from '@hall/shared';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { latestSchemaVersion } from '../db/migrate';
import { checkCopy } from './backup-check';
import { listBackups } from './backup-folder';
import { claimDatabase, serverOn } from './server-pid';

// Putting a backup in place of the hall's database (`npm run restore`): never under a running
// server, never a copy that fails its check, and never losing the file it replaces.

/** Why a restore was refused; each says what to do in the command's message. */
export type RestoreRefusal =
  /** `pid` null: no claim names it, but SQLite says another process has the database open. */
  | { refused: 'server_running'; pid: number | null }
  | { refused: 'not_found'; asked: string; dates: string[] }
  /** `failed`: the copy could not be made or read (the disk beside the database full, the file unreadable). */
  | { refused: 'damaged' | 'not_hall' | 'failed'; detail: string }
  | { refused: 'too_new'; schemaVersion: number; latest: number };

export interface Restored {
  refused: null;
  source: string;
  contents: BackupContents;
  /** Where the replaced database was kept (null: there was none). */
  replaced: string | null;
}

const NIGHT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The backup a restore names: a night's date (`2026-12-07`: that day's newest good backup in the
 * folder, by the date in its name, the hall's), or a file (from where the command was typed, or
 * by its name in the backup folder).
 */
export function findBackup(asked: string, dir: string, cwd: string): string | RestoreRefusal {
  const night = NIGHT.exec(asked);
  if (night !== null) {
    const good = listBackups(dir).filter((record) => record.ok && existsSync(join(dir, record.file)));
    const made = good.find((record) => record.file.startsWith(`hall-${night[1]}${night[2]}${night[3]}-`));
    if (made !== undefined) return join(dir, made.file);
    const dates = [...new Set(good.flatMap((record) => /^hall-(\d{4})(\d{2})(\d{2})-/.exec(record.file)?.slice(1, 4).join('-') ?? []))];
    return { refused: 'not_found', asked, dates };
  }
  for (const path of [resolve(cwd, asked), join(dir, asked)]) if (existsSync(path)) return path;
  return { refused: 'not_found', asked, dates: [] };
}

/** `20261208-093000`: the replaced file's suffix, in UTC (the file's own times say the rest). */
const stampOf = (at: number) => new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** `hall.db.replaced-<time>`, `-2`, `-3`… when one of that second is there: a file kept aside is never overwritten. */
function keptAsideName(dbPath: string, now: number): string {
  for (let n = 1; ; n++) {
    const name = `${dbPath}.replaced-${stampOf(now)}${n === 1 ? '' : `-${n}`}`;
    if (!existsSync(name) && !existsSync(`${name}-wal`)) return name;
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A database file with its -wal beside it (a replaced database kept aside, or one a server left
 * after a kill -9) holds committed changes in that -wal: they are copied along and folded into
 * the copy, so restoring such a file (undoing a restore) loses nothing. Answers why it failed.
 */
function foldWal(source: string, temp: string): string | null {
  if (!existsSync(`${source}-wal`)) return null;
  copyFileSync(`${source}-wal`, `${temp}-wal`);
  try {
    const db = new Database(temp, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Whether another process has the database open (a server whose claim was lost, or one older
 * than the claim), asked of SQLite itself: leaving WAL mode needs the only connection to the
 * file, and is refused (SQLITE_BUSY) while any other has it. Alone, it also folds the file's
 * -wal into it, so the database kept aside stands by itself. A file SQLite cannot read (a damaged
 * one, the reason for many a restore) is no obstacle.
 */
function openElsewhere(dbPath: string): boolean {
  if (!existsSync(dbPath)) return false;
  try {
    const db = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  }
}

/**
 * Checks the backup (as a copy beside the database, so the backup itself is left as it is),
 * keeps the database it replaces aside (`hall.db.replaced-<time>`, its -wal moved along so
 * nothing committed is lost), and renames the checked copy into place.
 */
export async function restoreBackup(source: string, dbPath: string, now: number): Promise<Restored | RestoreRefusal> {
  const pid = serverOn(dbPath);
  if (pid !== null) return { refused: 'server_running', pid };
  // A new PC: the hall's data folder is made by the restore, as a first start would make it.
  mkdirSync(dirname(dbPath), { recursive: true });
  // Claimed while it works: a server started meanwhile refuses instead of opening the file being replaced.
  const release = claimDatabase(dbPath);
  try {
    return await replaceDatabase(source, dbPath, now);
  } finally {
    release();
  }
}

/** The backup, copied beside the database as `temp` and checked: what it holds, or why it is refused. */
async function checkedCopy(source: string, dbPath: string, temp: string): Promise<BackupContents | RestoreRefusal> {
  copyFileSync(source, temp);
  const folded = foldWal(source, temp);
  const check = folded !== null ? { ok: false as const, problem: 'damaged' as const, detail: folded } : await checkCopy(temp).catch((error: Error) => ({ ok: false as const, problem: 'damaged' as const, detail: error.message }));
  // A backup made in WAL mode leaves its read's -wal and -shm beside the copy: they are not part of it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  if (!check.ok) {
    return { refused: check.problem === 'not_hall' ? 'not_hall' : 'damaged', detail: check.detail };
  }
  const latest = latestSchemaVersion();
  if (check.contents.schemaVersion > latest) {
    return { refused: 'too_new', schemaVersion: check.contents.schemaVersion, latest };
  }
  if (openElsewhere(dbPath)) {
    return { refused: 'server_running', pid: serverOn(dbPath) };
  }
  fsyncPath(temp);
  return check.contents;
}

async function replaceDatabase(source: string, dbPath: string, now: number): Promise<Restored | RestoreRefusal> {
  const temp = `${dbPath}.restoring`;
  const removeTemp = () => ['', '-wal', '-shm', '-journal'].forEach((suffix) => rmSync(`${temp}${suffix}`, { force: true }));
  removeTemp();
  let contents: BackupContents;
  try {
    const checked = await checkedCopy(source, dbPath, temp);
    if ('refused' in checked) {
      removeTemp();
      return checked;
    }
    contents = checked;
  } catch (error) {
    // The copy could not be made (no space beside the database, a source that cannot be read): nothing was replaced.
    removeTemp();
    return { refused: 'failed', detail: (error as Error).message };
  }
  const replaced = swapIn(temp, dbPath, now);
  fsyncPath(dirname(dbPath));
  return { refused: null, source, contents, replaced };
}

/**
 * Puts the checked copy `temp` in place of the database, keeping the database aside; answers
 * where (null: there was none).
 */
export function swapIn(temp: string, dbPath: string, now: number): string | null {
  let replaced: string | null = null;
  if (existsSync(dbPath)) {
    // Kept aside as a second name of the same file (a copy where the disk has no such names), so
    // the database stays in its place until the copy replaces it in one rename: a restore cut
    // off half way leaves the old database or the new, never none (a server would start a new,
    // empty hall on the missing file).
    replaced = keptAsideName(dbPath, now);
    try {
      linkSync(dbPath, replaced);
    } catch {
      copyFileSync(dbPath, replaced);
    }
    // Only a file SQLite could not read still has its -wal here (openElsewhere folded any other).
    if (existsSync(`${dbPath}-wal`)) renameSync(`${dbPath}-wal`, `${replaced}-wal`);
  }
  // The old file's index and journal belong to the file kept aside.
  for (const suffix of ['-shm', '-journal']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(temp, dbPath);
  return replaced;
}
