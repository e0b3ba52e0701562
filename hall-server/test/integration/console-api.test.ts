import { EvaluationRequested, SessionReply, WindowSummaryReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

// What a window console reads besides its actions: its session after a reload, its window's
// day, and the evaluation request it sets off when it finishes a ticket.

describe('the API behind the window console', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('tells a reloaded console who is signed in where, and refuses a dead token', async () => {
    const token = await login(base, '1006', 6);
    const session = SessionReply.parse((await api(base, 'GET', '/api/auth/session', { token })).body);
    expect(session).toMatchObject({ staff: { staffNo: '1006', name: '杨帆', roles: ['window', 'guide'] }, window: { no: 6, state: 'open' } });
    await login(base, '1006', 6);
    expect((await api(base, 'GET', '/api/auth/session', { token })).body.error.code).toBe('UNAUTHORIZED');
  });

  it('sums up a window’s day: waiting per category, sent here, served, mean handling', async () => {
    const token = await login(base, '1018', 18);
    for (const category of ['J', 'J', 'C']) await api(base, 'POST', '/api/tickets', { body: { category } });
    let summary = WindowSummaryReply.parse((await api(base, 'GET', '/api/windows/18')).body);
    expect(summary.waiting).toEqual([
      { code: 'J', waiting: 2 },
      { code: 'C', waiting: 1 },
    ]);
    expect(summary).toMatchObject({ current: null, sentHere: 0, servedToday: 0, averageHandlingMinutes: null });

    await api(base, 'POST', '/api/windows/18/call-next', { token });
    summary = WindowSummaryReply.parse((await api(base, 'GET', '/api/windows/18')).body);
    expect(summary.current?.number).toBe('J001');
    await api(base, 'POST', '/api/windows/18/finish', { token });
    summary = WindowSummaryReply.parse((await api(base, 'GET', '/api/windows/18')).body);
    expect(summary).toMatchObject({ current: null, servedToday: 1, waiting: [{ code: 'J', waiting: 1 }, { code: 'C', waiting: 1 }] });
    expect(summary.averageHandlingMinutes).toBeGreaterThanOrEqual(0);
    expect((await api(base, 'GET', '/api/windows/0')).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api(base, 'GET', '/api/windows/24')).body.error.code).toBe('WINDOW_NOT_FOUND');
  });

  it('asks the window’s own pad for a rating when a ticket is finished, and no other window’s', async () => {
    const token = await login(base, '1016', 16);
    const pad = connect(base, { client: 'pad', windowNo: 16 });
    const otherPad = connect(base, { client: 'pad', windowNo: 15 });
    await Promise.all([pad.waitFor('hall:snapshot'), otherPad.waitFor('hall:snapshot')]);
    await api(base, 'POST', '/api/tickets', { body: { category: 'G' } });
    await api(base, 'POST', '/api/windows/16/call-next', { token });
    await api(base, 'POST', '/api/windows/16/finish', { token, body: { caseNo: 'GJJ-2026-0042' } });
    const request = EvaluationRequested.parse(await pad.waitFor('evaluation:requested'));
    expect(request).toMatchObject({ number: 'G001', windowNo: 16, staff: { staffNo: '1016', name: '郭燕' }, caseNo: 'GJJ-2026-0042' });
    expect(otherPad.received.some((r) => r.event === 'evaluation:requested')).toBe(false);
    pad.socket.close();
    otherPad.socket.close();
  });
});
