import type { BackupContents } from '@hall/shared';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Making a backup copy and checking it (PRAGMA integrity_check, then what it holds) each read
// every page: on a year's database that takes seconds, which must not freeze the hall. Both run
// in a worker thread of its own. The copy is SQLite's online backup, read on a read-only
// connection of the worker's own, in one step: a WAL reader sees the database as it was when the
// step began, while the hall goes on writing (a backup in small steps on the hall's connection
// came out empty when it met the commit group's open transaction). The check opens the copy
// read-only.

/** What a copy was found to be. */
export type CopyCheck =
  | { ok: true; contents: BackupContents }
  /** `copy_failed`: no copy could be made; `damaged`: integrity_check found faults (or it is no SQLite file); `not_hall`: a database, but not a hall's. */
  | { ok: false; problem: 'copy_failed' | 'damaged' | 'not_hall'; detail: string };

/** The tables every hall database has had since its first schema (001). */
const HALL_TABLES = ['hall_settings', 'service_days', 'tickets'];

// The worker's own code, as plain JavaScript: the server is bundled into dist/, and a worker file
// beside the source would not be there. better-sqlite3 is loaded by the path the caller resolved.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const HALL_TABLES = ${JSON.stringify(HALL_TABLES)};
async function copy() {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    await source.backup(workerData.path, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The copy stands alone: a rollback-journal file, so reading it read-only leaves no -wal or -shm beside it.
  const made = new Database(workerData.path);
  try {
    made.pragma('journal_mode = DELETE');
  } finally {
    made.close();
  }
}
function check() {
  let db;
  try {
    db = new Database(workerData.path, { readonly: true, fileMustExist: true });
    const faults = db.prepare('PRAGMA integrity_check').pluck().all();
    if (faults.length !== 1 || faults[0] !== 'ok') {
      parentPort.postMessage({ ok: false, problem: 'damaged', detail: faults.slice(0, 5).join('; ') });
    } else {
      const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
      const missing = HALL_TABLES.filter((name) => !tables.has(name));
      if (missing.length > 0) {
        parentPort.postMessage({ ok: false, problem: 'not_hall', detail: 'no table ' + missing.join(', ') });
      } else {
        const days = db.prepare('SELECT min(service_date) AS first, max(service_date) AS last, count(*) AS n FROM service_days').get();
        // Ratings came with schema 005: an older copy has none.
        const ratings = tables.has('evaluations') ? db.prepare("SELECT count(*) FROM evaluations WHERE status = 'rated'").pluck().get() : 0;
        parentPort.postMessage({
          ok: true,
          contents: {
            schemaVersion: db.pragma('user_version', { simple: true }),
            firstServiceDate: days.first,
            lastServiceDate: days.last,
            serviceDays: days.n,
            tickets: db.prepare('SELECT count(*) FROM tickets').pluck().get(),
            ratings,
          },
        });
      }
    }
  } catch (error) {
    parentPort.postMessage({ ok: false, problem: 'damaged', detail: String(error && error.message || error) });
  } finally {
    if (db) db.close();
  }
}
if (workerData.source === null) check();
else copy().then(check, (error) => parentPort.postMessage({ ok: false, problem: 'copy_failed', detail: String(error && error.message || error) }));
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Checks a copy off the main thread: integrity first, then whether it is a hall's and what it holds. */
export const checkCopy = (path: string): Promise<CopyCheck> => inWorker(null, path);

/** Copies the database at `source` to `path` (SQLite's online backup) and checks the copy, off the main thread. */
export const copyAndCheck = (source: string, path: string): Promise<CopyCheck> => inWorker(source, path);

function inWorker(source: string | null, path: string): Promise<CopyCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { source, path, driver } });
    let answer: CopyCheck | null = null;
    worker.once('message', (message: CopyCheck) => (answer = message));
    worker.once('error', reject);
    worker.once('exit', () => (answer === null ? reject(new Error('the backup check ended without an answer')) : resolve(answer)));
  });
}
