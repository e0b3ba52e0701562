import Database from 'better-sqlite3';
import { AuditReply, LeaderDutyReply, LeaderDutyVisitReply, OnsiteServiceReply, OnsiteServicesReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// 领导值班 and 上门服务 over HTTP, as the office page and the city's platform call them: the
// replies parse with the shared schemas, refusals carry their codes, only duty captains and
// administrators reach the routes, and every write is in the audit log.

/** Monday 2026-12-07, 10:00 in the hall. */
const NOW = Date.parse('2026-12-07T10:00:00+08:00');

describe('leader duty and on-site service over the API', () => {
  let hall: TestHall;
  let base: string;
  let captain: string;
  let admin: string;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => NOW } });
    base = hall.server.url;
    [captain, admin] = await Promise.all([officeLogin(base, '2001'), officeLogin(base, '9001')]);
  });
  afterAll(() => hall.stop());

  const sitting = { department: '县公安局', leaderName: '王局长', role: 'head', date: '2026-12-01', windowNo: 1, from: '09:00', to: '11:00' };

  it('records sittings and shows each department’s standing as of the span’s end, or today', async () => {
    const recorded = await api(base, 'POST', '/api/leader-duty', { token: captain, body: sitting });
    expect(recorded.status).toBe(201);
    const { visit } = LeaderDutyVisitReply.parse(recorded.body);
    expect(visit).toMatchObject({ ...sitting, note: null, recordedBy: '2001', recordedAt: new Date(NOW).toISOString() });
    const deputy = { ...sitting, leaderName: '李副局长', role: 'deputy', date: '2026-11-03', windowNo: 2, from: undefined, to: undefined, note: '督导窗口服务' };
    expect((await api(base, 'POST', '/api/leader-duty', { token: admin, body: deputy })).status).toBe(201);

    const december = LeaderDutyReply.parse((await api(base, 'GET', '/api/leader-duty?from=2026-12-01&to=2026-12-31', { token: captain })).body);
    expect(december.visits).toEqual([visit]);
    // Every department of the hall's windows, once each.
    expect(december.departments).toHaveLength(12);
    const police = december.departments.find((d) => d.department === '县公安局');
    // As of today (7 December), not the 31st: the deputy was due by 3 December.
    expect(police).toEqual({
      department: '县公安局',
      head: { lastVisit: '2026-12-01', dueBy: '2027-06-01', overdue: false },
      deputy: { lastVisit: '2026-11-03', dueBy: '2026-12-03', overdue: true },
    });
    expect(december.departments.find((d) => d.department === '县民政局')?.head).toEqual({ lastVisit: null, dueBy: null, overdue: true });
    // As of 30 November the head's sitting had not yet happened, and the deputy was within time.
    const november = LeaderDutyReply.parse((await api(base, 'GET', '/api/leader-duty?from=2026-11-01&to=2026-11-30', { token: captain })).body);
    expect(november.visits.map((v) => v.leaderName)).toEqual(['李副局长']);
    expect(november.departments.find((d) => d.department === '县公安局')).toMatchObject({ head: { lastVisit: null, overdue: true }, deputy: { lastVisit: '2026-11-03', overdue: false } });
  });

  it('refuses a day to come, another department’s window, an unknown department, a removed window and a bad body, with codes', async () => {
    const refused = async (body: object, status: number, code: string) => {
      const reply = await api(base, 'POST', '/api/leader-duty', { token: captain, body });
      expect(reply.status).toBe(status);
      expect(reply.body.error.code).toBe(code);
      return reply.body.error;
    };
    expect((await refused({ ...sitting, date: '2026-12-08' }, 400, 'LEADER_DUTY_DATE_FUTURE')).message).toBe('2026-12-08 还没到，只能登记今天或以前的值班');
    expect((await refused({ ...sitting, windowNo: 3 }, 400, 'LEADER_DUTY_WRONG_WINDOW')).message).toBe('3 号窗口不是县公安局的窗口');
    await refused({ ...sitting, department: '县教育局' }, 404, 'DEPARTMENT_NOT_FOUND');
    await refused({ ...sitting, leaderName: ' ' }, 400, 'VALIDATION_FAILED');
    await refused({ ...sitting, from: '11:00', to: '09:00' }, 400, 'VALIDATION_FAILED');
    // Window 23 taken out of the hall (its pad first): 县政务服务中心 keeps window 22.
    expect((await api(base, 'DELETE', '/api/admin/devices/pad-23', { token: admin })).status).toBe(204);
    expect((await api(base, 'DELETE', '/api/admin/windows/23', { token: admin })).status).toBe(204);
    await refused({ ...sitting, department: '县政务服务中心', windowNo: 23 }, 404, 'WINDOW_NOT_FOUND');
    expect((await api(base, 'POST', '/api/leader-duty', { token: captain, body: { ...sitting, department: '县政务服务中心', windowNo: 22 } })).status).toBe(201);
    expect((await api(base, 'GET', '/api/leader-duty?from=2026-12-31&to=2026-12-01', { token: captain })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('takes an on-site service from the request to done, refusing moves out of order', async () => {
    const body = { requester: '县福利院', contact: '0571-1234567', address: '城关镇福利路 8 号', matter: '老年人身份证换领', department: '县公安局', date: '2026-12-08', time: '14:30' };
    const created = await api(base, 'POST', '/api/onsite-services', { token: captain, body: { ...body, note: '院方电话预约' } });
    expect(created.status).toBe(201);
    const { service } = OnsiteServiceReply.parse(created.body);
    expect(service).toMatchObject({ status: 'requested', scheduledAt: '2026-12-08T06:30:00.000Z', serviceDate: '2026-12-08', staff: [], createdBy: { staffNo: '2001', name: '章建国' } });
    expect(service.steps).toEqual([{ status: 'requested', at: new Date(NOW).toISOString(), by: { staffNo: '2001', name: '章建国' }, staff: null, note: '院方电话预约' }]);
    const patch = (change: object, token = captain) => api(base, 'PATCH', `/api/onsite-services/${service.id}`, { token, body: change });

    const assigned = OnsiteServiceReply.parse((await patch({ staffNos: ['1001', '1002'], note: '带移动办证设备' })).body).service;
    expect(assigned).toMatchObject({ status: 'assigned', staff: [{ staffNo: '1001', name: '王芳' }, { staffNo: '1002', name: '李娜' }] });
    expect(assigned.steps.at(-1)).toMatchObject({ status: 'assigned', by: { staffNo: '2001' }, staff: [{ staffNo: '1001' }, { staffNo: '1002' }], note: '带移动办证设备' });
    const early = await patch({ status: 'done' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ONSITE_MOVE_INVALID');
    expect((await patch({ status: 'in_progress' }, admin)).status).toBe(200);
    const done = OnsiteServiceReply.parse((await patch({ status: 'done', note: '为 3 位老人办理' })).body).service;
    expect(done).toMatchObject({ status: 'done', doneAt: new Date(NOW).toISOString() });
    expect(done.steps.map((s) => s.status)).toEqual(['requested', 'assigned', 'in_progress', 'done']);
    const back = await patch({ status: 'requested' });
    expect([back.status, back.body.error.code]).toEqual([409, 'ONSITE_MOVE_INVALID']);
    expect((await patch({ staffNos: ['9999'] })).body.error.code).toBe('ONSITE_MOVE_INVALID');
    expect((await api(base, 'PATCH', '/api/onsite-services/no-such-service', { token: captain, body: { status: 'cancelled' } })).body.error.code).toBe('ONSITE_SERVICE_NOT_FOUND');
    expect((await patch({ note: '只有说明' })).body.error.code).toBe('VALIDATION_FAILED');

    // A second request, cancelled; the lists by status and by the day it was scheduled.
    const other = OnsiteServiceReply.parse((await api(base, 'POST', '/api/onsite-services', { token: admin, body: { ...body, requester: '某某公司', date: '2026-12-20', contact: undefined } })).body).service;
    expect(other.contact).toBeNull();
    const list = async (query: string) => OnsiteServicesReply.parse((await api(base, 'GET', `/api/onsite-services?${query}`, { token: captain })).body);
    expect((await list('status=open')).services.map((s) => s.id)).toEqual([other.id]);
    expect((await list('status=done')).services.map((s) => s.id)).toEqual([service.id]);
    expect((await list('from=2026-12-01&to=2026-12-10')).services.map((s) => s.id)).toEqual([service.id]);
    const all = await list('');
    expect(all.services.map((s) => s.id)).toEqual([service.id, other.id]);
    expect(all.assignable).toContainEqual({ staffNo: '1001', name: '王芳' });
    expect((await api(base, 'GET', '/api/onsite-services?status=open&from=2026-12-01', { token: captain })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api(base, 'GET', '/api/onsite-services?status=lost', { token: captain })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api(base, 'GET', '/api/onsite-services?from=2020-01-01&to=2026-12-31', { token: captain })).body.error.code).toBe('VALIDATION_FAILED');

    // The reports count done services by service_date from the table (as migration 017 says).
    const db = new Database(hall.dbPath, { readonly: true });
    const rows = db.prepare(`SELECT status, service_date, staff_nos, done_at FROM onsite_services ORDER BY scheduled_at`).all();
    db.close();
    expect(rows).toEqual([
      { status: 'done', service_date: '2026-12-08', staff_nos: '["1001","1002"]', done_at: NOW },
      { status: 'requested', service_date: '2026-12-20', staff_nos: '[]', done_at: null },
    ]);
  });

  it('is for duty captains and administrators only, and every write is in the audit log', async () => {
    const windowStaff = await login(base, '1001', 1);
    const routes = [
      ['POST', '/api/leader-duty'],
      ['GET', '/api/leader-duty?from=2026-12-01&to=2026-12-07'],
      ['POST', '/api/onsite-services'],
      ['PATCH', '/api/onsite-services/any'],
      ['GET', '/api/onsite-services'],
    ] as const;
    for (const [method, path] of routes) {
      const body = method === 'GET' ? undefined : {};
      expect((await api(base, method, path, { body })).status, `${method} ${path}`).toBe(401);
      const forbidden = await api(base, method, path, { token: windowStaff, body });
      expect([forbidden.status, forbidden.body.error.code], `${method} ${path}`).toEqual([403, 'FORBIDDEN']);
    }
    const reply = await api(base, 'GET', '/api/admin/audit?from=2026-12-07&to=2026-12-07', { token: admin });
    const entries = AuditReply.parse(reply.body).entries;
    const lines = (kind: string) => entries.filter((e) => e.kind === kind).map((e) => e.summary);
    expect(lines('leader_duty.recorded')).toContain('值班长 章建国 登记了县公安局主要负责人 王局长 12月1日在 1 号窗口值班');
    expect(lines('onsite.requested')).toContain('值班长 章建国 登记了 12月8日 的上门服务“老年人身份证换领”（县公安局）');
    expect(lines('onsite.changed')).toEqual(
      expect.arrayContaining([
        '值班长 章建国 为上门服务“老年人身份证换领”指派了 王芳（1001）、李娜（1002）',
        '管理员 中心管理员 登记上门服务“老年人身份证换领”开始服务',
        '值班长 章建国 登记上门服务“老年人身份证换领”已办结',
      ]),
    );
    // Who asked and their phone stay out of the log.
    expect(JSON.stringify(entries)).not.toMatch(/福利院|0571-1234567/);
  });
});
