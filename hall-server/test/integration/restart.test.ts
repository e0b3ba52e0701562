import { HallSnapshot, IssueTicketReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

describe('a restart of the hall server', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('keeps tickets, numbering, signed-in windows and the latest calls; screens are current again', async () => {
    const base = hall.server.url;
    const issued = [];
    const key = { 'idempotency-key': 'kiosk-2-tap-0003' };
    for (let i = 0; i < 3; i++) issued.push(IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'D' }, headers: i === 2 ? key : {} })).body));
    const token = await login(base, '1008', 8);
    await api(base, 'POST', '/api/windows/8/call-next', { token });

    const screen = connect(base, { client: 'hall-screen' });
    await screen.waitFor('hall:snapshot');
    screen.received.length = 0;
    await hall.restart();
    expect(hall.server.url).toBe(base);
    // The screen reconnects by itself and is sent the whole state again.
    const snapshot = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    expect(snapshot.recentCalls.map((c) => [c.number, c.windowNo])).toEqual([['D001', 8]]);
    expect(snapshot.windows.find((w) => w.no === 8)).toMatchObject({ state: 'open', servingNumber: 'D001' });
    expect(snapshot.categories.find((c) => c.code === 'D')!.waiting).toBe(2);

    // A kiosk whose answer was lost in the restart tries again: the same ticket, not a second.
    const retried = await api(base, 'POST', '/api/tickets', { body: { category: 'D' }, headers: key });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(IssueTicketReply.parse(retried.body)).toMatchObject({ secret: issued[2]!.secret, ticket: { number: 'D003' } });
    expect((await api(base, 'POST', '/api/tickets', { body: { category: 'D' } })).body.ticket.number).toBe('D004');
    expect((await api(base, 'GET', `/api/tickets/${issued[2]!.secret}`)).body).toMatchObject({ ticket: { status: 'waiting' }, ahead: 1 });
    const finished = await api(base, 'POST', '/api/windows/8/finish', { token });
    expect(finished.body.ticket.number).toBe('D001');
    screen.socket.close();
  });

  it('does not wait for clients still long-polling when it stops', async () => {
    const poller = io(hall.server.url, { auth: { client: 'hall-screen' }, transports: ['polling'] });
    await new Promise((resolve) => poller.once('hall:snapshot', resolve));
    const started = Date.now();
    await hall.restart();
    expect(Date.now() - started).toBeLessThan(5_000);
    // It reconnects by itself and is current again.
    await new Promise((resolve) => poller.once('hall:snapshot', resolve));
    poller.close();
  });
});
