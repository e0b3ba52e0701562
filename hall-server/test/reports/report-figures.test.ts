import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockToMinutes, MonthlyReport, startOfLocalDate, SummaryReport, type ReportBy, type SummaryRow } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerEnv } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createHall, type Hall } from '../../src/runtime/hall';
import { HallRuntime } from '../../src/runtime/hall-runtime';
import { readHallConfig, seedHall } from '../../src/services/seed-hall';
import { ReportRows } from '../support/report-rows';

// The reports' arithmetic against rows whose true figures are worked out by hand below: the
// demo hall, November 2026 (one busy Monday) and October (window 2 alone), written straight
// into the tables. Today is 7 December 2026 in Asia/Shanghai.

const TZ = 'Asia/Shanghai';
const MINUTE = 60_000;
const at = (date: string, clock: string) => startOfLocalDate(date, TZ) + clockToMinutes(clock) * MINUTE;
const DAY = '2026-11-02';

let dir: string;
let db: Db;
let rt: HallRuntime;
let hall: Hall;

function writeNovemberAndOctober(rows: ReportRows): void {
  // Window 1 (户政, 县公安局, 1001): ten visits called every 10 minutes from 10:00, each handled
  // in 6 minutes, the k-th having waited 5k minutes; the 5th an appointment; four rated.
  const ratings = [
    { level: 'very_satisfied', channel: 'pad' },
    { level: 'satisfied', channel: 'phone' },
    { level: 'basically_satisfied', channel: 'pad' },
    { level: 'dissatisfied', channel: 'pad' },
  ] as const;
  for (let k = 1; k <= 10; k++) {
    const calledAt = at(DAY, '10:00') + (k - 1) * 10 * MINUTE;
    const rating = ratings[k - 1];
    const number = `A${String(k).padStart(3, '0')}`;
    const id = rows.visit({
      date: DAY,
      number,
      category: 'A',
      windowNo: 1,
      staffNo: '1001',
      issuedAt: calledAt - 5 * k * MINUTE,
      calledAt,
      finishedAt: calledAt + 6 * MINUTE,
      priority: k === 5 ? 'appointment' : null,
      rating: rating ? { ...rating, at: calledAt + 7 * MINUTE } : null,
    });
    if (k === 5) rows.appointment('A', DAY, 'checked_in', id);
    // The poor rating's follow-up, fixed on its last day.
    if (k === 4) rows.followUp({ ticketId: id, date: DAY, number, windowNo: 1, staffNo: '1001', level: 'dissatisfied', openedAt: calledAt, fixDue: '2026-11-20', fixAt: at('2026-11-20', '16:00') });
  }
  // A no-show at window 1, and a ticket it transferred to 不动产 (B), served at window 3 after lunch.
  rows.visit({ date: DAY, number: 'A011', category: 'A', windowNo: 1, staffNo: '1001', issuedAt: at(DAY, '11:00'), calledAt: at(DAY, '11:45'), noShowAt: at(DAY, '11:47') });
  rows.visit({
    date: DAY,
    number: 'A012',
    category: 'A',
    windowNo: 1,
    staffNo: '1001',
    issuedAt: at(DAY, '11:40'),
    calledAt: at(DAY, '11:50'),
    transfer: { at: at(DAY, '11:55'), toCategory: 'B', thenCalled: { windowNo: 3, staffNo: '1003', calledAt: at(DAY, '13:10'), finishedAt: at(DAY, '13:30') } },
  });
  // Window 1 signed in 09:00–17:00 with an hour's pause: open 7 hours.
  rows.event(at(DAY, '09:00'), DAY, 'window.signed_in', null, 1, '1001');
  rows.event(at(DAY, '12:00'), DAY, 'window.paused', null, 1, '1001', { reason: '午休', until: null });
  rows.event(at(DAY, '13:00'), DAY, 'window.resumed', null, 1, '1001');
  rows.event(at(DAY, '17:00'), DAY, 'window.signed_out', null, 1, '1001', { reason: 'logout' });

  // Window 2 (户政, 1002): two visits (waits 20 and 40, 10 minutes each), the second rated 非常不满意,
  // its fix recorded 00:30 on the day after its deadline (still the 20th in UTC); extended service once.
  rows.visit({ date: DAY, number: 'A013', category: 'A', windowNo: 2, staffNo: '1002', issuedAt: at(DAY, '13:40'), calledAt: at(DAY, '14:00'), finishedAt: at(DAY, '14:10') });
  const poor = rows.visit({
    date: DAY,
    number: 'A014',
    category: 'A',
    windowNo: 2,
    staffNo: '1002',
    issuedAt: at(DAY, '13:40'),
    calledAt: at(DAY, '14:20'),
    finishedAt: at(DAY, '14:30'),
    rating: { level: 'very_dissatisfied', channel: 'pad', at: at(DAY, '14:31') },
  });
  rows.followUp({ ticketId: poor, date: DAY, number: 'A014', windowNo: 2, staffNo: '1002', level: 'very_dissatisfied', openedAt: at(DAY, '14:31'), fixDue: '2026-11-20', fixAt: at('2026-11-21', '00:30') });
  rows.event(at(DAY, '17:00'), DAY, 'window.extended_service', null, 2, '1002');

  // An appointment never checked in, on-site services (one done, one cancelled), leaders' sittings.
  rows.appointment('A', '2026-11-03', 'booked');
  rows.onsite('县公安局', '2026-11-05', at('2026-11-05', '10:00'), 'done', ['1001']);
  rows.onsite('县公安局', '2026-11-06', at('2026-11-06', '10:00'), 'cancelled', ['1001']);
  rows.leaderVisit('县公安局', 'head', '2026-06-01', 1);
  rows.leaderVisit('县公安局', 'deputy', '2026-11-10', 1);
  rows.leaderVisit('县不动产登记中心', 'deputy', '2026-09-15', 3);

  // October: window 2 alone, three visits that each waited 10 and took 10 minutes.
  for (let k = 0; k < 3; k++) {
    const calledAt = at('2026-10-12', '14:00') + k * 20 * MINUTE;
    rows.visit({ date: '2026-10-12', number: `A${k + 1}`, category: 'A', windowNo: 2, staffNo: '1002', issuedAt: calledAt - 10 * MINUTE, calledAt, finishedAt: calledAt + 10 * MINUTE });
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-figures-'));
  db = openDatabase(join(dir, 'hall.db'));
  migrate(db);
  await seedHall(db, readHallConfig(ServerEnv.parse({}).HALL_CONFIG));
  const rows = new ReportRows(db);
  rows.inTransaction(() => writeNovemberAndOctober(rows));
  rt = new HallRuntime(db, { clock: { now: () => at('2026-12-07', '12:00') } });
  hall = createHall(rt);
});

afterAll(async () => {
  await rt.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function summary(by: ReportBy): SummaryReport {
  return SummaryReport.parse(hall.summaryReport({ from: '2026-11-01', to: '2026-11-30', by }));
}
const row = (report: SummaryReport, key: string): SummaryRow => {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('the span report', () => {
  it('counts each window: issued (called there), served, no-shows, transfers, waits and handling with their 90th percentiles, the target, utilisation', () => {
    const report = summary('window');
    expect(report.waitTargetMinutes).toBe(30);
    // Every window of the hall is listed, in number order, even with nothing counted.
    expect(report.rows.map((r) => r.key)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
    expect(row(report, '1')).toMatchObject({
      name: '户政一号窗口',
      issued: 12,
      served: 10,
      noShows: 1,
      transfersIn: 0,
      transfersOut: 1,
      averageWaitMinutes: 27.5,
      // Nearest rank: the ceil(0.9 × 10) = 9th of 5, 10 … 50.
      p90WaitMinutes: 45,
      averageHandlingMinutes: 6,
      p90HandlingMinutes: 6,
      // 35, 40, 45 and 50 minutes; 30 is not past the target.
      waitedPastTarget: 4,
      waitedPastTargetShare: 0.4,
      extendedServiceSessions: 0,
      appointmentsKept: 1,
      appointmentsMissed: 0,
    });
    // 60 minutes serving in 7 hours open (09:00–17:00 less the hour's pause).
    expect(row(report, '1').utilisation).toBeCloseTo(60 / 420, 10);
    expect(row(report, '2')).toMatchObject({ issued: 2, served: 2, averageWaitMinutes: 30, p90WaitMinutes: 40, waitedPastTarget: 1, waitedPastTargetShare: 0.5, extendedServiceSessions: 1, utilisation: null });
    // The transferred visit waited at window 3 from its transfer (11:55) to its call (13:10).
    expect(row(report, '3')).toMatchObject({ issued: 1, served: 1, transfersIn: 1, transfersOut: 0, averageWaitMinutes: 75, averageHandlingMinutes: 20, waitedPastTarget: 1 });
    expect(row(report, '4')).toMatchObject({ issued: 0, served: 0, averageWaitMinutes: null, p90WaitMinutes: null, utilisation: null, ratingCoverage: null });
  });

  it('counts ratings by level and channel, the satisfaction rate, coverage and follow-ups closed on time or late in the hall’s time zone', () => {
    const report = summary('window');
    const one = row(report, '1');
    expect(one.ratings).toMatchObject({ served: 10, rated: 4, unrated: 6, satisfactionRate: 0.75 });
    expect(one.ratings.levels).toMatchObject({ very_satisfied: 1, satisfied: 1, basically_satisfied: 1, dissatisfied: 1, very_dissatisfied: 0 });
    expect(one.ratingsByChannel).toEqual({ pad: 3, phone: 1 });
    expect(one.ratingCoverage).toBe(0.4);
    expect(one.poorRatings).toBe(1);
    expect(one.followUps).toEqual({ opened: 1, open: 0, overdue: 0, closedOnTime: 1, closedLate: 0 });
    // Fixed 00:30 on the 21st in Shanghai (16:30 on the 20th in UTC): late.
    expect(row(report, '2').followUps).toEqual({ opened: 1, open: 0, overdue: 1, closedOnTime: 0, closedLate: 1 });
    expect(row(report, '2').ratings.satisfactionRate).toBe(0);
  });

  it('sums the hall: every visit’s wait in one percentile, transfers, appointments kept and missed, on-site services done', () => {
    const { hall: figures } = summary('window');
    expect(figures).toMatchObject({
      issued: 14,
      served: 13,
      noShows: 1,
      transfersIn: 1,
      transfersOut: 1,
      // (5 + 10 + … + 50) + 20 + 40 + 75 = 410 minutes over 13 visits.
      averageWaitMinutes: 31.5,
      // The 12th of 13 sorted: 5 10 15 20 20 25 30 35 40 40 45 50 75.
      p90WaitMinutes: 50,
      waitedPastTarget: 6,
      extendedServiceSessions: 1,
      appointmentsKept: 1,
      appointmentsMissed: 1,
      onsiteServices: 1,
      poorRatings: 2,
    });
    expect(figures.ratings).toMatchObject({ served: 13, rated: 5, satisfactionRate: 0.6 });
    expect(figures.followUps).toEqual({ opened: 2, open: 0, overdue: 1, closedOnTime: 1, closedLate: 1 });
    // The hall's serving time (60 + 20 + 20 minutes) over its windows' open time.
    expect(figures.utilisation).toBeCloseTo(100 / 420, 10);
  });

  it('breaks the same down by department, category and staff member', () => {
    const departments = summary('department');
    expect(row(departments, '县公安局')).toMatchObject({ issued: 14, served: 12, noShows: 1, transfersOut: 1, onsiteServices: 1, extendedServiceSessions: 1 });
    expect(row(departments, '县公安局').utilisation).toBeCloseTo(80 / 420, 10);
    expect(row(departments, '县不动产登记中心')).toMatchObject({ issued: 1, served: 1, transfersIn: 1 });

    const categories = summary('category');
    // The transferred ticket ended in B: issued and served there, out of A and into B.
    expect(row(categories, 'A')).toMatchObject({ name: '公安户政', issued: 13, served: 12, transfersOut: 1, transfersIn: 0, appointmentsKept: 1, appointmentsMissed: 1, utilisation: null });
    expect(row(categories, 'A').ratings.rated).toBe(5);
    expect(row(categories, 'B')).toMatchObject({ issued: 1, served: 1, transfersIn: 1, transfersOut: 0 });

    const staff = summary('staff');
    expect(staff.rows.map((r) => r.key)).toEqual(['1001', '1002', '1003']);
    expect(row(staff, '1001')).toMatchObject({ name: '王芳', issued: 12, served: 10, onsiteServices: 1, p90WaitMinutes: 45 });
    expect(row(staff, '1001').utilisation).toBeCloseTo(60 / 420, 10);
    expect(row(staff, '1003')).toMatchObject({ issued: 1, served: 1, transfersIn: 1 });
  });
});

describe('the monthly window report (月度通报)', () => {
  it('ranks the windows by the documented score and says what the previous month said', () => {
    const report = MonthlyReport.parse(hall.monthlyReport('2026-11'));
    expect(report).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30', waitTargetMinutes: 30 });
    // Window 1: 20 (most served) + 20 × (1 − 27.5/60) + 15 + 25 × 0.75 + 10 + 10 = 84.58…
    // Window 2: 20 × 2/10 + 20 × 0.5 + 15 + 0 + 0 (its follow-up late) + 10 = 39
    // Window 3: 20 × 1/10 + 0 (75 minutes) + 15 + 0 (no rating) + 10 + 0 (its department's leaders overdue) = 27
    expect(report.windows.slice(0, 3).map((w) => [w.windowNo, w.rank, w.score])).toEqual([
      [1, 1, 84.6],
      [2, 2, 39],
      [3, 3, 27],
    ]);
    // The windows that served nobody come last, unranked, by number.
    expect(report.windows.slice(3).every((w) => w.rank === null && w.score === null)).toBe(true);
    expect(report.windows.slice(3).map((w) => w.windowNo)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
    expect(report.windows[0]).toMatchObject({ windowName: '户政一号窗口', department: '县公安局', served: 10, noShows: 1, rated: 4, ratingCoverage: 0.4, poorRatings: 1, followUpsOnTime: 1, followUpsOpened: 1 });
    // October: window 2 alone, 20 + 20 × (1 − 10/60) + 15 + 0 + 10 + 5 (the deputy had not sat yet) = 66.7.
    expect(report.windows[1]!.previous).toEqual({ rank: 1, served: 3, averageWaitMinutes: 10, satisfactionRate: null, score: 66.7 });
    expect(report.windows[0]!.previous).toEqual({ rank: null, served: 0, averageWaitMinutes: null, satisfactionRate: null, score: null });
  });

  it('gives each department its leaders’ sittings and standing at the month’s end, the staff their windows, and the charts’ series', () => {
    const report = MonthlyReport.parse(hall.monthlyReport('2026-11'));
    const police = report.departments.find((d) => d.department === '县公安局')!;
    expect(police).toMatchObject({ windowNos: [1, 2], served: 12, onsiteServices: 1, leaderVisits: { head: 0, deputy: 1 }, followUpsOpened: 2, followUpsOnTime: 1 });
    expect(police.leaderDuty).toEqual({
      department: '县公安局',
      head: { lastVisit: '2026-06-01', dueBy: '2026-12-01', overdue: false },
      deputy: { lastVisit: '2026-11-10', dueBy: '2026-12-10', overdue: false },
    });
    expect(police.previous).toMatchObject({ rank: null, served: 3, averageWaitMinutes: 10 });
    const land = report.departments.find((d) => d.department === '县不动产登记中心')!;
    expect(land.leaderDuty.head.overdue).toBe(true);
    expect(land.leaderDuty.deputy).toEqual({ lastVisit: '2026-09-15', dueBy: '2026-10-15', overdue: true });

    expect(report.staff.map((s) => [s.staffNo, s.windowNos, s.served])).toEqual([
      ['1001', [1], 10],
      ['1002', [2], 2],
      ['1003', [3], 1],
    ]);
    expect(report.daily).toHaveLength(30);
    expect(report.daily.find((d) => d.date === DAY)).toEqual({ date: DAY, issued: 14, served: 13 });
    expect(report.daily.filter((d) => d.issued > 0)).toHaveLength(1);
    expect(report.waitBands.map((b) => b.count)).toEqual([0, 1, 1, 1, 3, 4, 2, 1]);
    expect(report.waitBands.at(-1)).toEqual({ fromMinutes: 60, toMinutes: null, count: 1 });
    expect(report.categories.find((c) => c.code === 'A')).toEqual({ code: 'A', name: '公安户政', issued: 13, served: 12 });
  });
});
