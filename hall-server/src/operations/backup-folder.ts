import { BackupRecord } from '@hall/shared';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ServerEnv } from '../config';

// The backup folder (HALL_BACKUP_DIR): each backup is a database file with its record beside it,
// `<file>.json` (BackupRecord). The records are the folder's index: the admin page, the health
// check and a refusal to start on a damaged database all read them from here.

/** The backup folder: HALL_BACKUP_DIR, or a folder `backups` beside the database. */
export function backupDirOf(env: Pick<ServerEnv, 'HALL_DB' | 'HALL_BACKUP_DIR'>): string {
  return resolve(env.HALL_BACKUP_DIR ?? join(dirname(env.HALL_DB), 'backups'));
}

/** Every backup's record in the folder, newest first; a record that cannot be read is left out. */
export function listBackups(dir: string): BackupRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // No folder yet, or something else in its place: no backups to list (the next backup's record says what is wrong).
    return [];
  }
  const records = names
    .filter((name) => name.endsWith('.db.json'))
    .flatMap((name) => {
      try {
        const parsed = BackupRecord.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
        // A record names the copy beside it, `<file>.json`: one that names another file (`../hall.db`,
        // a record copied in from elsewhere) is none of the folder's, and retention must never remove what it names.
        return parsed.success && `${parsed.data.file}.json` === name && basename(parsed.data.file) === parsed.data.file ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  return records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** The newest backup that was checked good and whose copy is still there (of `records` when the folder was just read). */
export function lastGoodBackup(dir: string, records: readonly BackupRecord[] = listBackups(dir)): { record: BackupRecord; path: string } | null {
  for (const record of records) {
    const path = join(dir, record.file);
    if (record.ok && existsSync(path)) return { record, path };
  }
  return null;
}
