import { readdirSync, readFileSync } from 'node:fs';
import { StartRefused } from '../operations/start-refused';
import { serverFile } from '../server-files';
import type { Db } from './connection';

const migrationsDir = serverFile('src', 'db', 'migrations');

/**
 * Migrations are `NNN-name.sql`, applied once each in order; `user_version` records the last.
 * All pending migrations run in ONE transaction: a hall upgraded over several versions either
 * reaches today's schema or stays exactly at the version it had (a failure at the third of five
 * must not leave a schema no version of the server knows). No migration may therefore need to
 * run outside a transaction (no PRAGMA foreign_keys, no VACUUM, no BEGIN/COMMIT of its own).
 */
export function migrate(db: Db, dir: string = migrationsDir): number {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  // Two branches that each added "the next" migration would give two files one number, and a
  // database already at that number would silently skip the second: refuse to start instead.
  const numbers = files.map((f) => f.slice(0, 3));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`two migrations numbered ${twice} in ${dir}`);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = files.length === 0 ? 0 : Number(files[files.length - 1]!.slice(0, 3));
  // Made by a newer server: this one would read its tables wrongly (downgrading needs the backup
  // taken before that upgrade, not this software).
  if (current > latest) {
    throw new StartRefused(
      'DATABASE_TOO_NEW',
      `数据库是更新版本的软件建立的（数据库版本 ${current}，本软件最高 ${latest}），不能用旧版本打开：请装回新版本，或用升级前的备份恢复。` +
        ` The database was made by a newer version of the software (schema ${current}, this one knows up to ${latest}).`,
    );
  }
  const pending = files.filter((file) => Number(file.slice(0, 3)) > current);
  let applying = '';
  try {
    db.transaction(() => {
      for (const file of pending) {
        applying = file;
        db.exec(readFileSync(`${dir}/${file}`, 'utf8'));
        db.pragma(`user_version = ${Number(file.slice(0, 3))}`);
      }
    })();
  } catch (error) {
    throw new StartRefused(
      'MIGRATION_FAILED',
      `数据库升级失败：迁移 ${applying} 出错（${(error as Error).message}）。数据库未做任何改动，仍是版本 ${current}。` +
        ` Upgrading the database failed at migration ${applying}; nothing was changed, it is still at version ${current}.`,
      { cause: error },
    );
  }
  return db.pragma('user_version', { simple: true }) as number;
}
