import { HallSetupFile, HallSnapshot, IssueTicketReply } from '@hall/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, officeLogin, startTestHall, type HallSocket, type TestHall } from '../support/hall-server';

// Windows added to and removed from a serving hall: the server goes on answering, and the
// connected screens and consoles get the new list of windows (the fresh snapshot of a set-up
// change). Publishing such a change once threw from the disk's callback and ended the process.

/** Monday 2 March 2026, 10:00 in the hall. */
const NOW = Date.parse('2026-03-02T10:00:00+08:00');

describe('windows added and removed while the hall serves', () => {
  let hall: TestHall;
  let base: string;
  let admin: string;
  const sockets: HallSocket[] = [];
  /** What publishing a change threw (logged as PUBLISH_FAILED; it once ended the process). */
  const publishFailures: unknown[] = [];
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => NOW } });
    hall.server.hall.onPublishFailed((error) => publishFailures.push(error));
    base = hall.server.url;
    admin = await officeLogin(base, '9001');
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
    expect(publishFailures.splice(0)).toEqual([]);
  });
  afterAll(() => hall.stop());

  const listen = async (hello: Parameters<typeof connect>[1]) => {
    const client = connect(base, hello);
    sockets.push(client.socket);
    await client.waitFor('hall:snapshot');
    return client;
  };
  const windowNos = (snapshot: unknown) => HallSnapshot.parse(snapshot).windows.map((w) => w.no);
  const stillServing = async () => expect((await api(base, 'GET', '/api/categories')).status).toBe(200);

  it('a window added on its own reaches the hall screen and a console', async () => {
    const screen = await listen({ client: 'hall-screen' });
    const console1 = await listen({ client: 'console', windowNo: 1 });
    const phone = await listen({ client: 'phone' });
    const reply = await api(base, 'PUT', '/api/admin/windows/100', { token: admin, body: { name: 'x', department: 'y', categories: ['A'] } });
    expect(reply.status).toBe(200);
    for (const client of [screen, console1, phone]) expect(windowNos(await client.waitFor('hall:snapshot', (p) => windowNos(p).includes(100)))).toContain(100);
    // New to the hall, so new to the phones, which hear only of windows that changed.
    await phone.waitFor('window:changed', (p) => p.window.no === 100);
    await stillServing();
  });

  it('a window added in a whole set-up reaches the hall screen', async () => {
    const screen = await listen({ client: 'hall-screen' });
    const setup = HallSetupFile.parse((await api(base, 'GET', '/api/admin/setup', { token: admin })).body);
    setup.windows.push({ no: 101, name: '101号窗口', department: '综合', categories: ['B'], routing: 'fifo' });
    expect((await api(base, 'PUT', '/api/admin/setup', { token: admin, body: setup })).status).toBe(200);
    await screen.waitFor('hall:snapshot', (p) => windowNos(p).includes(101));
    await stillServing();
  });

  it('a window removed while someone is signed in there and paused: the screens get the list without it', async () => {
    const token = await login(base, '1020', 20);
    expect((await api(base, 'POST', '/api/windows/20/pause', { token, body: { reason: '系统维护' } })).status).toBe(200);
    const screen = await listen({ client: 'hall-screen' });
    const console20 = await listen({ client: 'console', windowNo: 20 });
    expect((await api(base, 'DELETE', '/api/admin/devices/pad-20', { token: admin })).status).toBe(204);
    expect((await api(base, 'DELETE', '/api/admin/windows/20', { token: admin })).status).toBe(204);
    for (const client of [screen, console20]) await client.waitFor('hall:snapshot', (p) => !windowNos(p).includes(20));
    expect((await api(base, 'GET', '/api/auth/session', { token })).status).toBe(401);
    // Its console is told its session is over (back to the sign-in form), not that the window is unknown.
    expect((await api(base, 'GET', '/api/windows/20', { token })).body.error.code).toBe('UNAUTHORIZED');
    expect((await api(base, 'POST', '/api/windows/20/resume', { token })).body.error.code).toBe('UNAUTHORIZED');
    await stillServing();
  });

  it('a renamed window shows its new name in the recent calls of the next snapshot', async () => {
    const setup = HallSetupFile.parse((await api(base, 'GET', '/api/admin/setup', { token: admin })).body);
    const window1 = setup.windows.find((w) => w.no === 1)!;
    const token = await login(base, '1001', 1);
    await api(base, 'POST', '/api/tickets', { body: { category: window1.categories[0] } });
    expect((await api(base, 'POST', '/api/windows/1/call-next', { token })).status).toBe(200);
    const renamed = { name: '综合受理一号', department: window1.department, categories: window1.categories, routing: window1.routing };
    expect((await api(base, 'PUT', '/api/admin/windows/1', { token: admin, body: renamed })).status).toBe(200);
    const screen = connect(base, { client: 'hall-screen' });
    sockets.push(screen.socket);
    const snapshot = HallSnapshot.parse(await screen.waitFor('hall:snapshot'));
    expect(snapshot.recentCalls[0]).toMatchObject({ windowNo: 1, windowName: '综合受理一号' });
    await api(base, 'POST', '/api/windows/1/finish', { token });
  });

  it('a set-up change reaches phones following tickets through the phones’ shared snapshot, each with its ticket', async () => {
    const issued = await Promise.all(['A', 'B', 'C'].map(async (category) => IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category } })).body)));
    const tickets = issued.map((i) => i.ticket);
    const phones = await Promise.all(issued.map(({ secret }) => listen({ client: 'phone', ticket: secret })));
    const screen = await listen({ client: 'hall-screen' });
    const built: (string | undefined)[] = [];
    const { hall: facade } = hall.server;
    const snapshot = facade.snapshot;
    facade.snapshot = (hello, ticketId) => {
      built.push(hello === null ? 'hall' : `${hello.client}${ticketId ? ' with ticket' : ''}`);
      return snapshot(hello, ticketId);
    };
    try {
      const setup = HallSetupFile.parse((await api(base, 'GET', '/api/admin/setup', { token: admin })).body);
      const window2 = setup.windows.find((w) => w.no === 2)!;
      expect((await api(base, 'PUT', '/api/admin/windows/2', { token: admin, body: { ...window2, no: undefined, name: '二号窗口' } })).status).toBe(200);
      const fresh = HallSnapshot.parse(await screen.waitFor('hall:snapshot', (p) => p.windows.some((w: { name: string }) => w.name === '二号窗口')));
      for (const [i, phone] of phones.entries()) {
        const got = HallSnapshot.parse(await phone.waitFor('hall:snapshot', (p) => p.setupVersion === fresh.setupVersion));
        expect(got.ticket?.ticket.number).toBe(tickets[i]!.number);
        expect(got.kiosks).toEqual([]);
      }
      // No snapshot made for one phone: the phones' one, shared.
      expect(built.filter((b) => b === 'phone with ticket')).toEqual([]);
      expect(built.filter((b) => b === 'hall')).toHaveLength(1);
    } finally {
      facade.snapshot = snapshot;
    }
  });
});
