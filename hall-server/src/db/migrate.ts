import { readdirSync, readFileSync } from 'node:fs';
import { serverFile } from '../server-files';
import type { Db } from './connection';

const migrationsDir = serverFile('src', 'db', 'migrations');

/** Migrations are `NNN-name.sql`, applied once each in order; `user_version` records the last. */
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
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current) continue;
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version this software brings a database to: its newest migration's number. */
export function latestSchemaVersion(dir: string = migrationsDir): number {
  const numbers = readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .map((f) => Number(f.slice(0, 3)));
  return Math.max(0, ...numbers);
}
