import { HallSnapshot, IssueTicketReply, PhoneRatingReply, TicketReply, WindowActionReply, WindowsReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Issue 15: the visitor's secret in the QR code is the only proof of holding a ticket. It and the
// ticket's id are in nothing public: no snapshot, no broadcast, no list. Only the kiosk that issued
// the ticket is answered with the secret; the phone follows and rates the ticket by it alone.

describe('the visitor’s secret and the public views', () => {
  let hall: TestHall;
  let base: string;
  let token: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    token = await login(base, '1003', 3);
  });
  afterAll(() => hall.stop());

  it('a screen, a kiosk and the phone hear the ticket issued, called, recalled and finished without its id or secret', async () => {
    const screen = connect(base, { client: 'hall-screen' });
    const windowScreen = connect(base, { client: 'window-screen', windowNo: 3 });
    const kiosk = connect(base, { client: 'kiosk' });
    await Promise.all([screen.waitFor('hall:snapshot'), windowScreen.waitFor('hall:snapshot'), kiosk.waitFor('hall:snapshot')]);

    const issued = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'B' } })).body);
    const { secret } = issued;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(issued.ticket).not.toHaveProperty('id');
    const phone = connect(base, { client: 'phone', ticket: secret });
    expect(HallSnapshot.parse(await phone.waitFor('hall:snapshot')).ticket?.ticket.number).toBe(issued.ticket.number);

    const called = WindowActionReply.parse((await api(base, 'POST', '/api/windows/3/call-next', { token })).body);
    const id = called.ticket!.id;
    await api(base, 'POST', '/api/windows/3/recall', { token });
    await phone.waitFor('ticket:changed', (p) => p.ticket.status === 'called');
    // A late screen's snapshot has the call among the recent ones, and the window serving it.
    const late = connect(base, { client: 'hall-screen' });
    const lateSnapshot = HallSnapshot.parse(await late.waitFor('hall:snapshot'));
    expect(lateSnapshot.recentCalls[0]).toMatchObject({ number: issued.ticket.number, windowNo: 3, recall: true });
    expect(lateSnapshot.windows.find((w) => w.no === 3)?.servingNumber).toBe(issued.ticket.number);
    // The public lists: the windows, one window, the phone's own ticket.
    const windows = WindowsReply.parse((await api(base, 'GET', '/api/windows')).body);
    const window3 = await api(base, 'GET', '/api/windows/3');
    const followed = TicketReply.parse((await api(base, 'GET', `/api/tickets/${secret}`)).body);
    expect(followed.ticket).toMatchObject({ number: issued.ticket.number, status: 'called', windowNo: 3 });

    await api(base, 'POST', '/api/windows/3/finish', { token, body: { caseNo: '3412002026120700042' } });
    await phone.waitFor('ticket:changed', (p) => p.ticket.status === 'finished');
    await screen.waitFor('window:changed', (p) => p.window.no === 3 && p.window.servingNumber === null);
    const rating = PhoneRatingReply.parse((await api(base, 'GET', `/api/tickets/${secret}/evaluation`)).body);
    expect(rating.evaluation).toMatchObject({ status: 'pending', number: issued.ticket.number, windowNo: 3 });

    const heard = { screen, windowScreen, kiosk, phone, late };
    for (const [who, feed] of Object.entries(heard)) {
      expect(feed.received.length, who).toBeGreaterThan(0);
      const text = JSON.stringify(feed.received);
      for (const kept of [id, secret, '3412002026120700042']) expect(text, `${who} heard ${kept}`).not.toContain(kept);
    }
    expect(screen.received.some((r) => r.event === 'ticket:called')).toBe(true);
    for (const [what, reply] of Object.entries({ windows, window3: window3.body, followed, rating })) {
      for (const kept of [id, secret, '3412002026120700042']) expect(JSON.stringify(reply), `${what} shows ${kept}`).not.toContain(kept);
    }
    for (const feed of Object.values(heard)) feed.socket.close();
  });

  it('follows a ticket by its secret only: an id, a wrong or a malformed secret is TICKET_NOT_FOUND with nothing more', async () => {
    const issued = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'B' } })).body);
    const called = WindowActionReply.parse((await api(base, 'POST', '/api/windows/3/call-next', { token })).body);
    expect(called.ticket?.number).toBe(issued.ticket.number);
    const id = called.ticket!.id;
    const wrongSecret = issued.secret.startsWith('A') ? `B${issued.secret.slice(1)}` : `A${issued.secret.slice(1)}`;
    for (const path of [id, wrongSecret, 'not-a-secret', `${id}/evaluation`, `${wrongSecret}/evaluation`]) {
      const reply = await api(base, 'GET', `/api/tickets/${path}`);
      expect([reply.status, reply.body], path).toEqual([404, { error: { code: 'TICKET_NOT_FOUND', message: expect.any(String) } }]);
    }
    // A phone page with a wrong secret follows nothing and hears nothing of anyone's ticket.
    const stranger = connect(base, { client: 'phone', ticket: wrongSecret });
    expect(HallSnapshot.parse(await stranger.waitFor('hall:snapshot')).ticket).toBeNull();
    const owner = connect(base, { client: 'phone', ticket: issued.secret });
    await owner.waitFor('hall:snapshot');
    await api(base, 'POST', '/api/windows/3/finish', { token, body: {} });
    await owner.waitFor('ticket:changed', (p) => p.ticket.status === 'finished');
    expect(stranger.received.filter((r) => r.event === 'ticket:changed')).toEqual([]);
    // The office still reads the rating as recorded by the ticket's id; nobody else does.
    expect((await api(base, 'GET', `/api/evaluations/${id}`)).status).toBe(401);
    const captain = await officeLogin(base, '2001');
    expect((await api(base, 'GET', `/api/evaluations/${id}`, { token: captain })).body.evaluation).toMatchObject({ status: 'pending', windowNo: 3 });
    for (const feed of [stranger, owner]) feed.socket.close();
  });

  it('answers a replayed 取号 with the secret only to the kiosk that asked: the same key from anyone else is a key of their own', async () => {
    // K: a queue no window here calls, so the tickets left waiting get in no other test's way.
    const headers = { 'idempotency-key': 'kiosk-tap-5f2a9c0d1e3b' };
    const kiosk = deviceToken(hall, 'kiosk');
    const first = await api(base, 'POST', '/api/tickets', { token: kiosk, headers, body: { category: 'K' } });
    const again = await api(base, 'POST', '/api/tickets', { token: kiosk, headers, body: { category: 'K' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(IssueTicketReply.parse(again.body)).toEqual(IssueTicketReply.parse(first.body));
    const stranger = await api(base, 'POST', '/api/tickets', { headers, body: { category: 'K' } });
    expect(stranger.status).toBe(201);
    expect(stranger.headers.get('idempotent-replayed')).toBeNull();
    expect(stranger.body.secret).not.toBe(first.body.secret);
    expect(stranger.body.ticket.number).not.toBe(first.body.ticket.number);
  });

  it('the rating bot: a script that heard a ticket id cannot rate it; the window’s pad and the visitor’s phone can', async () => {
    // A script sitting in window 3's room as a screen hears no question to answer.
    const eavesdropper = connect(base, { client: 'hall-screen', windowNo: 3 });
    const realPad = connect(base, { client: 'pad', windowNo: 3 });
    await Promise.all([eavesdropper.waitFor('hall:snapshot'), realPad.waitFor('hall:snapshot')]);
    const issued = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'B' } })).body);
    await api(base, 'POST', '/api/windows/3/call-next', { token });
    const finished = WindowActionReply.parse((await api(base, 'POST', '/api/windows/3/finish', { token, body: {} })).body);
    await realPad.waitFor('evaluation:requested', (p) => p.number === issued.ticket.number);
    expect(eavesdropper.received.filter((r) => r.event.startsWith('evaluation:'))).toEqual([]);
    // Whatever the script learnt the id from, it is no proof of anything.
    const ticketId = finished.ticket!.id;
    const captain = await officeLogin(base, '2001');
    const recorded = async () => (await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captain })).body.evaluation;

    const anonymous = await api(base, 'POST', '/api/evaluations', { body: { ticketId, level: 'very_dissatisfied', reasons: ['attitude'] } });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const staffSession = await api(base, 'POST', '/api/evaluations', { token, body: { ticketId, level: 'very_satisfied' } });
    expect([staffSession.status, staffSession.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const named = await api(base, 'POST', '/api/evaluations', { headers: { 'device-id': 'pad-03' }, body: { ticketId, level: 'very_dissatisfied', reasons: ['attitude'] } });
    expect([named.status, named.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const otherPad = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 1), body: { ticketId, level: 'very_dissatisfied', reasons: ['attitude'] } });
    expect([otherPad.status, otherPad.body.error.code]).toEqual([403, 'EVALUATION_WRONG_WINDOW']);
    const kiosk = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'kiosk'), body: { ticketId, level: 'very_dissatisfied', reasons: ['attitude'] } });
    expect([kiosk.status, kiosk.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await recorded()).toMatchObject({ status: 'pending', level: null, followUpId: null });

    // The visitor's phone, with the secret from the QR code, can.
    const fromPhone = await api(base, 'POST', '/api/evaluations', { body: { secret: issued.secret, level: 'satisfied' } });
    expect(fromPhone.status).toBe(201);
    expect(await recorded()).toMatchObject({ status: 'rated', level: 'satisfied', channel: 'phone' });
    // The window's own pad is let through, to find it rated already.
    const ownPad = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 3), body: { ticketId, level: 'very_satisfied' } });
    expect([ownPad.status, ownPad.body.error.code]).toEqual([409, 'ALREADY_RATED']);
    for (const feed of [eavesdropper, realPad]) feed.socket.close();
  });
});
