import type { RosterEntry } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { changeNotice, changeRoster, onDuty, rosterOf } from '../../src/domain';
import { TestHall, buildSetup, eventsOf, sh } from './fixtures';

const staff = [
  { staffNo: '101', name: '张一', windows: [1] },
  { staffNo: '201', name: '导服甲', roles: ['window' as const, 'guide' as const], windows: [1] },
  { staffNo: '202', name: '导服乙', roles: ['guide' as const] },
  { staffNo: '300', name: '周值班长', roles: ['captain' as const] },
  { staffNo: '301', name: '吴值班长', roles: ['captain' as const] },
  { staffNo: '900', name: '管理员', roles: ['admin' as const] },
];
const roster: RosterEntry[] = [
  { shift: 'all_day', role: 'captain', staffNo: '300' },
  { shift: 'morning', role: 'guide', staffNo: '201' },
  { shift: 'afternoon', role: 'guide', staffNo: '202' },
];

describe('the duty roster', () => {
  it('has the captain all day and each guide in their shift (08:30-12:30, 12:30-17:30 by default)', () => {
    const hall = new TestHall(buildSetup({ staff }));
    expect(onDuty(hall.state, roster, sh('2026-03-02 08:29'))).toEqual({ captain: '300', guides: [] });
    expect(onDuty(hall.state, roster, sh('2026-03-02 08:30'))).toEqual({ captain: '300', guides: ['201'] });
    expect(onDuty(hall.state, roster, sh('2026-03-02 12:30'))).toEqual({ captain: '300', guides: ['202'] });
    expect(onDuty(hall.state, roster, sh('2026-03-02 17:30'))).toEqual({ captain: '300', guides: [] });
    expect(onDuty(hall.state, [...roster, { shift: 'all_day', role: 'guide', staffNo: '201' }], sh('2026-03-02 18:00')).guides).toEqual(['201']);
    expect(onDuty(hall.state, [], sh('2026-03-02 10:00'))).toEqual({ captain: null, guides: [] });
  });

  it('is changed by a duty captain or an administrator, on record', () => {
    const hall = new TestHall(buildSetup({ staff }));
    const outcome = hall.run((s, c) => changeRoster(s, { date: '2026-03-03', entries: roster, by: '301' }, c));
    expect(eventsOf(outcome.events, 'roster.changed')).toMatchObject([{ date: '2026-03-03', staffNo: '301' }]);
    hall.run((s, c) => changeRoster(s, { date: '2026-03-03', entries: [], by: '900' }, c));
    hall.refuse((s, c) => changeRoster(s, { date: '2026-03-03', entries: roster, by: '201' }, c), 'FORBIDDEN');
    hall.refuse((s, c) => changeRoster(s, { date: '2026-03-03', entries: roster, by: '999' }, c), 'FORBIDDEN');
  });

  it('refuses people without the role, unknown staff, two captains, a half-day captain and repeats', () => {
    const hall = new TestHall(buildSetup({ staff }));
    const refuse = (entries: RosterEntry[]) =>
      hall.refuse((s, c) => changeRoster(s, { date: '2026-03-03', entries, by: '300' }, c), 'ROSTER_INVALID').details;
    expect(refuse([{ shift: 'morning', role: 'guide', staffNo: '101' }])).toEqual({ problems: ['101: not a guide'] });
    expect(refuse([{ shift: 'morning', role: 'guide', staffNo: '777' }])).toEqual({ problems: ['777: unknown staff'] });
    expect(refuse([roster[0]!, { shift: 'all_day', role: 'captain', staffNo: '301' }])).toEqual({ problems: ['one duty captain a day'] });
    expect(refuse([{ shift: 'morning', role: 'captain', staffNo: '300' }])).toEqual({ problems: ['300: the duty captain serves the whole day'] });
    expect(refuse([roster[1]!, roster[1]!])).toEqual({ problems: ['201: listed twice'] });
  });

  it('is set from a year back to two years ahead, no further', () => {
    const hall = new TestHall(buildSetup({ staff }));
    const change = (date: string) => (s: Parameters<typeof changeRoster>[0], c: Parameters<typeof changeRoster>[2]) => changeRoster(s, { date, entries: roster, by: '300' }, c);
    for (const date of ['1900-01-01', '2025-03-01', '2028-03-03', '9999-12-31']) {
      expect(hall.refuse(change(date), 'ROSTER_INVALID').details, date).toEqual({ problems: [`${date}: a roster is set from a year back to two years ahead`] });
    }
    for (const date of ['2025-03-02', '2028-03-02']) hall.run(change(date));
  });

  it('follows the weekday’s usual roster unless the day was given its own', () => {
    const hall = new TestHall(buildSetup({ staff, settings: { dutyWeek: { '1': roster, '7': [roster[2]!] } } }));
    expect(rosterOf(hall.state, '2026-03-02', null)).toEqual(roster); // a Monday
    expect(rosterOf(hall.state, '2026-03-08', null)).toEqual([roster[2]]); // a Sunday
    expect(rosterOf(hall.state, '2026-03-03', null)).toEqual([]);
    expect(rosterOf(hall.state, '2026-03-02', [])).toEqual([]);
  });

  it('keeps the hall screen notice, changed by managers only', () => {
    const hall = new TestHall(buildSetup({ staff }));
    const outcome = hall.run((s, c) => changeNotice(s, { text: '今日午间不休息', by: '300' }, c));
    expect(outcome.state.notice).toBe('今日午间不休息');
    expect(eventsOf(outcome.events, 'notice.changed')).toMatchObject([{ text: '今日午间不休息', staffNo: '300' }]);
    hall.refuse((s, c) => changeNotice(s, { text: 'x', by: '101' }, c), 'FORBIDDEN');
  });
});
