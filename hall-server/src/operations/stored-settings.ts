import { HallSettings } from '@hall/shared';
import type { ServerEnv } from '../config';
import type { Db } from '../db/connection';

// A backup made outside the running hall (the backup command, the backup before an upgrade) is
// named by the hall's time and pruned by the hall's days as well: HALL_TZ, else the stored
// settings, else their defaults.

export function storedBackupSettings(db: Db, env: Pick<ServerEnv, 'HALL_TZ'>): Pick<HallSettings, 'backup' | 'timezone'> {
  const defaults = HallSettings.shape;
  let stored: { backup?: unknown; timezone?: unknown } = {};
  try {
    const row = db.prepare('SELECT settings FROM hall_settings WHERE id = 1').get() as { settings: string } | undefined;
    if (row !== undefined) stored = JSON.parse(row.settings) as typeof stored;
  } catch {
    // An empty database (no set-up yet) has no settings to read.
  }
  const timezone = defaults.timezone.safeParse(env.HALL_TZ ?? stored.timezone);
  const backup = defaults.backup.safeParse(stored.backup);
  return {
    timezone: timezone.success ? timezone.data : defaults.timezone.parse(undefined),
    backup: backup.success ? backup.data : defaults.backup.parse(undefined),
  };
}
