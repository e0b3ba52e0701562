import { WindowActionReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

describe('window actions through the API', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const issue = async (category: string) => (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category } })).body.ticket;

  it('never gives two windows calling at the same instant the same ticket', async () => {
    const [t1, t2] = [await login(base, '1001', 1), await login(base, '1002', 2)];
    await issue('A');
    await issue('A');
    const replies = await Promise.all([
      api(base, 'POST', '/api/windows/1/call-next', { token: t1 }),
      api(base, 'POST', '/api/windows/2/call-next', { token: t2 }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const numbers = replies.map((r) => r.body.ticket.number).sort();
    expect(numbers).toEqual(['A001', 'A002']);
    await api(base, 'POST', '/api/windows/1/finish', { token: t1 });
    await api(base, 'POST', '/api/windows/2/finish', { token: t2 });

    await issue('A');
    const race = await Promise.all([
      api(base, 'POST', '/api/windows/1/call-next', { token: t1 }),
      api(base, 'POST', '/api/windows/2/call-next', { token: t2 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.error.code).toBe('QUEUE_EMPTY');
    const winner = race.find((r) => r.status === 200)!;
    await api(base, 'POST', `/api/windows/${winner.body.window.no}/finish`, { token: winner.body.window.no === 1 ? t1 : t2 });
  });

  it('transfers a ticket to a named window, where it is called ahead of later tickets', async () => {
    const t6 = await login(base, '1006', 6);
    const t7 = await login(base, '1007', 7);
    const first = await issue('C');
    await api(base, 'POST', '/api/windows/6/call-next', { token: t6 });
    const later = await issue('C');
    const moved = await api(base, 'POST', '/api/windows/6/transfer', { token: t6, body: { toWindow: 7, note: '需补缴记录核对' } });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ number: first.number, status: 'waiting', targetWindowNo: 7 });
    expect(moved.body.window.servingNumber).toBeNull();

    const calledAt7 = WindowActionReply.parse((await api(base, 'POST', '/api/windows/7/call-next', { token: t7 })).body);
    expect(calledAt7.ticket?.number).toBe(first.number);
    const calledAt6 = await api(base, 'POST', '/api/windows/6/call-next', { token: t6 });
    expect(calledAt6.body.ticket.number).toBe(later.number);
    await api(base, 'POST', '/api/windows/6/finish', { token: t6 });
    await api(base, 'POST', '/api/windows/7/finish', { token: t7 });
  });

  it('transfers to another category keeping the number', async () => {
    const t6 = await login(base, '1006', 6);
    const ticket = await issue('C');
    await api(base, 'POST', '/api/windows/6/call-next', { token: t6 });
    const moved = await api(base, 'POST', '/api/windows/6/transfer', { token: t6, body: { toCategory: 'D' } });
    expect(moved.body.ticket).toMatchObject({ number: ticket.number, category: 'D', status: 'waiting' });
    const t8 = await login(base, '1008', 8);
    expect((await api(base, 'POST', '/api/windows/8/call-next', { token: t8 })).body.ticket.number).toBe(ticket.number);
    await api(base, 'POST', '/api/windows/8/finish', { token: t8 });
  });

  it('marks a no-show, reactivates it when the visitor returns, and calls it next', async () => {
    const token = await login(base, '1010', 10);
    const missed = await issue('E');
    await issue('E');
    await api(base, 'POST', '/api/windows/10/call-next', { token });
    const noShow = await api(base, 'POST', '/api/windows/10/no-show', { token });
    expect(noShow.body.ticket.status).toBe('no_show');
    const back = await api(base, 'POST', '/api/windows/10/reactivate', { token, body: { number: missed.number.toLowerCase() } });
    expect(back.status).toBe(200);
    expect(back.body.ticket.status).toBe('waiting');
    expect((await api(base, 'POST', '/api/windows/10/call-next', { token })).body.ticket.number).toBe(missed.number);
    await api(base, 'POST', '/api/windows/10/finish', { token });
    const again = await api(base, 'POST', '/api/windows/10/reactivate', { token, body: { number: missed.number } });
    expect(again.body.error.code).toBe('TICKET_NOT_NO_SHOW');
  });

  it('calls a specific number (点号), pauses and resumes', async () => {
    const token = await login(base, '1012', 12);
    await issue('F');
    const wanted = await issue('F');
    const called = await api(base, 'POST', '/api/windows/12/call', { token, body: { number: wanted.number } });
    expect(called.body.ticket.number).toBe(wanted.number);
    await api(base, 'POST', '/api/windows/12/finish', { token });

    const screen = connect(base, { client: 'window-screen', windowNo: 12, token: deviceToken(hall, 'window-screen', 12) });
    await screen.waitFor('hall:snapshot');
    const paused = await api(base, 'POST', '/api/windows/12/pause', { token, body: { reason: '系统维护' } });
    expect(paused.body.window).toMatchObject({ state: 'paused', pauseReason: '系统维护' });
    await screen.waitFor('window:changed', (p) => p.window.no === 12 && p.window.state === 'paused');
    expect((await api(base, 'POST', '/api/windows/12/call-next', { token })).body.error.code).toBe('WINDOW_PAUSED');
    expect((await api(base, 'POST', '/api/windows/12/resume', { token })).body.window.state).toBe('open');
    expect((await api(base, 'POST', '/api/windows/12/resume', { token })).body.error.code).toBe('WINDOW_NOT_PAUSED');
    screen.socket.close();
  });

  it('ends the old session when a staff member signs in at another window', async () => {
    const atOne = await login(base, '1001', 1);
    const atTwo = await login(base, '1001', 2);
    expect((await api(base, 'POST', '/api/windows/1/recall', { token: atOne })).body.error.code).toBe('UNAUTHORIZED');
    const windows = (await api(base, 'GET', '/api/windows')).body.windows;
    expect(windows.find((w: any) => w.no === 1).state).toBe('closed');
    expect(windows.find((w: any) => w.no === 2).staff.staffNo).toBe('1001');
    const out = await api(base, 'POST', '/api/auth/logout', { token: atTwo });
    expect(out.status).toBe(204);
    expect((await api(base, 'GET', '/api/windows')).body.windows.find((w: any) => w.no === 2).state).toBe('closed');
  });
});
