import type { OnsiteServiceBody } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { changeOnsiteService, requestOnsiteService, type OnsiteRecord } from '../../src/domain';
import { TestHall, buildSetup, eventsOf, sh } from './fixtures';

// 上门服务 in the core: a request, staff assigned, on to done or cancelled, each step on record;
// any other move refused.

const staff = [
  { staffNo: '101', name: '张一', windows: [1] },
  { staffNo: '104', name: '赵四', windows: [4] },
  { staffNo: '150', name: '已离职', windows: [1], active: false },
  { staffNo: '300', name: '周值班长', roles: ['captain' as const] },
  { staffNo: '900', name: '管理员', roles: ['admin' as const] },
];
const request: OnsiteServiceBody = {
  requester: '县福利院',
  contact: '0571-1234567',
  address: '城关镇福利路 8 号',
  matter: '老年人身份证换领',
  department: '综合窗口',
  date: '2026-03-03',
  time: '14:30',
};

function requested(hall: TestHall): OnsiteRecord {
  return hall.run((s, c) => requestOnsiteService(s, { request, by: '300' }, c)).result;
}

describe('on-site services', () => {
  it('takes a request for the hall’s local date and time, logging it without who asked or their phone', () => {
    const hall = new TestHall(buildSetup({ staff }), sh('2026-03-02 10:00'));
    const { result, events } = hall.run((s, c) => requestOnsiteService(s, { request: { ...request, time: '00:30' }, by: '300' }, c));
    // 00:30 in Shanghai is still the day before in UTC: the service counts on the local date.
    expect(result).toMatchObject({ status: 'requested', staffNos: [], scheduledAt: sh('2026-03-03 00:30'), serviceDate: '2026-03-03', contact: '0571-1234567', doneAt: null, createdBy: '300' });
    expect(result.steps).toEqual([{ status: 'requested', at: sh('2026-03-02 10:00'), by: '300', staffNos: null, note: null }]);
    const [event] = eventsOf(events, 'onsite.requested');
    expect(event).toMatchObject({ serviceId: result.id, department: '综合窗口', matter: '老年人身份证换领', date: '2026-03-03', staffNo: '300' });
    expect(JSON.stringify(event)).not.toMatch(/福利院|0571/);
    hall.refuse((s, c) => requestOnsiteService(s, { request: { ...request, department: '县教育局' }, by: '300' }, c), 'DEPARTMENT_NOT_FOUND');
    hall.refuse((s, c) => requestOnsiteService(s, { request, by: '101' }, c), 'FORBIDDEN');
  });

  it('goes requested → assigned → in progress → done, each step with who, when and its note', () => {
    const hall = new TestHall(buildSetup({ staff }), sh('2026-03-02 10:00'));
    let service = requested(hall);
    const step = (change: Parameters<typeof changeOnsiteService>[2], minutes = 10) => {
      hall.advance(minutes);
      const outcome = hall.run((s, c) => changeOnsiteService(s, service, change, c));
      service = outcome.result;
      return outcome;
    };
    // Assigning staff makes a requested service assigned.
    const assigned = step({ staffNos: ['101'], note: '张一带设备', by: '300' });
    expect(service).toMatchObject({ status: 'assigned', staffNos: ['101'] });
    expect(eventsOf(assigned.events, 'onsite.changed')).toEqual([expect.objectContaining({ from: 'requested', status: 'assigned', staffNos: ['101'], note: '张一带设备', staffNo: '300' })]);
    // Staff changed while assigned: the status stays.
    step({ staffNos: ['101', '104'], by: '900' });
    expect(service).toMatchObject({ status: 'assigned', staffNos: ['101', '104'] });
    step({ status: 'in_progress', by: '300' });
    const done = step({ status: 'done', note: '已办结 3 人', by: '300' });
    expect(service).toMatchObject({ status: 'done', staffNos: ['101', '104'], doneAt: sh('2026-03-02 10:40') });
    expect(service.steps.map((s) => [s.status, s.by, s.staffNos, s.note])).toEqual([
      ['requested', '300', null, null],
      ['assigned', '300', ['101'], '张一带设备'],
      ['assigned', '900', ['101', '104'], null],
      ['in_progress', '300', null, null],
      ['done', '300', null, '已办结 3 人'],
    ]);
    expect(eventsOf(done.events, 'onsite.changed')[0]).toMatchObject({ from: 'in_progress', status: 'done' });
  });

  it('refuses moves out of order, staffed statuses without staff, unknown or departed staff, and any change once done or cancelled', () => {
    const hall = new TestHall(buildSetup({ staff }), sh('2026-03-02 10:00'));
    const service = requested(hall);
    const refuse = (on: OnsiteRecord | null, change: Parameters<typeof changeOnsiteService>[2], code: Parameters<typeof hall.refuse>[1]) =>
      hall.refuse((s, c) => changeOnsiteService(s, on, change, c), code);
    expect(refuse(service, { status: 'done', staffNos: ['101'], by: '300' }, 'ONSITE_MOVE_INVALID').details).toEqual({ from: 'requested', to: 'done' });
    refuse(service, { status: 'assigned', by: '300' }, 'ONSITE_STAFF_REQUIRED');
    expect(refuse(service, { staffNos: ['777'], by: '300' }, 'STAFF_NOT_FOUND').details).toEqual({ staffNo: '777' });
    refuse(service, { staffNos: ['150'], by: '300' }, 'STAFF_NOT_FOUND');
    refuse(service, { staffNos: ['101'], by: '101' }, 'FORBIDDEN');
    refuse(null, { status: 'cancelled', by: '300' }, 'ONSITE_SERVICE_NOT_FOUND');
    const assigned = hall.run((s, c) => changeOnsiteService(s, service, { staffNos: ['101'], by: '300' }, c)).result;
    refuse(assigned, { status: 'requested', by: '300' }, 'ONSITE_MOVE_INVALID');
    refuse(assigned, { status: 'done', by: '300' }, 'ONSITE_MOVE_INVALID');
    const cancelled = hall.run((s, c) => changeOnsiteService(s, assigned, { status: 'cancelled', note: '对方改期', by: '300' }, c)).result;
    expect(cancelled).toMatchObject({ status: 'cancelled', doneAt: null });
    refuse(cancelled, { status: 'assigned', by: '300' }, 'ONSITE_MOVE_INVALID');
    refuse(cancelled, { staffNos: ['104'], by: '300' }, 'ONSITE_MOVE_INVALID');
    const inProgress = hall.run((s, c) => changeOnsiteService(s, assigned, { status: 'in_progress', by: '300' }, c)).result;
    const done = hall.run((s, c) => changeOnsiteService(s, inProgress, { status: 'done', by: '300' }, c)).result;
    expect(refuse(done, { status: 'requested', by: '300' }, 'ONSITE_MOVE_INVALID').details).toEqual({ from: 'done', to: 'requested' });
    refuse(done, { status: 'cancelled', by: '300' }, 'ONSITE_MOVE_INVALID');
  });
});
