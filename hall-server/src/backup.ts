import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { loadServerEnv } from './config';
import { EXIT_NEEDS_A_PERSON } from './operations/start-refused';
import { backupDirOf } from './operations/backup-folder';
import { makeBackup } from './operations/backup-make';
import { pruneBackups } from './operations/backup-retention';
import { contentsLines } from './operations/contents-lines';
import { storedBackupSettings } from './operations/stored-settings';

// `npm run backup`: a checked backup of HALL_DB into the backup folder, also while the server
// runs. It reads through SQLite on read-only connections (the settings, the online backup), so
// it never writes the live database; the result goes to the screen in Chinese and English, and to the
// log (standard error, JSON).

const env = loadServerEnv();
const logger = pino({ level: env.HALL_LOG_LEVEL }, pino.destination(2));
const out = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

if (!existsSync(env.HALL_DB)) {
  out([`没有找到数据库 ${env.HALL_DB}，请检查 hall.env 里的 HALL_DB。`, `No database at ${env.HALL_DB}: check HALL_DB in hall.env.`]);
  process.exit(EXIT_NEEDS_A_PERSON);
}
const db = new Database(env.HALL_DB, { readonly: true, fileMustExist: true });
const settings = storedBackupSettings(db, env);
db.close();
const dir = backupDirOf(env);
const record = await makeBackup({ source: env.HALL_DB, dir, trigger: 'command', now: Date.now, timezone: settings.timezone });
if (record.ok && record.contents !== null) {
  const removed = pruneBackups(dir, settings.backup.keepDays, Date.now());
  logger.info({ file: record.file, trigger: 'command', bytes: record.bytes, contents: record.contents, removed }, 'backup made and checked');
  out([`备份完成，已检查无误 Backup made and checked:`, `  ${dir}/${record.file}`, ...contentsLines(record.contents)]);
  process.exit(0);
}
logger.error({ file: record.file, trigger: 'command', code: record.error?.code, reason: record.error?.message }, 'backup failed');
out([`备份失败 Backup failed: ${record.error?.code}`, `  ${record.error?.message}`]);
process.exit(1);
