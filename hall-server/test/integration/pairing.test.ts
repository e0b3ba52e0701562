import { ApprovePairingReply, DeviceSelfReply, PairingRequestReply, PairingStatusReply, PendingPairingsReply } from '@hall/shared';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, deviceToken, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Pairing a new device over HTTP (issue 15): the page asks anonymously and shows its code; an
// administrator lists the pending requests and approves one's code as what the device is; the
// page, asking by its secret pairing id, gets its credential (again if the answer was lost). No log line names the id.

describe('pairing a device', () => {
  let hall: TestHall;
  let base: string;
  let admin: string;
  const logged: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) });
    hall = await startTestHall({ logger: pino({ level: 'info' }, sink) });
    base = hall.server.url;
    admin = await officeLogin(base, '9001');
  });
  afterAll(() => hall.stop());

  const ask = async (body: unknown) => {
    const reply = await api(base, 'POST', '/api/pairings', { body });
    expect(reply.status).toBe(201);
    return PairingRequestReply.parse(reply.body);
  };
  const status = async (pairingId: string) => PairingStatusReply.parse((await api(base, 'GET', `/api/pairings/${pairingId}`)).body);

  it('a device asks, an administrator approves its code, the device gets its credential', async () => {
    const { pairingId, code } = await ask({ kind: 'window-screen', windowNo: 4 });
    expect(await status(pairingId)).toMatchObject({ status: 'waiting', code });

    const pending = PendingPairingsReply.parse((await api(base, 'GET', '/api/admin/pairings', { token: admin })).body).pairings;
    expect(pending).toContainEqual(expect.objectContaining({ code, kind: 'window-screen', windowNo: 4, address: '127.0.0.1' }));

    const approved = await api(base, 'POST', '/api/admin/pairings', { token: admin, body: { code, kind: 'window-screen', windowNo: 5, name: '5号窗口新屏' } });
    expect(approved.status).toBe(201);
    const { device } = ApprovePairingReply.parse(approved.body);
    expect(device).toMatchObject({ kind: 'window-screen', windowNo: 5, name: '5号窗口新屏' });
    expect(JSON.stringify(approved.body)).not.toContain('hqd_');

    const paired = await status(pairingId);
    if (paired.status !== 'paired') throw new Error(`not paired: ${paired.status}`);
    expect(paired.device).toEqual(device);
    expect(DeviceSelfReply.parse((await api(base, 'GET', '/api/devices/self', { token: paired.token })).body).device).toEqual(device);
    // Asked again (its first answer lost on the network), the device hears the same credential; no one else can ask.
    expect(await status(pairingId)).toEqual(paired);
    expect(PendingPairingsReply.parse((await api(base, 'GET', '/api/admin/pairings', { token: admin })).body).pairings.map((p) => p.code)).not.toContain(code);
  });

  it('a code no device shows is refused with its own code, and only administrators list or approve', async () => {
    const { code } = await ask({ kind: 'kiosk' });
    const wrong = code === '000000' ? '000001' : '000000';
    const unknown = await api(base, 'POST', '/api/admin/pairings', { token: admin, body: { code: wrong, kind: 'kiosk', name: '取号机' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PAIRING_NOT_FOUND']);
    expect((await api(base, 'GET', '/api/admin/pairings')).status).toBe(401);
    expect((await api(base, 'GET', '/api/admin/pairings', { token: deviceToken(hall, 'kiosk') })).status).toBe(403);
    const captain = await officeLogin(base, '2001');
    expect((await api(base, 'POST', '/api/admin/pairings', { token: captain, body: { code, kind: 'kiosk', name: '取号机' } })).status).toBe(403);
    // Refused, the device still waits with its code.
    expect(PendingPairingsReply.parse((await api(base, 'GET', '/api/admin/pairings', { token: admin })).body).pairings.map((p) => p.code)).toContain(code);
  });

  it('refuses a request that does not say what the device is, and an unknown pairing id is expired', async () => {
    const bad = await api(base, 'POST', '/api/pairings', { body: { kind: 'pad' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await status('A'.repeat(43))).toEqual({ status: 'expired' });
    expect((await api(base, 'GET', '/api/pairings/short')).status).toBe(400);
  });

  it('one address cannot pile up requests: its oldest makes room for its newest', async () => {
    const first = await ask({ kind: 'hall-screen' });
    for (let i = 0; i < 4; i++) await ask({ kind: 'hall-screen' });
    expect(await status(first.pairingId)).toEqual({ status: 'expired' });
    const fromHere = PendingPairingsReply.parse((await api(base, 'GET', '/api/admin/pairings', { token: admin })).body).pairings;
    expect(fromHere.filter((p) => p.address === '127.0.0.1')).toHaveLength(4);
  });

  it('with the hall\'s rate limits on, a device\'s polls count as reads, not as asking for a code', async () => {
    const limited = await startTestHall({ limits: { rates: true } });
    try {
      const asked = PairingRequestReply.parse((await api(limited.server.url, 'POST', '/api/pairings', { body: { kind: 'kiosk' } })).body);
      // Far past the 10 requests for a code an address may make at once (a poll every 2 s for 5 minutes).
      const statuses = new Set<number>();
      for (let i = 0; i < 150; i++) statuses.add((await api(limited.server.url, 'GET', `/api/pairings/${asked.pairingId}`)).status);
      expect([...statuses]).toEqual([200]);
    } finally {
      await limited.stop();
    }
  });

  it('no log line names a pairing id or a device credential', async () => {
    const { pairingId, code } = await ask({ kind: 'hall-screen' });
    await api(base, 'POST', '/api/admin/pairings', { token: admin, body: { code, kind: 'hall-screen', name: '二楼大厅屏' } });
    const paired = await status(pairingId);
    // A refused poll is logged, by its route's pattern.
    expect((await api(base, 'GET', `/api/pairings/${pairingId}x`)).status).toBe(400);
    expect(logged.join('')).toContain('/api/pairings/:pairingId');
    expect(logged.join('')).not.toContain(pairingId);
    if (paired.status === 'paired') expect(logged.join('')).not.toContain(paired.token.slice(4));
    else throw new Error('not paired');
  });
});
