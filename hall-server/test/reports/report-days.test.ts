import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockToMinutes, ReportBy, startOfLocalDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReportData } from '../../bench/support/report-data';
import { ServerEnv } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createHall, type Hall } from '../../src/runtime/hall';
import { HallRuntime } from '../../src/runtime/hall-runtime';
import { ReportRollup } from '../../src/runtime/report-rollup';
import { REPORT_DAYS_VERSION } from '../../src/services/report-days';
import { readHallConfig, seedHall } from '../../src/services/seed-hall';

// The reports read each closed service day from the rows the runtime wrote once (report_days,
// migration 019) and the rest live: the figures must be exactly those of the same report read
// wholly live, over days and months cut at local midnight, extended service past midnight, and
// a generated stretch of the center's load (transfers, no-shows, ratings, appointments).

const TZ = 'Asia/Shanghai';
const at = (date: string, clock: string) => startOfLocalDate(date, TZ) + clockToMinutes(clock) * 60_000;

/** Every report over `spans` (each by every breakdown) and the monthly report of `months`. */
function everyReport(hall: Hall, spans: readonly [string, string][], months: readonly string[]) {
  return {
    spans: spans.flatMap(([from, to]) => ReportBy.options.map((by) => hall.summaryReport({ from, to, by }))),
    months: months.map((month) => hall.monthlyReport(month)),
  };
}

const writtenDays = (db: Db) => db.prepare(`SELECT service_date FROM report_days WHERE dimension = 'common' ORDER BY 1`).pluck().all() as string[];

describe('a closed day written once, the hall driven through its runtime', () => {
  let dir: string;
  let db: Db;
  let rt: HallRuntime;
  let hall: Hall;
  let now = 0;
  const window1 = { windowNo: 1, staffNo: '1001' };
  const window2 = { windowNo: 2, staffNo: '1002' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-days-'));
    db = openDatabase(join(dir, 'hall.db'));
    migrate(db);
    await seedHall(db, readHallConfig(ServerEnv.parse({}).HALL_CONFIG));
    rt = new HallRuntime(db, { clock: { now: () => now } });
    hall = createHall(rt);
  });

  afterAll(async () => {
    await rt.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the day before when the day turns, and reads the same figures as with nothing written', async () => {
    const failures: unknown[] = [];
    const rollup = new ReportRollup(hall, (error) => failures.push(error), 0);
    // 30 November: window 1 serves into extended service past midnight; window 2 transfers one.
    now = at('2026-11-30', '08:55');
    hall.signIn(window1, () => undefined);
    hall.signIn(window2, () => undefined);
    now = at('2026-11-30', '10:00');
    hall.issueTicket({ category: 'A' });
    hall.issueTicket({ category: 'A' });
    now = at('2026-11-30', '10:05');
    hall.callNext(window1);
    hall.callNext(window2);
    now = at('2026-11-30', '10:20');
    hall.finish(window1, null);
    now = at('2026-11-30', '23:50');
    hall.issueTicket({ category: 'A' });
    now = at('2026-11-30', '23:55');
    hall.callNext(window1);
    now = at('2026-12-01', '00:10');
    hall.finish(window1, null);
    now = at('2026-12-01', '00:15');
    hall.signOut(window1, () => undefined);
    await hall.flush();
    expect(writtenDays(db)).toEqual([]);

    // 1 December opens with a ticket at 09:00: 30 November is closed and gets written.
    now = at('2026-12-01', '09:00');
    hall.issueTicket({ category: 'B' });
    const spans: [string, string][] = [['2026-11-30', '2026-11-30'], ['2026-12-01', '2026-12-01'], ['2026-11-01', '2026-12-31']];
    await expect.poll(() => writtenDays(db)).toEqual(['2026-11-30']);
    const cached = everyReport(hall, spans, ['2026-11', '2026-12']);
    db.prepare(`DELETE FROM report_days`).run();
    expect(everyReport(hall, spans, ['2026-11', '2026-12'])).toEqual(cached);
    expect(cached.spans[0]!.hall).toMatchObject({ issued: 3, served: 2, extendedServiceSessions: 1 });
    rollup.stop();
    expect(failures).toEqual([]);
  });
});

describe('a generated stretch of the center’s load, written in part and in whole', () => {
  let dir: string;
  let db: Db;
  let rt: HallRuntime;
  let hall: Hall;
  let firstDate = '';
  let lastDate = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-days-load-'));
    // 30 working days from 26 January: January's end, February, March's start.
    const data = await generateReportData(join(dir, 'hall.db'), { days: 30, ticketsPerDay: 120, startAfter: '2026-01-25' });
    ({ firstDate, lastDate } = data);
    db = openDatabase(data.path);
    rt = new HallRuntime(db, { clock: { now: () => at('2026-03-20', '12:00') } });
    hall = createHall(rt);
  }, 20_000);

  afterAll(async () => {
    await rt.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every report the same figures with no day written, some, all, and rows of another version', () => {
    const spans: [string, string][] = [[firstDate, lastDate], ['2026-01-30', '2026-02-02'], ['2026-02-01', '2026-02-28'], ['2026-02-27', '2026-02-27']];
    const months = ['2026-02', '2026-03'];
    const live = everyReport(hall, spans, months);
    expect(live.spans[0]!.hall.issued).toBe(30 * 120);

    expect(hall.rollUpClosedDays(7)).toBe(7);
    expect(everyReport(hall, spans, months)).toEqual(live);
    // The last day is still the hall's open service day (none opened after it): read live.
    expect(hall.rollUpClosedDays(1000)).toBe(22);
    expect(writtenDays(db)).toHaveLength(29);
    expect(writtenDays(db)).not.toContain(lastDate);
    expect(everyReport(hall, spans, months)).toEqual(live);

    // A day written by another version is read live (and written again by the next roll-up).
    db.prepare(`UPDATE report_days SET version = ?, rows = '{}' WHERE service_date = '2026-02-10'`).run(REPORT_DAYS_VERSION - 1);
    expect(everyReport(hall, spans, months)).toEqual(live);
    expect(hall.rollUpClosedDays(1000)).toBe(1);
    expect(everyReport(hall, spans, months)).toEqual(live);

    // The written rows are what the report reads for a closed day (not the tables).
    const day = { from: '2026-02-10', to: '2026-02-10', by: 'window' } as const;
    const transfers = hall.summaryReport(day).hall.transfersIn;
    db.prepare(`UPDATE report_days SET rows = json_set(rows, '$.hallEvents.transfers', 999) WHERE service_date = '2026-02-10' AND dimension = 'common'`).run();
    expect(hall.summaryReport(day).hall.transfersIn).toBe(999);
    expect(transfers).not.toBe(999);
  });

  it('writes the whole backlog of closed days in the background on start, a few days a turn', async () => {
    db.prepare(`DELETE FROM report_days`).run();
    const failures: unknown[] = [];
    const rollup = new ReportRollup(hall, (error) => failures.push(error), 0);
    rollup.start();
    // Started, nothing written yet in this turn: the hall goes on meanwhile.
    expect(writtenDays(db)).toEqual([]);
    await expect.poll(() => writtenDays(db).length).toBe(29);
    rollup.stop();
    expect(failures).toEqual([]);
    expect(hall.summaryReport({ from: firstDate, to: lastDate, by: 'staff' }).hall.issued).toBe(30 * 120);
  });
});
