import { clockToMinutes, MONTHLY_SCORE_WEIGHTS, startOfLocalDate } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { rankWindows, type WindowMonth } from '../../src/services/monthly-score';
import { windowOpenTime } from '../../src/services/window-open-time';

// The ranking's ties and the windows' open time, as pure functions.

const TZ = 'Asia/Shanghai';
const at = (date: string, clock: string) => startOfLocalDate(date, TZ) + clockToMinutes(clock) * 60_000;
const HOUR = 3_600_000;

const standing = { department: '县公安局', head: { lastVisit: '2026-11-01', dueBy: '2027-05-01', overdue: false }, deputy: { lastVisit: '2026-11-01', dueBy: '2026-12-01', overdue: false } };
const window = (windowNo: number, served: number, averageWaitMinutes: number): WindowMonth => ({
  windowNo,
  served,
  averageWaitMs: averageWaitMinutes * 60_000,
  averageHandlingMs: 10 * 60_000,
  expectedHandlingMs: 10 * 60_000,
  satisfactionRate: 1,
  followUpsOnTime: 0,
  followUpsOpened: 0,
  leaderDuty: standing,
});

describe('the monthly ranking', () => {
  it('weighs six parts that add up to 100', () => {
    expect(Object.values(MONTHLY_SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    // Everything perfect: the full 100.
    expect(rankWindows([window(1, 10, 0)], 30)).toEqual([{ windowNo: 1, rank: 1, score: 100 }]);
  });

  it('breaks ties by served, then the shorter wait, then the lower number, and leaves windows that served nobody unranked', () => {
    // Windows 4 and 2: 20 + 20 × (1 − 30/60) + 60 = 90; windows 5 and 3: 20 × 2/20 + 20 × (1 − 6/60) + 60 = 80.
    const ranked = rankWindows([window(9, 0, 0), window(5, 2, 6), window(3, 2, 6), window(4, 20, 30), window(2, 20, 30), window(7, 0, 0)], 30);
    expect(ranked).toEqual([
      { windowNo: 2, rank: 1, score: 90 },
      { windowNo: 4, rank: 2, score: 90 },
      { windowNo: 3, rank: 3, score: 80 },
      { windowNo: 5, rank: 4, score: 80 },
      { windowNo: 7, rank: null, score: null },
      { windowNo: 9, rank: null, score: null },
    ]);
    // Equal after rounding (20 × 10/11 + 80 = 98.18…, and 20 + 20 × (1 − 5.4/60) + 60 = 98.2): the
    // one that served more goes first, though it kept its visitors waiting longer.
    const close = rankWindows([window(1, 10, 0), window(2, 11, 5.4)], 30);
    expect(close.map((r) => [r.windowNo, r.rank, r.score])).toEqual([
      [2, 1, 98.2],
      [1, 2, 98.2],
    ]);
  });
});

describe('a window’s open time', () => {
  it('counts only the hours of the days the hall opened, for staff left signed in overnight, less the pauses', () => {
    const open = windowOpenTime({
      from: '2026-11-30',
      // Tuesday 1 December the hall never opened.
      serviceDays: ['2026-11-30', '2026-12-02'],
      timezone: TZ,
      openingHours: { open: '09:00', close: '17:00' },
      before: [],
      during: [
        { windowNo: 1, staffNo: '1001', type: 'window.signed_in', at: at('2026-11-30', '08:50') },
        { windowNo: 1, staffNo: '1001', type: 'window.paused', at: at('2026-12-02', '12:00') },
        { windowNo: 1, staffNo: '1001', type: 'window.resumed', at: at('2026-12-02', '13:00') },
      ],
      served: new Map(),
      now: at('2026-12-03', '10:00'),
    });
    expect(open.get(1)?.get('1001')).toBe(8 * HOUR + 7 * HOUR);
  });

  it('takes the state before the span from its last event, and stretches a day to its first call and last finish', () => {
    const open = windowOpenTime({
      from: '2026-12-02',
      serviceDays: ['2026-12-02'],
      timezone: TZ,
      openingHours: { open: '09:00', close: '17:00' },
      // Signed in the day before, still signed in; window 2 signed out.
      before: [
        { windowNo: 1, staffNo: '1002', type: 'window.signed_in', at: at('2026-12-01', '08:55') },
        { windowNo: 2, staffNo: '1003', type: 'window.signed_out', at: at('2026-12-01', '17:00') },
      ],
      during: [{ windowNo: 1, staffNo: '1002', type: 'window.signed_out', at: at('2026-12-03', '00:30') }],
      served: new Map([['1|2026-12-02', { firstCall: at('2026-12-02', '08:40'), lastFinish: at('2026-12-03', '00:20') }]]),
      now: at('2026-12-07', '10:00'),
    });
    // 08:40 on the 2nd to 00:20 on the 3rd.
    expect(open.get(1)?.get('1002')).toBe(15 * HOUR + 40 * 60_000);
    expect(open.has(2)).toBe(false);
  });
});
