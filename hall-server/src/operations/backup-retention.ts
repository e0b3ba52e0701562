import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { lastGoodBackup, listBackups } from './backup-folder';

// Backups are kept HallSettings.backup.keepDays days: older copies and their records go, except
// the newest good one, which stays whatever its age (a hall whose backups have failed for weeks
// still has something to restore).

const DAY_MS = 86_400_000;

/** Removes the backups made more than `keepDays` days before `now`; answers the files removed. */
export function pruneBackups(dir: string, keepDays: number, now: number): string[] {
  const keep = lastGoodBackup(dir)?.record.file;
  const cutoff = now - keepDays * DAY_MS;
  const old = listBackups(dir).filter((record) => record.file !== keep && Date.parse(record.startedAt) < cutoff);
  for (const { file } of old) {
    rmSync(join(dir, file), { force: true });
    rmSync(join(dir, `${file}.json`), { force: true });
  }
  return old.map((record) => record.file);
}
