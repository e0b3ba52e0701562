import type { LeaderDutyBody } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { recordLeaderDuty } from '../../src/domain';
import { TestHall, buildSetup, eventsOf, sh } from './fixtures';

// 领导值班 recorded in the core: by a duty captain or administrator, at a window of the leader's
// own department, on a day that has come.

const staff = [
  { staffNo: '101', name: '张一', windows: [1] },
  { staffNo: '300', name: '周值班长', roles: ['captain' as const] },
  { staffNo: '900', name: '管理员', roles: ['admin' as const] },
];
const sitting: LeaderDutyBody = { department: '自然资源局', leaderName: '刘局长', role: 'head', date: '2026-03-02', windowNo: 4, from: '09:00', to: '11:30' };

describe('recording a leader’s sitting', () => {
  it('records the sitting as given, with who recorded it and when, and logs it', () => {
    const hall = new TestHall(buildSetup({ staff }), sh('2026-03-02 15:00'));
    const { result, events } = hall.run((s, c) => recordLeaderDuty(s, { visit: sitting, by: '300' }, c));
    expect(result).toEqual({
      id: expect.any(String),
      department: '自然资源局',
      leaderName: '刘局长',
      role: 'head',
      date: '2026-03-02',
      windowNo: 4,
      from: '09:00',
      to: '11:30',
      note: null,
      recordedBy: '300',
      recordedAt: new Date(sh('2026-03-02 15:00')).toISOString(),
    });
    expect(eventsOf(events, 'leader_duty.recorded')).toEqual([
      expect.objectContaining({ visitId: result.id, department: '自然资源局', windowNo: 4, leaderName: '刘局长', role: 'head', date: '2026-03-02', staffNo: '300' }),
    ]);
    // An administrator may record one too, of a day gone by, without times.
    const past = hall.run((s, c) => recordLeaderDuty(s, { visit: { ...sitting, role: 'deputy', date: '2026-02-27', from: undefined, to: undefined, note: '检查窗口作风' }, by: '900' }, c));
    expect(past.result).toMatchObject({ role: 'deputy', from: null, to: null, note: '检查窗口作风', recordedBy: '900' });
  });

  it('refuses window staff, an unknown department, another department’s window, an unknown window and a day to come', () => {
    // 07:00 on 3 March in the hall: still 2 March in UTC.
    const hall = new TestHall(buildSetup({ staff }), sh('2026-03-03 07:00'));
    const refuse = (visit: LeaderDutyBody, code: Parameters<typeof hall.refuse>[1], by = '300') => hall.refuse((s, c) => recordLeaderDuty(s, { visit, by }, c), code);
    refuse(sitting, 'FORBIDDEN', '101');
    expect(refuse({ ...sitting, department: '县教育局' }, 'DEPARTMENT_NOT_FOUND').details).toEqual({ department: '县教育局' });
    expect(refuse({ ...sitting, windowNo: 5 }, 'LEADER_DUTY_WRONG_WINDOW').details).toMatchObject({ windowNo: 5, department: '自然资源局', windowDepartment: '人社局' });
    refuse({ ...sitting, windowNo: 99 }, 'WINDOW_NOT_FOUND');
    expect(refuse({ ...sitting, date: '2026-03-04' }, 'LEADER_DUTY_DATE_FUTURE').details).toEqual({ date: '2026-03-04', today: '2026-03-03' });
    expect(hall.log.filter((e) => e.type === 'leader_duty.recorded')).toEqual([]);
    // The hall's today, not UTC's, is the last day a sitting may be on.
    expect(hall.run((s, c) => recordLeaderDuty(s, { visit: { ...sitting, date: '2026-03-03' }, by: '300' }, c)).result.date).toBe('2026-03-03');
  });
});
