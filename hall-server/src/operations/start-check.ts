import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ServerEnv } from '../config';
import { openDatabase, type Db } from '../db/connection';
import { backupDirOf, lastGoodBackup } from './backup-folder';
import { StartRefused } from './start-refused';

// Before the hall serves from its database, it makes sure the file is sound and can be written
// (issue 17). A damaged file would serve wrong numbers and lose what is written to it; a file
// that cannot be written would take no ticket. Neither gets better by starting again, so the
// start is refused (StartRefused: main.ts logs it with its code, prints it and exits 78, which
// the service does not restart) with a message that says what to do: for a damaged file, the
// last good backup and the command that restores it.

type DbEnv = Pick<ServerEnv, 'HALL_DB' | 'HALL_BACKUP_DIR'>;

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const UNWRITABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Opens the hall's database and checks it (PRAGMA quick_check) and that it can be written; refuses the start otherwise. */
export function openCheckedDatabase(env: DbEnv): Db {
  if (env.HALL_DB === ':memory:') return openDatabase(env.HALL_DB);
  refuseIfUnwritableFile(env);
  let db: Db | null = null;
  return refuseIfDamaged(env, () => {
    db = openDatabase(env.HALL_DB);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    return db;
  }, () => db?.close());
}

/**
 * Runs a step of the start on the database (opening it, migrating it): a damaged file or one
 * that cannot be written refuses the start instead of throwing on.
 */
export function refuseIfDamaged<T>(env: DbEnv, step: () => T, onRefusal: () => void = () => undefined): T {
  try {
    return step();
  } catch (error) {
    // SQLite's own error, or the one a failed migration carries as its cause.
    const codes = [error, (error as { cause?: unknown }).cause].map(codeOf);
    const damaged = codes.some((code) => DAMAGED.has(code) || code.startsWith('SQLITE_CORRUPT'));
    const unwritable = codes.some((code) => UNWRITABLE.has(code) || code.startsWith('SQLITE_READONLY'));
    if (!damaged && !unwritable) throw error;
    try {
      onRefusal();
    } catch {
      // Closing a damaged file may fail too; the refusal says what matters.
    }
    throw damaged ? damagedRefusal(env, error) : unwritableRefusal(env, error);
  }
}

/** The file (or, for a new one, its folder) cannot be written, e.g. on a disk mounted read-only. */
function refuseIfUnwritableFile(env: DbEnv): void {
  const path = existsSync(env.HALL_DB) ? env.HALL_DB : dirname(env.HALL_DB);
  if (!existsSync(path)) return;
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw unwritableRefusal(env, error);
  }
}

function damagedRefusal(env: DbEnv, cause: unknown): StartRefused {
  const dir = backupDirOf(env);
  const good = lastGoodBackup(dir);
  const lines = [
    '数据库文件已损坏，服务器拒绝启动（以免使用错误的数据）。The hall database is damaged; the server will not start on it.',
    `  ${env.HALL_DB}`,
    good === null
      ? `备份目录中没有完好的备份 (no good backup in ${dir})。请联系技术支持修复数据库文件，切勿删除它。`
      : `最近一次完好的备份 (last good backup): ${good.path}（${good.record.startedAt}）`,
    ...(good === null ? [] : [`恢复命令 (to restore it): npm run restore -- ${good.path}`]),
  ];
  return new StartRefused('DATABASE_DAMAGED', lines.join('\n'), { cause });
}

function unwritableRefusal(env: DbEnv, cause: unknown): StartRefused {
  const lines = [
    '数据库文件无法写入，服务器拒绝启动。The hall database cannot be opened for writing; the server will not start.',
    `  ${env.HALL_DB}`,
    `原因 (reason): ${(cause as Error).message}`,
    '请检查磁盘是否以只读方式挂载、文件权限是否正确，修复后重新启动服务。Check that the disk is not mounted read-only and that the server may write the file and its folder, then start the service again.',
  ];
  return new StartRefused('DATABASE_UNWRITABLE', lines.join('\n'), { cause });
}
