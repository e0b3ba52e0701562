import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHallLog, pruneLogs, type LogEnv } from '../../src/operations/logger';

// The hall's log files: a new one each day and past the size limit, the days kept pruned by the
// date in their names, every line JSON.

let dir: string;
const env = (over: Partial<LogEnv> = {}): LogEnv => ({ HALL_LOG_LEVEL: 'info', HALL_LOG_DIR: dir, HALL_LOG_KEEP_DAYS: 30, HALL_LOG_MAX_MB: 50, ...over });
const logFiles = () => readdirSync(dir).filter((name) => name.endsWith('.log') && name !== 'current.log').sort();
const days = () => [...new Set(logFiles().map((name) => name.split('.')[1]))];
const lines = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-log-'));
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hall log in files', () => {
  it('starts a new file past the size limit, every line JSON in one of them', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 8, 10, 0) });
    const { logger } = await openHallLog(env(), { maxBytes: 400 });
    // One line a turn of the event loop, as requests come: the file is changed between two lines.
    for (let i = 0; i < 12; i++) {
      logger.info({ i }, 'ticket issued');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(logFiles().length).toBeGreaterThanOrEqual(3);
    expect(logFiles().every((name) => /^hall\.2026-12-08\.\d+\.log$/.test(name))).toBe(true);
    const all = logFiles().flatMap(lines);
    expect(all.map((line) => line.i)).toEqual([...Array(12).keys()]);
    // Each file is past the limit by at most the line that crossed it.
    for (const name of logFiles()) expect(readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).length).toBeLessThanOrEqual(5);
  });

  it('starts a new file when the day changes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date(2026, 11, 7, 23, 59, 50) });
    const { logger } = await openHallLog(env());
    logger.info('before midnight');
    await vi.advanceTimersByTimeAsync(15_000);
    await vi.waitFor(() => expect(logFiles()).toEqual(['hall.2026-12-07.1.log', 'hall.2026-12-08.1.log']));
    logger.info('after midnight');
    expect(lines('hall.2026-12-07.1.log').map((line) => line.msg)).toEqual(['before midnight']);
    expect(lines('hall.2026-12-08.1.log').map((line) => line.msg)).toEqual(['after midnight']);
    expect(readFileSync(join(dir, 'current.log'), 'utf8')).toContain('after midnight');
  });

  it('keeps the days configured: older files go at start and at each new file', async () => {
    const old = ['hall.2026-11-01.1.log', 'hall.2026-11-08.1.log', 'hall.2026-11-08.2.log'];
    for (const name of [...old, 'hall.2026-11-09.1.log', 'hall.2026-12-07.1.log', 'notes.txt']) writeFileSync(join(dir, name), '{}\n');
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date(2026, 11, 8, 23, 59, 50) });
    const { logger } = await openHallLog(env({ HALL_LOG_KEEP_DAYS: 30 }));
    // 30 days with 8 December: 9 November to 8 December.
    // (pino-roll goes on numbering from the highest number among today's files.)
    expect(days()).toEqual(['2026-11-09', '2026-12-07', '2026-12-08']);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    // Past midnight, 9 November is the 31st day back.
    logger.info('day one');
    await vi.advanceTimersByTimeAsync(15_000);
    await vi.waitFor(() => expect(days()).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']));
  });

  it('pruneLogs counts today as one of the days kept', () => {
    mkdirSync(dir, { recursive: true });
    for (const name of ['hall.2026-12-06.1.log', 'hall.2026-12-07.3.log', 'hall.2026-12-08.1.log']) writeFileSync(join(dir, name), '');
    expect(pruneLogs(dir, 2, new Date(2026, 11, 8, 12))).toEqual(['hall.2026-12-06.1.log']);
    expect(pruneLogs(dir, 1, new Date(2026, 11, 8, 12))).toEqual(['hall.2026-12-07.3.log']);
  });

  it('goes to standard output when no folder is set', async () => {
    const { logger } = await openHallLog(env({ HALL_LOG_DIR: undefined }));
    expect(logger.level).toBe('info');
    expect(readdirSync(dir)).toEqual([]);
  });
});
