import { EvaluationRequested, IssueTicketReply, NO_SHOW_UNDO_SECONDS, SessionReply, TicketReply, WindowActionReply, WindowSummaryReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

// What a window console reads besides its actions: its session after a reload, its window's
// day, and the evaluation request it sets off when it finishes a ticket.

describe('the API behind the window console', () => {
  let hall: TestHall;
  let base: string;
  /** Added to the hall's clock, to move past the time 过号 may be undone. */
  let skewMs = 0;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => Date.now() + skewMs } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());
  const summaryOf = async (no: number, token: string) => WindowSummaryReply.parse((await api(base, 'GET', `/api/windows/${no}`, { token })).body);

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
    let summary = await summaryOf(18, token);
    expect(summary.waiting).toEqual([
      { code: 'J', waiting: 2 },
      { code: 'C', waiting: 1 },
    ]);
    expect(summary).toMatchObject({ current: null, sentHere: 0, servedToday: 0, averageHandlingMinutes: null });

    await api(base, 'POST', '/api/windows/18/call-next', { token });
    summary = await summaryOf(18, token);
    expect(summary.current?.number).toBe('J001');
    await api(base, 'POST', '/api/windows/18/finish', { token });
    summary = await summaryOf(18, token);
    expect(summary).toMatchObject({ current: null, servedToday: 1, waiting: [{ code: 'J', waiting: 1 }, { code: 'C', waiting: 1 }] });
    expect(summary.averageHandlingMinutes).toBeGreaterThanOrEqual(0);
    expect((await api(base, 'GET', '/api/windows/0', { token })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api(base, 'GET', '/api/windows/24', { token })).body.error.code).toBe('WINDOW_NOT_FOUND');
  });

  it('shows a window’s day to its own signed-in staff only (its queue carries transfer notes)', async () => {
    const token = await login(base, '1019', 19);
    const anonymous = await api(base, 'GET', '/api/windows/19');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
    const wrong = await api(base, 'GET', '/api/windows/20', { token });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('WRONG_WINDOW');
    expect((await api(base, 'GET', '/api/windows/19', { token })).status).toBe(200);
  });

  it('carries a transfer’s origin and note to the receiving window’s queue and call, and to no public reply', async () => {
    const from = await login(base, '1013', 13);
    const { ticket: issued, secret } = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'F' } })).body);
    const called = WindowActionReply.parse((await api(base, 'POST', '/api/windows/13/call', { token: from, body: { number: issued.number } })).body);
    expect(called.ticket).toMatchObject({ number: issued.number, transfer: null });
    const id = called.ticket!.id;
    const moved = WindowActionReply.parse((await api(base, 'POST', '/api/windows/13/transfer', { token: from, body: { toWindow: 14, note: '需补充材料后由14号窗口办理' } })).body);
    const origin = { fromWindowNo: 13, fromCategory: 'F', note: '需补充材料后由14号窗口办理' };
    expect(moved.ticket?.transfer).toMatchObject(origin);

    // On disk with the ticket: a restart keeps it.
    await hall.restart();
    const to = await login(base, '1014', 14);
    const watcher = connect(base, { client: 'hall-screen' });
    const phone = connect(base, { client: 'phone', ticket: secret });
    await Promise.all([watcher.waitFor('hall:snapshot'), phone.waitFor('hall:snapshot')]);

    // The receiving window sees it in its queue with the note, and again when it calls it.
    const summary = await summaryOf(14, to);
    expect(summary.queue.find((t) => t.id === id)?.transfer).toMatchObject(origin);
    const call = WindowActionReply.parse((await api(base, 'POST', '/api/windows/14/call', { token: to, body: { number: issued.number } })).body);
    expect(call.ticket?.transfer).toMatchObject(origin);
    expect((await summaryOf(14, to)).current?.transfer).toMatchObject(origin);

    // The phone page, the ticket API and the screens' feed never see who wrote what.
    const publicReply = await api(base, 'GET', `/api/tickets/${secret}`);
    expect(TicketReply.parse(publicReply.body).ticket.number).toBe(issued.number);
    expect(publicReply.body.ticket).not.toHaveProperty('transfer');
    expect(JSON.stringify(publicReply.body)).not.toContain('补充材料');
    await phone.waitFor('ticket:changed', (p) => p.ticket.status === 'called' && p.ticket.windowNo === 14);
    await watcher.waitFor('ticket:called', (c) => c.number === issued.number && c.windowNo === 14);
    expect(JSON.stringify(phone.received)).not.toContain('补充材料');
    expect(JSON.stringify(watcher.received)).not.toContain('补充材料');

    // A 过号 there lists it among the window's no-shows, for 恢复过号.
    await api(base, 'POST', '/api/windows/14/no-show', { token: to });
    expect((await summaryOf(14, to)).noShows.map((t) => t.number)).toContain(issued.number);
    watcher.socket.close();
    phone.socket.close();
  });

  it('undoes a 过号 within the time allowed, and refuses later or once someone else was called', async () => {
    const token = await login(base, '1011', 11);
    const first = (await api(base, 'POST', '/api/tickets', { body: { category: 'E' } })).body.ticket;
    const second = (await api(base, 'POST', '/api/tickets', { body: { category: 'E' } })).body.ticket;
    await api(base, 'POST', '/api/windows/11/call', { token, body: { number: first.number } });
    await api(base, 'POST', '/api/windows/11/no-show', { token });
    const undone = await api(base, 'POST', '/api/windows/11/undo-no-show', { token, body: { number: first.number } });
    expect(undone.status).toBe(200);
    expect(WindowActionReply.parse(undone.body)).toMatchObject({ window: { servingNumber: first.number }, ticket: { number: first.number, status: 'called' } });

    // Too late.
    await api(base, 'POST', '/api/windows/11/no-show', { token });
    skewMs += (NO_SHOW_UNDO_SECONDS + 1) * 1000;
    const late = await api(base, 'POST', '/api/windows/11/undo-no-show', { token, body: { number: first.number } });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'NO_SHOW_UNDO_EXPIRED', message: '过号已超过 10 秒，不能撤销；群众回来时请用“恢复过号”' });

    // Someone else called since: refused at once, whatever the clock.
    await api(base, 'POST', '/api/windows/11/reactivate', { token, body: { number: first.number } });
    await api(base, 'POST', '/api/windows/11/call', { token, body: { number: first.number } });
    await api(base, 'POST', '/api/windows/11/no-show', { token });
    await api(base, 'POST', '/api/windows/11/call', { token, body: { number: second.number } });
    const since = await api(base, 'POST', '/api/windows/11/undo-no-show', { token, body: { number: first.number }, headers: { 'accept-language': 'en' } });
    expect(since.status).toBe(409);
    expect(since.body.error).toMatchObject({ code: 'NO_SHOW_UNDO_CALLED_SINCE', message: expect.stringContaining('called someone since') });
    expect((await api(base, 'POST', '/api/windows/11/undo-no-show', { token, body: {} })).body.error.code).toBe('VALIDATION_FAILED');
    // A typed "e1" is no number for the API: the console normalises before it sends.
    expect((await api(base, 'POST', '/api/windows/11/undo-no-show', { token, body: { number: 'E1' } })).body.error.code).toBe('VALIDATION_FAILED');
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
