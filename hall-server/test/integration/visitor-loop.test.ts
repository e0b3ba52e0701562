import { CallView, HallSnapshot, IssueTicketReply, QueueChanged, TicketChanged, TicketReply, WindowActionReply, WindowsReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type TestHall } from '../support/hall-server';

describe('the whole visitor loop over HTTP and socket.io', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('takes a ticket, calls, recalls and finishes it, and every screen hears of it', async () => {
    const screen = connect(base, { client: 'hall-screen' });
    const first = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    expect(first.windows).toHaveLength(23);
    expect(first.recentCalls).toEqual([]);
    expect(screen.received[0]!.event).toBe('hall:snapshot');

    const issued = await api(base, 'POST', '/api/tickets', { body: { category: 'B' } });
    expect(issued.status).toBe(201);
    const { ticket, ahead, secret } = IssueTicketReply.parse(issued.body);
    expect(ticket).toMatchObject({ number: 'B001', category: 'B', status: 'waiting', categoryName: '不动产登记' });
    expect(ahead).toBe(0);
    const queue = QueueChanged.parse(await screen.waitFor('queue:changed', (p) => p.categories.find((c: any) => c.code === 'B')?.waiting === 1));
    expect(queue.categories).toHaveLength(11);

    const phone = connect(base, { client: 'phone', ticket: secret });
    const phoneSnapshot = HallSnapshot.parse(await phone.waitFor('hall:snapshot'));
    expect(phoneSnapshot.ticket?.ticket.number).toBe('B001');

    const categories = await api(base, 'GET', '/api/categories');
    expect(categories.body.categories.find((c: any) => c.code === 'B').waiting).toBe(1);

    const token = await login(base, '1003', 3);
    const windows = WindowsReply.parse((await api(base, 'GET', '/api/windows')).body);
    expect(windows.windows.find((w) => w.no === 3)).toMatchObject({ state: 'open', staff: { staffNo: '1003', name: '张伟' } });

    const called = await api(base, 'POST', '/api/windows/3/call-next', { token });
    expect(called.status).toBe(200);
    const reply = WindowActionReply.parse(called.body);
    expect(reply.ticket).toMatchObject({ number: 'B001', status: 'called', windowNo: 3 });
    expect(reply.window.servingNumber).toBe('B001');

    const call = CallView.parse(await screen.waitFor('ticket:called'));
    expect(call).toMatchObject({ number: 'B001', windowNo: 3, windowName: '不动产登记一号窗口', recall: false });
    const phoneUpdate = TicketChanged.parse(await phone.waitFor('ticket:changed', (p) => p.ticket.status === 'called'));
    expect(phoneUpdate.ticket.windowNo).toBe(3);

    await api(base, 'POST', '/api/windows/3/recall', { token });
    expect(CallView.parse(await screen.waitFor('ticket:called', (p) => p.recall))).toMatchObject({ number: 'B001', recall: true });

    const finished = await api(base, 'POST', '/api/windows/3/finish', { token, body: { caseNo: '3412002026112500017' } });
    expect(finished.status).toBe(200);
    expect(finished.body.ticket.status).toBe('finished');
    await screen.waitFor('window:changed', (p) => p.window.no === 3 && p.window.servingNumber === null);
    // A recall and a finish leave the queues as they were: the screen hears of B001's issue and
    // call, then (sent after anything of the finish could be) of a ticket of another category.
    await api(base, 'POST', '/api/tickets', { body: { category: 'C' } });
    await screen.waitFor('queue:changed', (p) => p.categories.find((c: any) => c.code === 'C')?.waiting === 1);
    const queueChanges = screen.received.filter((r) => r.event === 'queue:changed');
    expect(queueChanges.map((r) => ['B', 'C'].map((code) => r.payload.categories.find((c: any) => c.code === code).waiting))).toEqual([
      [1, 0],
      [0, 0],
      [0, 1],
    ]);

    const status = TicketReply.parse((await api(base, 'GET', `/api/tickets/${secret}`)).body);
    expect(status.ticket.status).toBe('finished');
    expect(status.ahead).toBe(0);

    // A screen that connects now gets the whole state first, with the calls it missed.
    const late = connect(base, { client: 'window-screen', windowNo: 3 });
    const lateSnapshot = HallSnapshot.parse(await late.waitFor('hall:snapshot'));
    expect(lateSnapshot.recentCalls.map((c) => [c.number, c.recall])).toEqual([
      ['B001', true],
      ['B001', false],
    ]);
    for (const client of [screen, phone, late]) client.socket.close();
  });

  it('tells a phone page how many people are ahead as the queue moves', async () => {
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'G' } })).body));
    expect(tickets.map((t) => t.ahead)).toEqual([0, 1, 2]);
    const last = tickets[2]!;
    const phone = connect(base, { client: 'phone', ticket: last.secret });
    expect((await phone.waitFor('hall:snapshot')).ticket.ahead).toBe(2);
    const token = await login(base, '1015', 15);
    await api(base, 'POST', '/api/windows/15/call-next', { token });
    expect((await phone.waitFor('ticket:changed', (p) => p.ahead === 1)).ticket.status).toBe('waiting');
    expect((await api(base, 'GET', `/api/tickets/${last.secret}`)).body.ahead).toBe(1);

    // A call from another queue leaves its place as it was: it is not told anything.
    const elsewhere = connect(base, { client: 'phone', ticket: tickets[1]!.secret });
    await elsewhere.waitFor('hall:snapshot');
    const other = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'L' } })).body);
    const otherPhone = connect(base, { client: 'phone', ticket: other.secret });
    await otherPhone.waitFor('hall:snapshot');
    const lToken = await login(base, '1020', 20);
    const calledL = await api(base, 'POST', '/api/windows/20/call-next', { token: lToken });
    expect(calledL.body.ticket.number).toBe(other.ticket.number);
    expect((await otherPhone.waitFor('ticket:changed', (p) => p.ticket.status === 'called')).ticket.windowNo).toBe(20);
    await api(base, 'POST', '/api/windows/15/finish', { token, body: {} });
    await api(base, 'POST', '/api/windows/15/call-next', { token });
    // The G phones hear of the G call, and of nothing before it.
    expect((await phone.waitFor('ticket:changed', (p) => p.ahead === 0)).ticket.status).toBe('waiting');
    // Window 15 opening (its sign-in) moved the G estimates too; window 20 (L only) did not.
    expect(phone.received.filter((r) => r.event === 'ticket:changed').map((r) => r.payload.ahead)).toEqual([2, 1, 0]);
    expect(phone.received.filter((r) => r.event === 'ticket:changed').map((r) => r.payload.estimatedWaitMinutes)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(elsewhere.received.filter((r) => r.event === 'ticket:changed').map((r) => r.payload.ticket.status)).toEqual(['called']);
    // Called, it has no wait left to estimate.
    expect(elsewhere.received.find((r) => r.event === 'ticket:changed')?.payload.estimatedWaitMinutes).toBeNull();
    // Of the rest of the hall, a phone hears the calls and the windows opening, pausing or closing,
    // nothing else: not each window's every number, not the queues.
    expect(new Set(phone.received.map((r) => r.event))).toEqual(new Set(['hall:snapshot', 'ticket:called', 'ticket:changed', 'window:changed']));
    expect(phone.received.filter((r) => r.event === 'window:changed').map((r) => [r.payload.window.no, r.payload.window.state])).toEqual([
      [15, 'open'],
      [20, 'open'],
    ]);
    expect(phone.received.filter((r) => r.event === 'ticket:called').map((r) => r.payload.number)).toEqual(['G001', 'L001', 'G002']);
    for (const client of [phone, elsewhere, otherPhone]) client.socket.close();
  });

  it('gives the same ticket again for the same idempotency key, and never a second one', async () => {
    const key = 'kiosk-1-tap-0001';
    const headers = { 'idempotency-key': key };
    const first = await api(base, 'POST', '/api/tickets', { body: { category: 'H' }, headers });
    const again = await api(base, 'POST', '/api/tickets', { body: { category: 'H' }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(IssueTicketReply.parse(again.body)).toEqual(IssueTicketReply.parse(first.body));
    const next = await api(base, 'POST', '/api/tickets', { body: { category: 'H' } });
    expect([first.body.ticket.number, next.body.ticket.number]).toEqual(['H001', 'H002']);

    const reused = await api(base, 'POST', '/api/tickets', { body: { category: 'H', priority: true }, headers });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('puts a 绿色通道 ticket ahead of ordinary ones', async () => {
    await api(base, 'POST', '/api/tickets', { body: { category: 'K' } });
    const priority = await api(base, 'POST', '/api/tickets', { body: { category: 'K', priority: true } });
    expect(priority.body.ticket.priority).toBe('green_channel');
    expect(priority.body.ahead).toBe(0);
    const token = await login(base, '1019', 19);
    const called = await api(base, 'POST', '/api/windows/19/call-next', { token });
    expect(called.body.ticket.number).toBe('K002');
  });
});
