import { describe, expect, it } from 'vitest';
import { SatisfactionLevel } from '@hall/shared';
import { addWorkingDays, isWorkingDay, satisfactionFigures } from '../../src/domain';
import { seededRandom } from '../../bench/support/random';

describe('the satisfaction rate', () => {
  it('is (非常满意 + 满意 + 基本满意) over the tickets rated; 未评价 is reported apart', () => {
    const figures = satisfactionFigures(10, { very_satisfied: 3, satisfied: 2, basically_satisfied: 1, dissatisfied: 1, very_dissatisfied: 1 });
    expect(figures).toEqual({
      served: 10,
      rated: 8,
      unrated: 2,
      levels: { very_satisfied: 3, satisfied: 2, basically_satisfied: 1, dissatisfied: 1, very_dissatisfied: 1 },
      satisfactionRate: 6 / 8,
      averageStars: (15 + 8 + 3 + 2 + 1) / 8,
    });
  });

  it('never counts an unrated ticket as satisfied, nor as rated', () => {
    expect(satisfactionFigures(100, { dissatisfied: 1 })).toMatchObject({ rated: 1, unrated: 99, satisfactionRate: 0 });
  });

  it('has no rate and no stars when nothing was rated', () => {
    expect(satisfactionFigures(5, {})).toMatchObject({ rated: 0, unrated: 5, satisfactionRate: null, averageStars: null });
    expect(satisfactionFigures(0, {})).toMatchObject({ served: 0, rated: 0, unrated: 0, satisfactionRate: null });
  });

  it('holds for any mix of levels (seeded)', () => {
    const random = seededRandom(6);
    for (let run = 0; run < 500; run++) {
      const counts = Object.fromEntries(SatisfactionLevel.options.map((level) => [level, Math.floor(random() * 6)]));
      const rated = Object.values(counts).reduce((a, b) => a + b, 0);
      const served = rated + Math.floor(random() * 5);
      const figures = satisfactionFigures(served, counts);
      const good = counts.very_satisfied! + counts.satisfied! + counts.basically_satisfied!;
      expect(figures.rated).toBe(rated);
      expect(figures.unrated).toBe(served - rated);
      expect(figures.satisfactionRate).toBe(rated === 0 ? null : good / rated);
    }
  });
});

describe('working days', () => {
  const none = { holidays: [], workdays: [] };

  it('are Monday to Friday by default', () => {
    expect(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map((d) => isWorkingDay(d, none))).toEqual([true, false, false, true]);
    expect(addWorkingDays('2026-03-06', 1, none)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 1, none)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 15, none)).toBe('2026-03-23');
  });

  it('skip the holidays and count the make-up days (调休)', () => {
    // The 2026 National Day week as a hall would list it: 1-7 October off, Saturday 10 October worked.
    const calendar = {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    };
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
  });

  it('cross months and years', () => {
    expect(addWorkingDays('2026-12-31', 1, none)).toBe('2027-01-01');
    expect(addWorkingDays('2026-12-31', 15, none)).toBe('2027-01-21');
  });
});
