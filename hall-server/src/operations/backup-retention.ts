import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lastGoodBackup, listBackups } from './backup-folder';

// Backups are kept HallSettings.backup.keepDays days: older copies and their records go, except
// the newest good one, which stays whatever its age (a hall whose backups have failed for weeks
// still has something to restore). A copy left half made by a backup that never finished (the
// server killed, the PC off) goes after a day: no backup takes that long, and nothing else
// would ever remove it.

const DAY_MS = 86_400_000;

/** A copy being made (backup-make.ts), and its journal. */
const PARTIAL = /^\.hall-.*\.db\.partial(-journal)?$/;

/** Removes the backups made more than `keepDays` days before `now`; answers the files removed. */
export function pruneBackups(dir: string, keepDays: number, now: number): string[] {
  const keep = lastGoodBackup(dir)?.record.file;
  const cutoff = now - keepDays * DAY_MS;
  const old = listBackups(dir).filter((record) => record.file !== keep && Date.parse(record.startedAt) < cutoff);
  for (const { file } of old) {
    rmSync(join(dir, file), { force: true });
    rmSync(join(dir, `${file}.json`), { force: true });
  }
  const abandoned = readdirSync(dir).filter((name) => PARTIAL.test(name) && statSync(join(dir, name)).mtimeMs < now - DAY_MS);
  for (const name of abandoned) rmSync(join(dir, name), { force: true });
  return [...old.map((record) => record.file), ...abandoned];
}
