import Database from 'better-sqlite3';
import { connectHallFeed, type ClientKind } from '@hall/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain';
import { ACCESS, enforceAccess, officeStaff, SOCKET_ACCESS, type Caller, type Rule } from '../../src/http/access';
import type { Principal } from '../../src/http/principal';
import { api, connect, demoDeviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Who may do what (issue 15): the access table tried as the issue asks, every route and every
// socket client with no credential, a kiosk, the pad of another window, window staff of another
// window, a duty captain, an administrator, a revoked device and an ended session (and the
// screens and a window's own staff): each refused exactly where the table says, the database
// unchanged by every refusal.

/** The window the routes' `:no` names; the device the routes' `:deviceId` names (the kiosk's own). */
const ROUTE_WINDOW = 10;
const PARAMS: Record<string, string> = {
  no: String(ROUTE_WINDOW),
  deviceId: 'kiosk-01',
  id: 'no-such-id',
  code: 'ZZ',
  staffNo: '99999',
  date: '2026-03-02',
  ticketId: 'no-such-ticket',
};
/** Administrators are let through: their calls must not take the set-up's devices away. */
const ADMIN_DEVICE_PARAMS: Record<string, string> = { ...PARAMS, deviceId: 'no-such-device' };

interface Who {
  name: string;
  /** The callers it is to the table (none: no credential at all). */
  callers: readonly Caller[];
  windowNo: number | null;
  deviceId: string | null;
  /** A credential the hall issued once and ended since. */
  ended: boolean;
  token: string | undefined;
  /** After a call the table allows ended it (a logout): signs in again. */
  renew?: () => Promise<string>;
}

/** The refusal the table says, worked out here from the table's rules as the issue states them: 401, 403, or none. */
function expectedRefusal(rule: Rule, who: Who, params: Record<string, string>): 401 | 403 | null {
  if (rule.who.includes('anyone')) return null;
  if (who.ended) return 401;
  const callers: readonly Caller[] = who.callers.length === 0 ? ['visitor'] : who.callers;
  if (!callers.some((caller) => rule.who.includes(caller))) return who.callers.length === 0 ? 401 : 403;
  if (rule.own === 'window' && who.windowNo !== null && who.windowNo !== ROUTE_WINDOW) return 403;
  if (rule.own === 'device' && who.deviceId !== params.deviceId) return 403;
  return null;
}

/** The access layer's refusals; an allowed call may still be refused by the route for what it asks (a 400, a 404, a rule). */
const ACCESS_CODES = ['UNAUTHORIZED', 'DEVICE_REVOKED', 'FORBIDDEN', 'WRONG_WINDOW'];

describe('the authorization matrix, generated from the access table', () => {
  let hall: TestHall;
  let base: string;
  let db: Database.Database;
  let everyone: Who[];

  /** Every table's row count: what a refusal must leave as it was. */
  const rowCounts = (): Record<string, number> => {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  };

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    db = new Database(hall.dbPath, { readonly: true });
    const admin = await officeLogin(base, '9001');
    const revoked = hall.server.hall.enrolDevice('9001', { kind: 'kiosk', name: '失窃的取号机' });
    expect((await api(base, 'DELETE', `/api/admin/devices/${revoked.device.id}`, { token: admin })).status).toBe(204);
    const ended = await login(base, '1002', 2);
    expect((await api(base, 'POST', '/api/auth/logout', { token: ended })).status).toBe(204);
    const device = (name: string, id: string, callers: readonly Caller[], windowNo: number | null): Who => ({ name, callers, windowNo, deviceId: id, ended: false, token: demoDeviceToken(hall, id) });
    const staff = async (name: string, staffNo: string, windowNo: number): Promise<Who> => {
      const renew = () => login(base, staffNo, windowNo);
      return { name, callers: ['staff'], windowNo, deviceId: null, ended: false, token: await renew(), renew };
    };
    const office = async (name: string, staffNo: string, role: Caller): Promise<Who> => {
      const renew = () => officeLogin(base, staffNo);
      return { name, callers: [role], windowNo: null, deviceId: null, ended: false, token: await renew(), renew };
    };
    everyone = [
      { name: 'no credential', callers: [], windowNo: null, deviceId: null, ended: false, token: undefined },
      device('a kiosk', 'kiosk-01', ['kiosk'], null),
      device('the pad of another window', 'pad-03', ['pad'], 3),
      device('the hall screen', 'hall-screen-1', ['hall-screen'], null),
      device('the window’s own screen', `window-screen-${ROUTE_WINDOW}`, ['window-screen'], ROUTE_WINDOW),
      // Guides both: marking help requests handled is a guide's (a domain rule the table does not repeat).
      await staff('window staff of another window', '1006', 6),
      await staff('the window’s own staff', '1010', ROUTE_WINDOW),
      await office('a duty captain', '2001', 'captain'),
      { ...(await office('an administrator', '9001', 'admin')), token: admin },
      { name: 'a revoked device', callers: ['kiosk'], windowNo: null, deviceId: revoked.device.id, ended: true, token: revoked.token },
      { name: 'an ended session', callers: ['staff'], windowNo: 2, deviceId: null, ended: true, token: ended },
    ];
  });
  afterAll(async () => {
    db.close();
    await hall.stop();
  });

  it('refuses every API route exactly where the table says, and no refusal writes anything', async () => {
    // Logouts last: an allowed one ends its caller's session (signed in again at once).
    const routes = Object.entries(ACCESS)
      .filter(([route]) => route.split(' ')[1]!.startsWith('/api/'))
      .sort(([a], [b]) => Number(a.includes('/logout')) - Number(b.includes('/logout')));
    let refusals = 0;
    for (const [route, rule] of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      for (const who of everyone) {
        const params = who.callers.includes('admin') ? ADMIN_DEVICE_PARAMS : PARAMS;
        const path = pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!);
        const expected = expectedRefusal(rule, who, params);
        const before = expected === null ? null : rowCounts();
        const reply = await api(base, method, path, { ...(who.token ? { token: who.token } : {}), ...(method === 'GET' ? {} : { body: {} }) });
        const code = reply.body?.error?.code as string | undefined;
        const refusedByAccess = (reply.status === 401 || reply.status === 403) && ACCESS_CODES.includes(code ?? '');
        if (expected === null) {
          expect(refusedByAccess, `${route} by ${who.name}: ${reply.status} ${code}`).toBe(false);
          if (route.endsWith('/logout') && who.renew) who.token = await who.renew();
        } else {
          refusals++;
          expect([reply.status, refusedByAccess], `${route} by ${who.name}: ${code}`).toEqual([expected, true]);
          expect(rowCounts(), `${route} by ${who.name} wrote`).toEqual(before);
        }
      }
    }
    // The matrix is not empty: most of the hall's routes are somebody's only.
    expect(refusals).toBeGreaterThan(300);
  });

  it('tells a revoked device so, on any route it is refused', async () => {
    const revoked = everyone.find((who) => who.name === 'a revoked device')!;
    const reply = await api(base, 'POST', '/api/tickets', { token: revoked.token, body: { category: 'A' } });
    expect([reply.status, reply.body.error.code]).toEqual([401, 'DEVICE_REVOKED']);
  });

  it('admits a socket exactly as the table says, each client kind with each credential', async () => {
    for (const [client, rule] of Object.entries(SOCKET_ACCESS) as [ClientKind, Rule][]) {
      for (const who of everyone) {
        const bound = client === 'pad' || client === 'window-screen' || client === 'console';
        let expected = expectedRefusal(rule, who, PARAMS);
        // A window's client names its own window: another window's is refused.
        if (expected === null && bound && who.windowNo !== ROUTE_WINDOW) expected = 403;
        const feed = connect(base, { client, ...(bound ? { windowNo: ROUTE_WINDOW } : {}), ...(who.token ? { token: who.token } : {}) });
        const outcome = await new Promise<string>((resolve) => {
          feed.socket.once('connect_error', (error) => resolve((error as Error & { data?: { code?: string } }).data?.code ?? error.message));
          feed.socket.once('hall:snapshot', () => resolve('admitted'));
        });
        feed.socket.close();
        const wanted = expected === null ? 'admitted' : expected === 401 ? (who.deviceId !== null && who.ended ? 'DEVICE_REVOKED' : 'UNAUTHORIZED') : 'FORBIDDEN';
        expect(outcome, `${client} by ${who.name}`).toBe(wanted);
      }
    }
  });
});

describe('the attacks of issue 15, replayed', () => {
  let hall: TestHall;
  let base: string;

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('the room eavesdropper: a socket claiming window 20 without its pad’s or console’s credential hears no evaluation:requested', async () => {
    const staff = await login(base, '1020', 20);
    const otherStaff = await login(base, '1001', 1);
    const pad = connect(base, { client: 'pad', windowNo: 20, token: demoDeviceToken(hall, 'pad-20') });
    const console20 = connect(base, { client: 'console', windowNo: 20, token: staff });
    // Refused outright: no credential, another window's pad, another window's staff.
    const anonymousScreen = connect(base, { client: 'hall-screen', windowNo: 20 });
    const otherPad = connect(base, { client: 'pad', windowNo: 20, token: demoDeviceToken(hall, 'pad-03') });
    const otherConsole = connect(base, { client: 'console', windowNo: 20, token: otherStaff });
    expect(await Promise.all([anonymousScreen.refused(), otherPad.refused(), otherConsole.refused()])).toEqual(['UNAUTHORIZED', 'FORBIDDEN', 'FORBIDDEN']);
    // Admitted, but to what they are: a phone, the hall screen and window 20's own screen hear no window's evaluations.
    const listeners = [
      connect(base, { client: 'phone', windowNo: 20 }),
      connect(base, { client: 'hall-screen', windowNo: 20, token: demoDeviceToken(hall, 'hall-screen-1') }),
      connect(base, { client: 'window-screen', windowNo: 20, token: demoDeviceToken(hall, 'window-screen-20') }),
    ];
    await Promise.all([pad, console20, ...listeners].map((feed) => feed.waitFor('hall:snapshot')));

    const kiosk = demoDeviceToken(hall, 'kiosk-01');
    const category = hall.server.hall.setupFile().windows.find((w) => w.no === 20)!.categories[0]!;
    expect((await api(base, 'POST', '/api/tickets', { token: kiosk, body: { category } })).status).toBe(201);
    expect((await api(base, 'POST', '/api/windows/20/call-next', { token: staff })).status).toBe(200);
    expect((await api(base, 'POST', '/api/windows/20/finish', { token: staff, body: { caseNo: '3412002026030600001' } })).status).toBe(200);
    await Promise.all([pad.waitFor('evaluation:requested'), console20.waitFor('evaluation:requested')]);
    // Every listener hears the next call after the question was sent (a socket's events arrive in order): had it been in the room, it would have heard the question first.
    await api(base, 'POST', '/api/tickets', { token: kiosk, body: { category } });
    const called = (await api(base, 'POST', '/api/windows/20/call-next', { token: staff })).body.ticket.number as string;
    for (const feed of listeners) {
      await feed.waitFor('ticket:called', (call) => call.number === called);
      expect(feed.received.map((r) => r.event)).not.toContain('evaluation:requested');
      expect(JSON.stringify(feed.received)).not.toContain('3412002026030600001');
    }
    for (const feed of [pad, console20, anonymousScreen, otherPad, otherConsole, ...listeners]) feed.socket.close();
  });

  it('fake faults: only a kiosk sets its own; 500 invented ids are refused and never reach a snapshot', async () => {
    const kiosk01 = demoDeviceToken(hall, 'kiosk-01');
    const fault = { part: 'printer', fault: 'paper_out', message: '有人在捣乱' };
    expect((await api(base, 'PUT', '/api/devices/kiosk-02/status', { token: kiosk01, body: fault })).body.error.code).toBe('FORBIDDEN');
    expect((await api(base, 'PUT', '/api/devices/kiosk-02/status', { body: fault })).body.error.code).toBe('UNAUTHORIZED');
    expect((await api(base, 'PUT', '/api/devices/kiosk-02/status', { token: demoDeviceToken(hall, 'hall-screen-1'), body: fault })).body.error.code).toBe('FORBIDDEN');
    const invented = Array.from({ length: 500 }, (_, i) => `kiosk-x${i}`);
    const replies = await Promise.all(invented.map((id, i) => api(base, 'PUT', `/api/devices/${id}/status`, { ...(i % 2 === 0 ? { token: kiosk01 } : {}), body: fault })));
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([401, 403]));
    const screen = connect(base, { client: 'hall-screen', token: demoDeviceToken(hall, 'hall-screen-1') });
    const snapshot = await screen.waitFor('hall:snapshot');
    expect(snapshot.deviceFaults).toEqual([]);
    expect((await api(base, 'GET', '/api/devices/faults', { token: kiosk01 })).body.faults).toEqual([]);
    // The kiosk's own fault goes through.
    expect((await api(base, 'PUT', '/api/devices/kiosk-01/status', { token: kiosk01, body: { part: 'printer', fault: 'paper_out' } })).status).toBe(200);
    expect((await screen.waitFor('device:fault')).fault.deviceId).toBe('kiosk-01');
    screen.socket.close();
  });

  it('the recovered office socket: recovery re-runs the checks, and a logout closes the socket and refuses its return', async () => {
    const token = await officeLogin(base, '2001');
    const office = connect(base, { client: 'admin', token });
    await office.waitFor('hall:snapshot');
    // A dropped line comes back by recovery while the session stands: the checks pass again.
    office.socket.io.engine.close();
    await expect.poll(() => office.socket.connected && office.socket.recovered).toBe(true);

    // Dropped again, the session ended meanwhile: the recovery is refused.
    office.socket.io.reconnection(false);
    const dropped = new Promise((resolve) => office.socket.once('disconnect', resolve));
    office.socket.io.engine.close();
    await dropped;
    expect((await api(base, 'POST', '/api/office/logout', { token })).status).toBe(204);
    const refused = office.refused();
    office.socket.connect();
    expect(await refused).toBe('UNAUTHORIZED');
    office.socket.close();

    // Connected at the logout: closed by the server in the same turn.
    const token2 = await officeLogin(base, '2001');
    const second = connect(base, { client: 'admin', token: token2 });
    await second.waitFor('hall:snapshot');
    expect((await api(base, 'POST', '/api/office/logout', { token: token2 })).status).toBe(204);
    expect(await second.closedByServer()).toBeTruthy();
    second.socket.close();
  });

  it('closes a socket when its credential ends: a device revoked, a session signed out or replaced', async () => {
    const admin = await officeLogin(base, '9001');
    // Neither names its window: a pad's and a console's window is their credential's.
    const padToken = demoDeviceToken(hall, 'pad-07');
    const padFeed = connect(base, { client: 'pad', token: padToken });
    const staff = await login(base, '1008', 8);
    const consoleFeed = connect(base, { client: 'console', token: staff });
    await Promise.all([padFeed.waitFor('hall:snapshot'), consoleFeed.waitFor('hall:snapshot')]);

    expect((await api(base, 'DELETE', '/api/admin/devices/pad-07', { token: admin })).status).toBe(204);
    await padFeed.closedByServer();
    // Someone else signs in at window 8: the first session ends, and its console's line with it.
    await login(base, '1008', 8);
    await consoleFeed.closedByServer();
    const again = connect(base, { client: 'pad', token: padToken });
    expect(await again.refused()).toBe('DEVICE_REVOKED');
    for (const feed of [padFeed, consoleFeed, again]) feed.socket.close();
  });
});

describe('the pages’ line to the hall (connectHallFeed)', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  /** A page's feed, and a promise of the next time it hears the server closed or refused its line. */
  const feedOf = (token: string) => {
    let refused = () => {};
    let connected = () => {};
    const feed = connectHallFeed(hall.server.url, { client: 'admin', token }, {
      onState: () => undefined,
      onConnection: (up) => up && connected(),
      onRefused: () => refused(),
    });
    return { feed, up: new Promise<void>((resolve) => (connected = resolve)), refused: () => new Promise<void>((resolve) => (refused = resolve)) };
  };

  it('tells the page when its session ends (so it goes back to sign-in), and when its credential is refused', async () => {
    const token = await officeLogin(hall.server.url, '2001');
    const page = feedOf(token);
    await page.up;
    const closed = page.refused();
    expect((await api(hall.server.url, 'POST', '/api/office/logout', { token })).status).toBe(204);
    await closed;
    page.feed.close();
    const stale = feedOf(token);
    await stale.refused();
    stale.feed.close();
  });
});

describe('an idle office session', () => {
  let now = Date.parse('2026-03-02T09:00:00+08:00');
  let hall: TestHall;

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
  });
  afterAll(() => hall.stop());

  it('closes its socket as it ends', async () => {
    const base = hall.server.url;
    const token = await officeLogin(base, '2001');
    const office = connect(base, { client: 'admin', token });
    await office.waitFor('hall:snapshot');
    // Twelve idle hours later (HALL_SESSION_IDLE_HOURS), with the page still connected: the next use ends the session and its line.
    now += 12 * 3_600_000 + 1;
    expect((await api(base, 'GET', '/api/office/session', { token })).status).toBe(401);
    await office.closedByServer();
    office.socket.close();
  });

  it('is ended at the next re-check of the sockets even if nobody presents its token again: a connected page does not keep it alive', async () => {
    const base = hall.server.url;
    const token = await officeLogin(base, '2001');
    const office = connect(base, { client: 'admin', token });
    await office.waitFor('hall:snapshot');
    // Any change that can end a credential re-checks every socket (as the half-minute check does): here a sign-in at a window.
    // A re-check is a look, not a use: eleven hours on it leaves the session as it was, and two more end it.
    now += 11 * 3_600_000;
    await login(base, '1001', 1);
    now += 2 * 3_600_000;
    expect(office.socket.connected).toBe(true);
    await login(base, '1002', 2);
    await office.closedByServer();
    expect((await api(base, 'GET', '/api/office/session', { token })).status).toBe(401);
    office.socket.close();
  });
});

describe('the access hook', () => {
  const admin: Principal = { kind: 'office', staff: { staffNo: '9001', name: '管理员', roles: ['admin'] }, tokenHash: 'a' };
  const captain: Principal = { kind: 'office', staff: { staffNo: '2001', name: '值班长', roles: ['captain'] }, tokenHash: 'c' };

  async function appWith(routes: (app: FastifyInstance) => void) {
    const app = Fastify();
    app.decorateRequest('principal', null as never);
    app.addHook('onRequest', async (request) => {
      const { authorization } = request.headers;
      request.principal = authorization === 'Bearer admin' ? admin : authorization === 'Bearer captain' ? captain : { kind: 'anonymous', refused: authorization ? 'UNAUTHORIZED' : null };
    });
    app.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof DomainError)) throw error;
      return reply.status(error.code === 'FORBIDDEN' ? 403 : 401).send({ code: error.code });
    });
    enforceAccess(app);
    app.register(async (child) => routes(child));
    await app.ready();
    return app;
  }

  it('refuses to start with any route missing from the table, not only the set-up’s', async () => {
    await expect(appWith((app) => app.get('/api/admin/secret', async () => 'open'))).rejects.toThrow(/GET \/api\/admin\/secret is not in the access table/);
    await expect(appWith((app) => app.post('/api/tickets/bulk', async () => 'open'))).rejects.toThrow(/POST \/api\/tickets\/bulk is not in the access table/);
  });

  it('gives the route the signed-in person, and keeps captains off the set-up', async () => {
    const app = await appWith((child) => {
      child.put('/api/admin/windows/:no', async (request) => ({ by: officeStaff(request).staffNo }));
      child.put('/api/hall/notice', async (request) => ({ by: officeStaff(request).staffNo }));
    });
    const put = (url: string, token?: string) => app.inject({ method: 'PUT', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
    expect((await put('/api/admin/windows/5')).statusCode).toBe(401);
    expect((await put('/api/admin/windows/5', 'captain')).json()).toEqual({ code: 'FORBIDDEN' });
    expect((await put('/api/admin/windows/5', 'admin')).json()).toEqual({ by: '9001' });
    expect((await put('/api/hall/notice', 'captain')).json()).toEqual({ by: '2001' });
    await app.close();
  });

  it('keeps the set-up’s routes to administrators, and names no route open to anyone that writes but the sign-ins and a new device’s pairing request', () => {
    for (const [route, rule] of Object.entries(ACCESS).filter(([route]) => route.includes(' /api/admin/'))) expect(rule.who, route).toEqual(['admin']);
    const openWrites = Object.entries(ACCESS).filter(([route, rule]) => !route.startsWith('GET ') && rule.who.includes('anyone'));
    expect(openWrites.map(([route]) => route).sort()).toEqual(['POST /api/auth/login', 'POST /api/office/login', 'POST /api/pairings']);
  });
});
