import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockToMinutes, startOfLocalDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createHall, type Hall } from '../../src/runtime/hall';
import { HallRuntime } from '../../src/runtime/hall-runtime';
import { readHallConfig, seedHall } from '../../src/services/seed-hall';

// Days and months cut at the hall's local midnight (Asia/Shanghai, UTC+8), and a visit of
// extended service (延时服务) that runs past midnight counts on its service day. The hall is
// driven through its runtime on a set clock, so the service dates are the domain's own.

const TZ = 'Asia/Shanghai';
const at = (date: string, clock: string) => startOfLocalDate(date, TZ) + clockToMinutes(clock) * 60_000;

let dir: string;
let db: Db;
let rt: HallRuntime;
let hall: Hall;
let now = 0;
const window1 = { windowNo: 1, staffNo: '1001' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-days-'));
  db = openDatabase(join(dir, 'hall.db'));
  migrate(db);
  await seedHall(db, readHallConfig(ServerEnv.parse({}).HALL_CONFIG));
  rt = new HallRuntime(db, { clock: { now: () => now } });
  hall = createHall(rt);

  // 26 November: window 1 signs in before opening and is still calling after closing; its last
  // visit, issued 23:50, is finished at 00:10 on the 27th.
  now = at('2026-11-26', '08:55');
  hall.signIn(window1, () => undefined);
  now = at('2026-11-26', '16:55');
  hall.issueTicket({ category: 'A' });
  now = at('2026-11-26', '17:10');
  hall.callNext(window1);
  now = at('2026-11-26', '23:50');
  hall.issueTicket({ category: 'A' });
  now = at('2026-11-26', '23:51');
  hall.finish(window1, null);
  now = at('2026-11-26', '23:55');
  hall.callNext(window1);
  now = at('2026-11-27', '00:10');
  hall.finish(window1, null);
  now = at('2026-11-27', '00:15');
  hall.signOut(window1, () => undefined);

  // 30 November 23:59 and 1 December 00:00, nobody in extended service: two days, two months.
  now = at('2026-11-30', '23:59');
  hall.issueTicket({ category: 'B' });
  now = at('2026-12-01', '00:00');
  hall.issueTicket({ category: 'B' });
  now = at('2026-12-07', '12:00');
  await hall.flush();
});

afterAll(async () => {
  await rt.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('service days and months in the hall’s time zone', () => {
  it('counts a visit of extended service finished after midnight on its service day, with the window’s open time to its finish', () => {
    const day = hall.summaryReport({ from: '2026-11-26', to: '2026-11-26', by: 'window' });
    const window = day.rows.find((r) => r.key === '1')!;
    expect(window).toMatchObject({ issued: 2, served: 2, extendedServiceSessions: 1, averageWaitMinutes: 10, averageHandlingMinutes: 208 });
    // Serving 17:10–23:51 and 23:55–00:10 (416 minutes) in the day's open time, from opening
    // (09:00, after the 08:55 sign-in) to the last finish (00:10): 910 minutes.
    expect(window.utilisation).toBeCloseTo(416 / 910, 10);
    const next = hall.summaryReport({ from: '2026-11-27', to: '2026-11-27', by: 'window' });
    expect(next.hall).toMatchObject({ issued: 0, served: 0, extendedServiceSessions: 0, utilisation: null });
  });

  it('cuts the day and the month at local midnight: 23:59 on 30 November is November’s, 00:00 on 1 December is December’s', () => {
    expect(hall.summaryReport({ from: '2026-11-30', to: '2026-11-30', by: 'category' }).hall.issued).toBe(1);
    expect(hall.summaryReport({ from: '2026-12-01', to: '2026-12-01', by: 'category' }).hall.issued).toBe(1);
    const november = hall.monthlyReport('2026-11');
    expect(november.hall.issued).toBe(3);
    expect(november.daily.find((d) => d.date === '2026-11-30')).toEqual({ date: '2026-11-30', issued: 1, served: 0 });
    expect(november.daily.find((d) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', issued: 2, served: 2 });
    const december = hall.monthlyReport('2026-12');
    expect(december.hall.issued).toBe(1);
    expect(december.daily[0]).toEqual({ date: '2026-12-01', issued: 1, served: 0 });
    // November is December's previous month: window 1's two visits.
    expect(december.windows.find((w) => w.windowNo === 1)!.previous).toMatchObject({ served: 2, rank: 1 });
  });
});
