import { pino } from 'pino';
import { loadServerEnv } from './config';
import { EXIT_NEEDS_A_PERSON } from './operations/start-refused';
import { backupDirOf } from './operations/backup-folder';
import { contentsLines } from './operations/contents-lines';
import { findBackup, restoreBackup, type RestoreRefusal } from './operations/restore-backup';

// `npm run restore -- <file or YYYY-MM-DD>`: puts a backup in place of HALL_DB, with the server
// stopped. A refusal (server running, no such backup, a damaged or foreign file, a schema newer
// than this software) exits 78 and changes nothing.

const env = loadServerEnv();
const logger = pino({ level: env.HALL_LOG_LEVEL }, pino.destination(2));
const out = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
const asked = process.argv[2];
const dir = backupDirOf(env);

function refusalLines(refusal: RestoreRefusal): string[] {
  switch (refusal.refused) {
    case 'server_running':
      return [
        `大厅服务器正在使用这个数据库${refusal.pid === null ? '' : `（进程 ${refusal.pid}）`}，请先停止服务再恢复。`,
        `The hall server is running on this database${refusal.pid === null ? '' : ` (process ${refusal.pid})`}: stop the service first, then restore.`,
      ];
    case 'not_found':
      return [
        `没有找到备份 ${refusal.asked}。No backup ${refusal.asked} found.`,
        ...(refusal.dates.length === 0 ? [] : [`有成功备份的日期 Dates with a good backup: ${refusal.dates.join(' ')}`]),
      ];
    case 'damaged':
      return [`这份备份已损坏，不能使用：${refusal.detail}`, `This backup is damaged and cannot be used: ${refusal.detail}`];
    case 'failed':
      return [
        `无法复制这份备份，数据库没有改动：${refusal.detail}`,
        `The backup could not be copied; the database was not changed: ${refusal.detail}`,
      ];
    case 'not_hall':
      return [`这不是大厅排队系统的数据库：${refusal.detail}`, `This is not a hall queue database: ${refusal.detail}`];
    case 'too_new':
      return [
        `这份备份来自更新版本的软件（数据库版本 ${refusal.schemaVersion}，本软件为 ${refusal.latest}），请先升级软件。`,
        `This backup comes from newer software (schema ${refusal.schemaVersion}, this software's is ${refusal.latest}): upgrade first.`,
      ];
  }
}

if (asked === undefined) {
  out(['用法 Usage: npm run restore -- <备份文件 backup file | 日期 date YYYY-MM-DD>', `备份文件夹 Backup folder: ${dir}`]);
  process.exit(64);
}
const found = findBackup(asked, dir, process.env.INIT_CWD ?? process.cwd());
const result = typeof found === 'string' ? await restoreBackup(found, env.HALL_DB, Date.now()) : found;
if (result.refused !== null) {
  logger.warn({ code: `RESTORE_REFUSED`, reason: result.refused, asked }, 'restore refused');
  out(['未恢复 Nothing restored.', ...refusalLines(result)]);
  process.exit(EXIT_NEEDS_A_PERSON);
}
logger.info({ source: result.source, contents: result.contents }, 'backup restored');
out([
  `已恢复备份 Restored the backup ${result.source}`,
  `  到 to ${env.HALL_DB}`,
  ...contentsLines(result.contents),
  ...(result.replaced === null ? [] : [`原数据库已保留在 The replaced database is kept at ${result.replaced}`]),
  '现在可以启动服务。You may start the service now.',
]);
