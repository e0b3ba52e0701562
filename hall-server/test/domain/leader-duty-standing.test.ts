import { describe, expect, it } from 'vitest';
import { addMonths, leaderDutyStanding } from '../../src/domain';

const rule = { headEveryMonths: 6, deputyEveryMonths: 1 };

describe('leaders’ sittings (领导值班)', () => {
  it('are due the same day of the month that many months on, kept within short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(addMonths('2026-12-07', 1)).toBe('2027-01-07');
    // Always YYYY-MM-DD, as the replies' schemas ask, whatever year a record holds.
    expect(addMonths('0999-12-31', 2)).toBe('1000-02-28');
  });

  it('are overdue past the due day, or when none was ever recorded', () => {
    const last = new Map([['市场监管局', { head: '2026-06-10', deputy: '2026-11-07' }]]);
    const [kept, none] = leaderDutyStanding(['市场监管局', '税务局'], last, rule, '2026-12-07');
    expect(kept).toEqual({
      department: '市场监管局',
      head: { lastVisit: '2026-06-10', dueBy: '2026-12-10', overdue: false },
      deputy: { lastVisit: '2026-11-07', dueBy: '2026-12-07', overdue: false },
    });
    expect(leaderDutyStanding(['市场监管局'], last, rule, '2026-12-08')[0]!.deputy.overdue).toBe(true);
    expect(none!.head).toEqual({ lastVisit: null, dueBy: null, overdue: true });
    expect(none!.deputy.overdue).toBe(true);
  });
});
