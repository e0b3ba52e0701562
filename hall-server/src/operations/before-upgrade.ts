import type { Logger } from 'pino';
import type { ServerEnv } from '../config';
import type { Db } from '../db/connection';
import { latestSchemaVersion } from '../db/migrate';
import { makeBackup } from './backup-make';
import { backupDirOf } from './backup-folder';
import { storedBackupSettings } from './stored-settings';

/**
 * Before new software migrates an older hall database, a checked backup of it as it was
 * (trigger 'before_upgrade'). A failed one is logged and recorded, and the start goes on: the
 * migration itself changes all or nothing (db/migrate.ts), and a hall that cannot open because
 * its backup disk is full would be the worse fault.
 */
export async function backupBeforeUpgrade(db: Db, env: ServerEnv, now: () => number, logger: Logger): Promise<void> {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion();
  if (version === 0 || version >= latest) return;
  const record = await makeBackup({ source: env.HALL_DB, dir: backupDirOf(env), trigger: 'before_upgrade', now, timezone: storedBackupSettings(db, env).timezone });
  if (record.ok) logger.info({ file: record.file, from: version, to: latest, bytes: record.bytes }, 'backup made before the upgrade');
  else logger.error({ file: record.file, from: version, to: latest, code: record.error?.code, reason: record.error?.message }, 'the backup before the upgrade failed; migrating anyway');
}
