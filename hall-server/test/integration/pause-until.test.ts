import { WindowActionReply, WindowsReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// 暂停 with the time the window expects to reopen: validated, kept across a restart, sent to the
// screens, forgotten on resume.

describe('a pause with its reopening time', () => {
  let hall: TestHall;
  let base: string;
  // Monday 2 March 2026, 11:10 in the hall.
  const now = Date.parse('2026-03-02T11:10:00+08:00');
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const windowNo = async (no: number) => WindowsReply.parse((await api(base, 'GET', '/api/windows')).body).windows.find((w) => w.no === no)!;

  it('keeps the reopening time, tells the screens, survives a restart and is forgotten on resume', async () => {
    let token = await login(base, '1004', 4);
    const screen = connect(base, { client: 'window-screen', windowNo: 4, token: deviceToken(hall, 'window-screen', 4) });
    await screen.waitFor('hall:snapshot');

    const paused = await api(base, 'POST', '/api/windows/4/pause', { token, body: { reason: '午休', until: '13:30' } });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(WindowActionReply.parse(paused.body).window).toMatchObject({ state: 'paused', pauseReason: '午休', pauseUntil: '2026-03-02T05:30:00.000Z' });
    const changed = await screen.waitFor('window:changed', (p) => p.window.no === 4 && p.window.state === 'paused');
    expect(changed.window.pauseUntil).toBe('2026-03-02T05:30:00.000Z');
    screen.socket.close();

    await hall.restart();
    expect(await windowNo(4)).toMatchObject({ state: 'paused', pauseUntil: '2026-03-02T05:30:00.000Z' });

    token = await login(base, '1004', 4);
    const resumed = await api(base, 'POST', '/api/windows/4/resume', { token });
    expect(resumed.body.window).toMatchObject({ state: 'open', pauseReason: null, pauseUntil: null });
    expect((await api(base, 'POST', '/api/windows/4/pause', { token, body: { reason: '系统维护' } })).body.window.pauseUntil).toBeNull();
  });

  it('refuses a reopening time that is not later than now, or is not a time of day', async () => {
    const token = await login(base, '1005', 5);
    const past = await api(base, 'POST', '/api/windows/5/pause', { token, body: { reason: '午休', until: '11:10' } });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'PAUSE_UNTIL_PAST', message: '预计恢复时间应晚于现在' });
    for (const until of ['25:00', '1330', '13:30:00', '']) {
      const bad = await api(base, 'POST', '/api/windows/5/pause', { token, body: { reason: '午休', until } });
      expect(bad.body.error?.code, until).toBe('VALIDATION_FAILED');
    }
    expect((await windowNo(5)).state).toBe('open');
  });
});
