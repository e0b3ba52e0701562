import { HallSnapshot, RosterReply, localDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, startTestHall, type TestHall } from '../support/hall-server';

// The duty roster and the notice, as the hall screen gets them: in the snapshot, then live.

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
    const screen = connect(base, { client: 'hall-screen' });
    const first = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    // 2026-03-02 is a Monday: the demo hall's usual Monday roster.
    expect(first.duty).toEqual({ captain: { staffNo: '2001', name: '章建国' }, guides: [{ staffNo: '1006', name: '杨帆' }] });

    const by = { staffNo: '2001', pin: '123456' };
    const entries = [
      { shift: 'all_day', role: 'captain', staffNo: '2003' },
      { shift: 'morning', role: 'guide', staffNo: '1022' },
      { shift: 'afternoon', role: 'guide', staffNo: '1010' },
    ];
    const date = localDate(now, 'Asia/Shanghai');
    const set = await api(base, 'PUT', `/api/roster/${date}`, { body: { by, entries } });
    expect(set.status).toBe(200);
    expect(RosterReply.parse(set.body).entries.map((e) => e.name)).toEqual(expect.arrayContaining(['韩志刚', '梁红', '吴婷']));
    const changed = await screen.waitFor('duty:changed');
    expect(changed.duty).toEqual({ captain: { staffNo: '2003', name: '韩志刚' }, guides: [{ staffNo: '1022', name: '梁红' }] });
    expect((await api(base, 'GET', `/api/roster/${date}`)).body.entries).toHaveLength(3);

    const late = connect(base, { client: 'hall-screen' });
    expect(HallSnapshot.parse(await late.waitFor('hall:snapshot')).duty.captain?.name).toBe('韩志刚');

    const notice = await api(base, 'PUT', '/api/hall/notice', { body: { by, text: '不动产登记窗口今日 16:00 后暂停受理' } });
    expect(notice.body).toEqual({ notice: '不动产登记窗口今日 16:00 后暂停受理' });
    expect((await screen.waitFor('notice:changed')).notice).toBe('不动产登记窗口今日 16:00 后暂停受理');
    await hall.restart();
    const afterRestart = connect(base, { client: 'hall-screen' });
    const snapshot = HallSnapshot.parse(await afterRestart.waitFor('hall:snapshot'));
    expect(snapshot.notice).toBe('不动产登记窗口今日 16:00 后暂停受理');
    expect(snapshot.duty.guides.map((g) => g.staffNo)).toEqual(['1022']);
    // Tuesday keeps its usual roster; a day given an empty roster has nobody.
    expect((await api(base, 'GET', '/api/roster/2026-03-03')).body.entries.map((e: { staffNo: string }) => e.staffNo)).toEqual(['2002', '1015', '1017']);
    await api(base, 'PUT', '/api/roster/2026-03-04', { body: { by, entries: [] } });
    expect((await api(base, 'GET', '/api/roster/2026-03-04')).body.entries).toEqual([]);
    for (const client of [screen, late, afterRestart]) client.socket.close();
  });

  it('refuses wrong PINs, window staff and bad rosters', async () => {
    const entries = [{ shift: 'morning', role: 'guide', staffNo: '1001' }];
    const wrongPin = await api(base, 'PUT', '/api/roster/2026-03-03', { body: { by: { staffNo: '2001', pin: '000000' }, entries } });
    expect(wrongPin.body.error.code).toBe('INVALID_CREDENTIALS');
    const notManager = await api(base, 'PUT', '/api/hall/notice', { body: { by: { staffNo: '1001', pin: '123456' }, text: 'x' } });
    expect(notManager.status).toBe(403);
    expect(notManager.body.error.code).toBe('FORBIDDEN');
    const notGuide = await api(base, 'PUT', '/api/roster/2026-03-03', { body: { by: { staffNo: '9001', pin: '123456' }, entries } });
    expect(notGuide.status).toBe(400);
    expect(notGuide.body.error).toMatchObject({ code: 'ROSTER_INVALID', details: { problems: ['1001: not a guide'] } });
    expect((await api(base, 'GET', '/api/roster/2026-13-01')).body.error.code).toBe('VALIDATION_FAILED');
  });
});
