import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import type { ServerEnv } from '../config';

// The hall server's log: JSON lines (pino) on standard output, or, with HALL_LOG_DIR, in files
// that pino-roll starts afresh each day and past HALL_LOG_MAX_MB, named by their day
// (hall.2026-12-08.1.log, hall.2026-12-08.2.log, …; current.log points at the one in use).
// pino-roll's own limit counts files, not days, so the days kept are pruned here, by the date
// in each file's name, at start and whenever a new file begins.

export interface HallLog {
  logger: Logger;
  /** Writes out anything still buffered: called before process.exit. */
  flush(): void;
}

export type LogEnv = Pick<ServerEnv, 'HALL_LOG_LEVEL' | 'HALL_LOG_DIR' | 'HALL_LOG_KEEP_DAYS' | 'HALL_LOG_MAX_MB'>;

export interface LogOptions {
  /** A file's size limit in bytes (tests); else HALL_LOG_MAX_MB. */
  maxBytes?: number;
  /** Today, for the days kept (tests); else the machine's clock. */
  now?: () => Date;
}

const BASE_NAME = 'hall';
const LOG_FILE = /^hall\.(\d{4}-\d{2}-\d{2})\.\d+\.log$/;

export async function openHallLog(env: LogEnv, options: LogOptions = {}): Promise<HallLog> {
  if (env.HALL_LOG_DIR === undefined) {
    const stdout = pino.destination({ dest: 1, sync: true });
    return { logger: pino({ level: env.HALL_LOG_LEVEL }, stdout), flush: () => stdout.flushSync() };
  }
  const dir = env.HALL_LOG_DIR;
  const now = options.now ?? (() => new Date());
  // Synchronous writes: a line is in the file once logged, so a kill -9 or a power cut loses
  // none, and the fatal line before an exit is there without waiting.
  const stream = await pinoRoll({
    file: join(dir, BASE_NAME),
    extension: 'log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: `${options.maxBytes ?? env.HALL_LOG_MAX_MB * 1024 * 1024}b`,
    // Windows lets only administrators make symbolic links.
    symlink: process.platform !== 'win32',
    mkdir: true,
    sync: true,
  });
  const logger = pino({ level: env.HALL_LOG_LEVEL }, stream);
  const prune = () => {
    try {
      pruneLogs(dir, env.HALL_LOG_KEEP_DAYS, now());
    } catch (error) {
      logger.warn({ err: error, code: 'LOG_PRUNE_FAILED', dir }, 'old log files could not be removed');
    }
  };
  prune();
  // 'ready': a new file was opened (a new day, or the last one full).
  stream.on('ready', prune);
  return { logger, flush: () => stream.flushSync() };
}

/** The day in a log file's name, as pino-roll writes it (the machine's local date). */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Removes the log files of days before the last `keepDays` (today counts as one). */
export function pruneLogs(dir: string, keepDays: number, today: Date): string[] {
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (keepDays - 1));
  const oldest = localDay(first);
  const removed = readdirSync(dir).filter((name) => {
    const day = LOG_FILE.exec(name)?.[1];
    return day !== undefined && day < oldest;
  });
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}
