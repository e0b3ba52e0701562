import { DeviceFaultsReply, HallSnapshot, HealthReply, HelpRequestReply } from '@hall/shared';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, demoDeviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// What the hall must still know after a restart about its machines and its visitors asking for
// help (issue 17): a kiosk out of paper reports it once, when it runs out, so a hall that forgot
// it would show the kiosk as fine until it is refilled; a visitor still waiting for a guide would
// be left standing. GET /api/health's `faults` counts their ages from when they were raised.

describe('device faults and help requests across a restart', () => {
  let hall: TestHall;
  let base: string;
  // Monday 10:00 in the hall: open, the morning guide 1006 on duty. The clock moves as the test says.
  const raisedAt = Date.parse('2026-03-02T10:00:00+08:00');
  let now = raisedAt;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const kiosk = (id: string) => demoDeviceToken(hall, id);
  const status = (id: string, fault: string | null) => api(base, 'PUT', `/api/devices/${id}/status`, { token: kiosk(id), body: { part: 'printer', fault } });
  const faults = async () => DeviceFaultsReply.parse((await api(base, 'GET', '/api/devices/faults', { token: kiosk('kiosk-01') })).body).faults;
  const health = async () => HealthReply.parse((await api(base, 'GET', '/api/health')).body).faults;
  const faultRows = () => {
    const db = new Database(hall.dbPath, { readonly: true });
    try {
      return db.prepare(`SELECT device_id AS deviceId, fault, since FROM device_faults ORDER BY device_id`).all();
    } finally {
      db.close();
    }
  };

  it('keeps an open fault with its time, forgets a recovered one, and counts the age from when it was raised', async () => {
    expect((await status('kiosk-01', 'paper_out')).status).toBe(200);
    now += 60_000;
    await status('kiosk-02', 'cover_open');
    now += 60_000;
    await status('kiosk-02', null);
    // Kept in its table with the command that raised it; the recovered one is gone from it.
    expect(faultRows()).toEqual([{ deviceId: 'kiosk-01', fault: 'paper_out', since: raisedAt }]);

    now = raisedAt + 5 * 60_000;
    await hall.restart();
    now += 60_000;
    expect(await faults()).toMatchObject([{ deviceId: 'kiosk-01', part: 'printer', fault: 'paper_out', since: new Date(raisedAt).toISOString() }]);
    // Six minutes since it was raised, not one since the restart.
    expect(await health()).toMatchObject({ openFaults: 1, oldestFaultSeconds: 360 });
    const screen = connect(base, { client: 'hall-screen', token: demoDeviceToken(hall, 'hall-screen-1') });
    try {
      const snapshot = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
      expect(snapshot.deviceFaults.map((f) => [f.deviceId, f.fault])).toEqual([['kiosk-01', 'paper_out']]);
    } finally {
      screen.socket.close();
    }

    // The kiosk saying the same again is the same fault, from the same time.
    await status('kiosk-01', 'paper_out');
    expect((await faults())[0]!.since).toBe(new Date(raisedAt).toISOString());
    // Refilled: gone, and still gone after the next restart.
    await status('kiosk-01', null);
    await hall.restart();
    expect(await faults()).toEqual([]);
    expect(faultRows()).toEqual([]);
    expect(await health()).toMatchObject({ openFaults: 0, oldestFaultSeconds: null });
  });

  it('counts the unhandled help request from when it was asked, not the handled one', async () => {
    const guide = await login(base, '1006', 6);
    const done = HelpRequestReply.parse((await api(base, 'POST', '/api/help-requests', { token: kiosk('kiosk-01'), body: { deviceId: 'kiosk-01' } })).body).helpRequest;
    await api(base, 'POST', `/api/help-requests/${done.id}/handled`, { token: guide });
    now += 30_000;
    await api(base, 'POST', '/api/help-requests', { token: kiosk('kiosk-02'), body: { deviceId: 'kiosk-02' } });
    now += 90_000;
    await hall.restart();
    expect(await health()).toMatchObject({ openHelpRequests: 1, oldestHelpRequestSeconds: 90 });
    const open = (await api(base, 'GET', '/api/help-requests', { token: kiosk('kiosk-01') })).body.helpRequests as { deviceId: string }[];
    expect(open.map((h) => h.deviceId)).toEqual(['kiosk-02']);
  });
});
