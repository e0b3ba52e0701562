import Database from 'better-sqlite3';
import { DeviceSelfReply, EnrolDeviceReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, deviceToken, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Devices are enrolled, not named (issue 15): the demo hall enrols its own on first start; an
// administrator enrols a device directly and revokes it; a credential survives restarts, is kept
// only as a hash, and a revoked one is told apart so its page can go back to pairing.

describe('device credentials', () => {
  let hall: TestHall;
  let base: string;
  let admin: string;

  const self = (token: string) => api(base, 'GET', '/api/devices/self', { token });

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    admin = await officeLogin(base, '9001');
  });
  afterAll(() => hall.stop());

  it('the demo hall enrols its kiosks, pads, hall screen and window screens, with ready-to-open addresses', async () => {
    const kinds = hall.server.demoDevices.map((d) => d.device.kind);
    expect(kinds.filter((k) => k === 'kiosk')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'pad')).toHaveLength(23);
    expect(kinds.filter((k) => k === 'hall-screen')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'window-screen')).toHaveLength(23);
    const pad = hall.server.demoDevices.find((d) => d.device.id === 'pad-07')!;
    expect(pad.link).toMatch(new RegExp(`^${base}/pad/7#token=hqd_[A-Za-z0-9_-]{43}$`));
    const reply = await self(deviceToken(hall, 'pad', 7));
    expect(reply.status).toBe(200);
    expect(DeviceSelfReply.parse(reply.body).device).toEqual({ id: 'pad-07', kind: 'pad', windowNo: 7, name: '7号窗口评价器' });
  });

  it('an administrator enrols a device directly: 201 with the credential, which then names it', async () => {
    const reply = await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'window-screen', windowNo: 3, name: '3号窗口备用屏' } });
    expect(reply.status).toBe(201);
    const { device, token } = EnrolDeviceReply.parse(reply.body);
    expect(device).toEqual({ id: 'window-screen-24', kind: 'window-screen', windowNo: 3, name: '3号窗口备用屏' });
    expect(DeviceSelfReply.parse((await self(token)).body).device).toEqual(device);
    // A kiosk enrolled is one of the set-up's too (its place names it in help requests).
    const kiosk = EnrolDeviceReply.parse((await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'kiosk', name: '二楼取号机' } })).body);
    expect(hall.server.hall.setupFile().kiosks).toContainEqual({ deviceId: kiosk.device.id, name: '二楼取号机' });
  });

  it('refuses a body that does not say what the device is, a window the hall lacks, and anyone but an administrator', async () => {
    const padWithoutWindow = await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'pad', name: '评价器' } });
    expect(padWithoutWindow.status).toBe(400);
    expect(padWithoutWindow.body.error.code).toBe('VALIDATION_FAILED');
    const kioskWithWindow = await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'kiosk', windowNo: 2, name: '取号机' } });
    expect(kioskWithWindow.body.error.code).toBe('VALIDATION_FAILED');
    const noSuchWindow = await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'pad', windowNo: 99, name: '评价器' } });
    expect([noSuchWindow.status, noSuchWindow.body.error.code]).toEqual([404, 'WINDOW_NOT_FOUND']);
    const anonymous = await api(base, 'POST', '/api/admin/devices', { body: { kind: 'kiosk', name: '取号机' } });
    expect(anonymous.status).toBe(401);
    const captain = await officeLogin(base, '2001');
    const byCaptain = await api(base, 'POST', '/api/admin/devices', { token: captain, body: { kind: 'kiosk', name: '取号机' } });
    expect(byCaptain.status).toBe(403);
    const byDevice = await api(base, 'POST', '/api/admin/devices', { token: deviceToken(hall, 'kiosk'), body: { kind: 'kiosk', name: '取号机' } });
    expect(byDevice.status).toBe(403);
  });

  it('revoking ends the credential (told apart from one never issued) and takes a kiosk or pad out of the set-up', async () => {
    const token = deviceToken(hall, 'pad', 12);
    expect((await api(base, 'DELETE', '/api/admin/devices/pad-12', { token: admin })).status).toBe(204);
    const revoked = await self(token);
    expect([revoked.status, revoked.body.error.code]).toEqual([401, 'DEVICE_REVOKED']);
    expect(hall.server.hall.setupFile().pads.map((p) => p.deviceId)).not.toContain('pad-12');
    const forged = await self(`hqd_${'A'.repeat(43)}`);
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await self('')).status).toBe(401);
    expect((await api(base, 'DELETE', '/api/admin/devices/pad-12', { token: admin })).body.error.code).toBe('DEVICE_NOT_FOUND');
  });

  it('re-pairs a device under its own id: the new credential works, the old one is revoked', async () => {
    const old = deviceToken(hall, 'kiosk');
    const reply = await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'kiosk', name: '一楼大厅东侧取号机', deviceId: 'kiosk-01' } });
    expect(reply.status).toBe(201);
    const { token } = EnrolDeviceReply.parse(reply.body);
    expect(DeviceSelfReply.parse((await self(token)).body).device.id).toBe('kiosk-01');
    expect((await self(old)).body.error.code).toBe('DEVICE_REVOKED');
  });

  it('a credential survives a restart; only its hash is stored, and the event log names no token', async () => {
    const enrolled = EnrolDeviceReply.parse((await api(base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'hall-screen', name: '二楼大厅屏' } })).body);
    await hall.restart();
    base = hall.server.url;
    expect(DeviceSelfReply.parse((await self(enrolled.token)).body).device).toEqual(enrolled.device);
    const db = new Database(hall.dbPath, { readonly: true });
    try {
      const row = db.prepare(`SELECT token_hash, demo_token FROM device_credentials WHERE device_id = ?`).get(enrolled.device.id) as { token_hash: string; demo_token: string | null };
      expect(row.token_hash).not.toContain(enrolled.token.slice(4));
      expect(row.demo_token).toBeNull();
      const leaks = db.prepare(`SELECT COUNT(*) AS n FROM events WHERE data LIKE ?`).get(`%${enrolled.token.slice(4, 20)}%`) as { n: number };
      expect(leaks.n).toBe(0);
      const logged = db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'device.enrolled' AND staff_no = '9001'`).get() as { n: number };
      expect(logged.n).toBeGreaterThanOrEqual(3);
    } finally {
      db.close();
    }
  });
});
