import { AdminDevicesReply, type AdminDeviceView } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, demoDeviceToken, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// The admin devices page's data: every kiosk and pad of the set-up and every screen that has
// connected, with where it is, when it last spoke (since the server started), whether it is
// connected now, and its faults.

describe('GET /api/admin/devices', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-12-07T09:00:00+08:00');
  let admin: string;

  const devices = async (): Promise<Map<string, AdminDeviceView>> => {
    const reply = await api(base, 'GET', '/api/admin/devices', { token: admin });
    expect(reply.status).toBe(200);
    return new Map(AdminDevicesReply.parse(reply.body).devices.map((d) => [d.deviceId, d]));
  };

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
  });
  afterAll(() => hall.stop());

  it('lists the set-up’s kiosks and pads, none seen yet', async () => {
    const known = await devices();
    expect(known.get('kiosk-01')).toEqual({ deviceId: 'kiosk-01', kind: 'kiosk', name: '一楼大厅东侧取号机', windowNo: null, lastSeenAt: null, online: false, faults: [], enrolled: true });
    expect(known.get('pad-05')).toEqual({ deviceId: 'pad-05', kind: 'pad', name: null, windowNo: 5, lastSeenAt: null, online: false, faults: [], enrolled: true });
    expect([...known.values()].filter((d) => d.kind === 'pad')).toHaveLength(23);
    // The demo hall's enrolled screens: one hall screen, one above every window.
    expect(known.get('hall-screen-1')).toMatchObject({ kind: 'hall-screen', name: '大厅屏', windowNo: null, online: false });
    expect([...known.values()].filter((d) => d.kind === 'window-screen')).toHaveLength(23);
    expect(known.size).toBe(49);
  });

  it('shows who is connected, screens included, and when each last spoke', async () => {
    // Each is the device its credential says, whatever its hello claims.
    const kiosk = connect(base, { client: 'kiosk', token: demoDeviceToken(hall, 'kiosk-01') });
    const screen = connect(base, { client: 'window-screen', token: demoDeviceToken(hall, 'window-screen-5') });
    const hallScreen = connect(base, { client: 'hall-screen', token: demoDeviceToken(hall, 'hall-screen-1') });
    const console = connect(base, { client: 'console', windowNo: 5, token: await login(base, '1005', 5) });
    await Promise.all([kiosk, screen, hallScreen, console].map((c) => c.waitFor('hall:snapshot')));
    const seenAt = new Date(now).toISOString();

    let known = await devices();
    expect(known.get('kiosk-01')).toMatchObject({ online: true, lastSeenAt: seenAt });
    expect(known.get('window-screen-5')).toMatchObject({ deviceId: 'window-screen-5', kind: 'window-screen', windowNo: 5, lastSeenAt: seenAt, online: true, faults: [], enrolled: true });
    expect(known.get('hall-screen-1')).toMatchObject({ kind: 'hall-screen', windowNo: null, online: true });
    // A console is a person's, not one of the hall's machines.
    expect(known.size).toBe(49);

    // A kiosk's printer runs out of paper; a pad asks about a rating (refused: nothing to rate).
    now += 60_000;
    expect((await api(base, 'PUT', '/api/devices/kiosk-02/status', { token: demoDeviceToken(hall, 'kiosk-02'), body: { part: 'printer', fault: 'paper_out' } })).status).toBe(200);
    await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 3), body: { ticketId: 'none', level: 'satisfied' } });
    known = await devices();
    expect(known.get('kiosk-02')).toMatchObject({ online: false, lastSeenAt: new Date(now).toISOString(), faults: [{ deviceId: 'kiosk-02', fault: 'paper_out' }] });
    expect(known.get('pad-03')).toMatchObject({ online: false, lastSeenAt: new Date(now).toISOString() });

    // The kiosk goes away: offline, last seen when it left.
    now += 60_000;
    kiosk.socket.close();
    await expect.poll(async () => (await devices()).get('kiosk-01')).toMatchObject({ online: false, lastSeenAt: new Date(now).toISOString() });
    for (const client of [screen, hallScreen, console]) client.socket.close();
  });

  it('follows the set-up: a pad named, a kiosk added', async () => {
    expect((await api(base, 'PUT', '/api/admin/devices/pad-05', { token: admin, body: { kind: 'pad', name: '五号窗口评价器', windowNo: 5 } })).status).toBe(200);
    expect((await api(base, 'PUT', '/api/admin/devices/kiosk-03', { token: admin, body: { kind: 'kiosk', name: '二楼取号机' } })).status).toBe(200);
    const known = await devices();
    expect(known.get('pad-05')).toMatchObject({ kind: 'pad', name: '五号窗口评价器', windowNo: 5 });
    // Listed by hand, it holds no credential until it is paired: the page says 未配对.
    expect(known.get('kiosk-03')).toMatchObject({ kind: 'kiosk', name: '二楼取号机', windowNo: null, lastSeenAt: null, enrolled: false });
  });

  it('is for administrators only', async () => {
    expect((await api(base, 'GET', '/api/admin/devices')).status).toBe(401);
    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    expect((await api(base, 'GET', '/api/admin/devices', { token: captain })).status).toBe(403);
  });
});
