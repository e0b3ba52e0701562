import { OfficeLiveReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, demoDeviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// GET /api/office/live (issue 16, H3): since when each window is in its state and serves its
// number, who has waited longest per queue, the hall's targets, and which kiosks and pads have
// their line; office pages hear `device:presence` as one connects or drops.

const MINUTE = 60_000;
/** Wednesday 2026-11-25, 10:00 in the hall (Asia/Shanghai). */
const T0 = Date.parse('2026-11-25T02:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the office live view read', () => {
  let hall: TestHall;
  let base: string;
  let now = T0;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const live = async (token: string) => {
    const reply = await api(base, 'GET', '/api/office/live', { token });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return OfficeLiveReply.parse(reply.body);
  };
  const at = async <T>(ms: number, step: () => Promise<T>): Promise<T> => {
    now = ms;
    return step();
  };

  it('tells since when windows serve and pause, the longest waits and the targets, also after a restart', async () => {
    const kiosk = demoDeviceToken(hall, 'kiosk-01');
    const window1 = await at(T0, () => login(base, '1001', 1));
    const window3 = await at(T0, () => login(base, '1003', 3));
    await at(T0 + MINUTE, () => api(base, 'POST', '/api/tickets', { token: kiosk, body: { category: 'A' } }));
    await at(T0 + 2 * MINUTE, () => api(base, 'POST', '/api/tickets', { token: kiosk, body: { category: 'A' } }));
    await at(T0 + 3 * MINUTE, () => api(base, 'POST', '/api/windows/3/pause', { token: window3, body: { reason: '系统维护' } }));
    await at(T0 + 4 * MINUTE, () => api(base, 'POST', '/api/tickets', { token: kiosk, body: { category: 'B' } }));
    const called = await at(T0 + 5 * MINUTE, () => api(base, 'POST', '/api/windows/1/call-next', { token: window1 }));
    expect(called.body.ticket.number).toBe('A001');
    now = T0 + 6 * MINUTE;

    const office = await officeLogin(base, '2003');
    const expected = {
      at: iso(T0 + 6 * MINUTE),
      waitTargetMinutes: 30,
      pauseLimitMinutes: 20,
    };
    const check = (reply: OfficeLiveReply) => {
      expect(reply).toMatchObject(expected);
      expect(reply.windows.find((w) => w.no === 1)).toEqual({ no: 1, state: 'open', since: iso(T0), servingSince: iso(T0 + 5 * MINUTE) });
      expect(reply.windows.find((w) => w.no === 3)).toEqual({ no: 3, state: 'paused', since: iso(T0 + 3 * MINUTE), servingSince: null });
      expect(reply.windows.find((w) => w.no === 2)).toEqual({ no: 2, state: 'closed', since: null, servingSince: null });
      expect(reply.windows).toHaveLength(23);
      const queues = Object.fromEntries(reply.queues.map((q) => [q.code, q]));
      expect(queues.A).toEqual({ code: 'A', name: '公安户政', nameEn: expect.any(String), longest: { number: 'A002', waitingSince: iso(T0 + 2 * MINUTE) } });
      expect(queues.B?.longest).toEqual({ number: 'B001', waitingSince: iso(T0 + 4 * MINUTE) });
      expect(queues.C?.longest).toBeNull();
    };
    check(await live(office));

    await hall.restart();
    check(await live(await officeLogin(base, '2003')));

    // The hall's targets as the administrator sets them.
    const admin = await officeLogin(base, '9001');
    const settings = (await api(base, 'GET', '/api/admin/setup', { token: admin })).body.settings;
    const saved = await api(base, 'PUT', '/api/admin/settings', { token: admin, body: { ...settings, waitTargetMinutes: 15, pauseLimitMinutes: 10 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await live(admin)).toMatchObject({ waitTargetMinutes: 15, pauseLimitMinutes: 10 });
  });

  it('tells which kiosks and pads have their line, and office pages hear it change', async () => {
    now = T0 + 10 * MINUTE;
    const token = await officeLogin(base, '2003');
    const before = await live(token);
    const startedAt = iso(hall.server.hall.startedAt());
    expect(before.devices.map((d) => d.deviceId)).toEqual(['kiosk-01', 'kiosk-02', ...Array.from({ length: 23 }, (_, i) => `pad-${String(i + 1).padStart(2, '0')}`)]);
    expect(before.devices.find((d) => d.deviceId === 'kiosk-01')).toEqual({ deviceId: 'kiosk-01', kind: 'kiosk', name: '一楼大厅东侧取号机', windowNo: null, offlineSince: startedAt });
    expect(before.devices.find((d) => d.deviceId === 'pad-03')).toMatchObject({ kind: 'pad', windowNo: 3, offlineSince: startedAt });

    const office = connect(base, { client: 'admin', token });
    await office.waitFor('hall:snapshot');
    const kiosk = connect(base, { client: 'kiosk', token: demoDeviceToken(hall, 'kiosk-01') });
    await office.waitFor('device:presence', (p) => p.deviceId === 'kiosk-01' && p.online === true);
    expect((await live(token)).devices.find((d) => d.deviceId === 'kiosk-01')?.offlineSince).toBeNull();

    now = T0 + 12 * MINUTE;
    kiosk.socket.close();
    await office.waitFor('device:presence', (p) => p.deviceId === 'kiosk-01' && p.online === false);
    expect((await live(token)).devices.find((d) => d.deviceId === 'kiosk-01')?.offlineSince).toBe(iso(T0 + 12 * MINUTE));
    office.socket.close();
  });
});
