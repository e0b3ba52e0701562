import { localDate, localTime, t, type BackupRecord, type BackupTrigger, type ErrorCode } from '@hall/shared';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyAndCheck } from './backup-check';

// One backup: SQLite's online backup of the live database into the backup folder, under a temp
// name until it is whole and checked (both off the main thread: backup-check.ts), then renamed
// and its record written beside it. A backup that fails keeps its record (why) and leaves no
// copy behind.

export interface BackupRequest {
  /** The live database's file: the backup reads it through SQLite (a read-only connection), never copies the file. */
  source: string;
  dir: string;
  trigger: BackupTrigger;
  /** The hall's clock, and its time zone (copies are named by the hall's time). */
  now: () => number;
  timezone: string;
}

/** `hall-20261208-020000.db`, by the hall's time; `-2`, `-3`… when a copy of that second is there. */
function copyName(dir: string, at: number, timezone: string): string {
  // A UTC instant's seconds are the hall's seconds too: time zones are whole minutes apart.
  const stamp = `${localDate(at, timezone).replaceAll('-', '')}-${localTime(at, timezone).replace(':', '')}${new Date(at).toISOString().slice(17, 19)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `hall-${stamp}.db` : `hall-${stamp}-${n}.db`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.json`))) return name;
  }
}

/**
 * The record's line for people: the error's Chinese text, and what the system said, its paths
 * named by their settings (the record goes to the admin page's browser, which is not shown the
 * server's folders).
 */
function failure(code: ErrorCode, detail: string, paths: Pick<BackupRequest, 'dir' | 'source'>): { code: string; message: string } {
  const named = detail.replaceAll(paths.dir, 'HALL_BACKUP_DIR').replaceAll(paths.source, 'HALL_DB');
  return { code, message: `${t('zh-CN', `error.${code}`)}（${named}）` };
}

/** Makes, checks and records one backup; never throws for a failed backup, its record says why. */
export async function makeBackup(request: BackupRequest): Promise<BackupRecord> {
  const { source, dir, trigger, now, timezone } = request;
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
      return { ...record, ok: false, bytes: null, contents: null, error: record.error ?? failure('BACKUP_FAILED', (error as Error).message, request) };
    }
  };
  let check;
  try {
    mkdirSync(dir, { recursive: true });
    check = await copyAndCheck(source, temp);
  } catch (error) {
    check = { ok: false as const, problem: 'copy_failed' as const, detail: (error as Error).message };
  }
  if (!check.ok) {
    removeCopies();
    return finish({ ok: false, bytes: null, error: failure(check.problem === 'copy_failed' ? 'BACKUP_FAILED' : 'BACKUP_DAMAGED', check.detail, request), contents: null });
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    removeCopies();
    return finish({ ok: false, bytes: null, error: failure('BACKUP_FAILED', (error as Error).message, request), contents: null });
  }
  return finish({ ok: true, bytes: statSync(path).size, error: null, contents: check.contents });
}
