import { DutyPeopleReply, HallSnapshot, RosterReply, localDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, officeLogin, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// The duty roster and the notice, set by a duty captain or administrator signed in at the office
// pages, as the hall screen gets them: in the snapshot, then live.

describe('duty roster and notice over the API', () => {
  let hall: TestHall;
  let base: string;
  // 10:00 in the hall: the morning shift.
  const now = Date.parse('2026-03-02T10:00:00+08:00');
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('puts today’s captain and the guides on shift on every screen', async () => {
    const screen = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    const first = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    // 2026-03-02 is a Monday: the demo hall's usual Monday roster.
    expect(first.duty).toEqual({ captain: { staffNo: '2001', name: '章建国' }, guides: [{ staffNo: '1006', name: '杨帆' }] });

    const token = await officeLogin(base, '2001');
    const entries = [
      { shift: 'all_day', role: 'captain', staffNo: '2003' },
      { shift: 'morning', role: 'guide', staffNo: '1022' },
      { shift: 'afternoon', role: 'guide', staffNo: '1010' },
    ];
    const date = localDate(now, 'Asia/Shanghai');
    const set = await api(base, 'PUT', `/api/roster/${date}`, { token, body: { entries } });
    expect(set.status).toBe(200);
    expect(RosterReply.parse(set.body).entries.map((e) => e.name)).toEqual(expect.arrayContaining(['韩志刚', '梁红', '吴婷']));
    const changed = await screen.waitFor('duty:changed');
    expect(changed.duty).toEqual({ captain: { staffNo: '2003', name: '韩志刚' }, guides: [{ staffNo: '1022', name: '梁红' }] });
    expect((await api(base, 'GET', `/api/roster/${date}`)).body.entries).toHaveLength(3);

    const late = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    expect(HallSnapshot.parse(await late.waitFor('hall:snapshot')).duty.captain?.name).toBe('韩志刚');

    const notice = await api(base, 'PUT', '/api/hall/notice', { token, body: { text: '不动产登记窗口今日 16:00 后暂停受理' } });
    expect(notice.body).toEqual({ notice: '不动产登记窗口今日 16:00 后暂停受理' });
    expect((await screen.waitFor('notice:changed')).notice).toBe('不动产登记窗口今日 16:00 后暂停受理');
    await hall.restart();
    const afterRestart = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    const snapshot = HallSnapshot.parse(await afterRestart.waitFor('hall:snapshot'));
    expect(snapshot.notice).toBe('不动产登记窗口今日 16:00 后暂停受理');
    expect(snapshot.duty.guides.map((g) => g.staffNo)).toEqual(['1022']);
    // Tuesday keeps its usual roster; a day given an empty roster has nobody.
    expect((await api(base, 'GET', '/api/roster/2026-03-03')).body.entries.map((e: { staffNo: string }) => e.staffNo)).toEqual(['2002', '1015', '1017']);
    const afterRestartToken = await officeLogin(base, '2001');
    await api(base, 'PUT', '/api/roster/2026-03-04', { token: afterRestartToken, body: { entries: [] } });
    expect((await api(base, 'GET', '/api/roster/2026-03-04')).body.entries).toEqual([]);
    for (const client of [screen, late, afterRestart]) client.socket.close();
  });

  it('takes the office session, not a PIN in the body, and refuses window staff and bad rosters', async () => {
    const entries = [{ shift: 'morning', role: 'guide', staffNo: '1001' }];
    const captain = await officeLogin(base, '2001');
    // The old body with a PIN in it is no longer one.
    const oldBody = await api(base, 'PUT', '/api/roster/2026-03-03', { token: captain, body: { by: { staffNo: '2001', pin: '123456' }, entries } });
    expect(oldBody.status).toBe(400);
    expect(oldBody.body.error.code).toBe('VALIDATION_FAILED');
    const noSession = await api(base, 'PUT', '/api/hall/notice', { body: { text: 'x' } });
    expect(noSession.status).toBe(401);
    expect(noSession.body.error.code).toBe('UNAUTHORIZED');
    // A window session is not an office session.
    const windowToken = await login(base, '1001', 1);
    expect((await api(base, 'PUT', '/api/hall/notice', { token: windowToken, body: { text: 'x' } })).body.error.code).toBe('FORBIDDEN');
    const admin = await officeLogin(base, '9001');
    const notGuide = await api(base, 'PUT', '/api/roster/2026-03-03', { token: admin, body: { entries } });
    expect(notGuide.status).toBe(400);
    expect(notGuide.body.error).toMatchObject({ code: 'ROSTER_INVALID', details: { problems: ['1001: not a guide'] } });
    // An administrator sets the notice too.
    expect((await api(base, 'PUT', '/api/hall/notice', { token: admin, body: { text: '今日正常办公' } })).body).toEqual({ notice: '今日正常办公' });
    expect((await api(base, 'GET', '/api/roster/2026-13-01')).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('lists who may be put on a roster for a duty captain, who does not read the set-up, and for nobody else', async () => {
    const captain = await officeLogin(base, '2001');
    const { people } = DutyPeopleReply.parse((await api(base, 'GET', '/api/duty/people', { token: captain })).body);
    // Duty captains and guides with the duty roles they hold; window staff and administrators are not on rosters.
    expect(people).toContainEqual({ staffNo: '2001', name: expect.any(String), roles: ['captain'] });
    expect(people.find((p) => p.staffNo === '1015')?.roles).toEqual(['guide']);
    expect(people.some((p) => p.staffNo === '1001' || p.staffNo === '9001')).toBe(false);
    // A guide who joins is offered at once; one who left the hall no longer is.
    const admin = await officeLogin(base, '9001');
    const newGuide = { name: '新导服员', roles: ['guide'], windows: [] };
    expect((await api(base, 'PUT', '/api/admin/staff/1099', { token: admin, body: newGuide })).status).toBe(200);
    const joined = DutyPeopleReply.parse((await api(base, 'GET', '/api/duty/people', { token: captain })).body);
    expect(joined.people).toContainEqual({ staffNo: '1099', name: '新导服员', roles: ['guide'] });
    expect((await api(base, 'PUT', '/api/admin/staff/1099', { token: admin, body: { ...newGuide, active: false } })).status).toBe(200);
    const left = DutyPeopleReply.parse((await api(base, 'GET', '/api/duty/people', { token: captain })).body);
    expect(left.people.some((p) => p.staffNo === '1099')).toBe(false);
    expect((await api(base, 'GET', '/api/duty/people')).status).toBe(401);
    expect((await api(base, 'GET', '/api/duty/people', { token: await login(base, '1001', 1) })).status).toBe(403);
  });
});
