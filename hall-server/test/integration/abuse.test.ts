import Database from 'better-sqlite3';
import { ErrorReply } from '@hall/shared';
import { request as httpRequest } from 'node:http';
import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, deviceToken, startTestHall, type ApiReply, type TestHall, demoDeviceToken } from '../support/hall-server';

// Abuse cannot stall the hall (issue 15): the PIN flood, the ticket flood, a laptop holding
// every connection, a page of another site opening the hall's sockets.

function expectRefusal(reply: ApiReply, status: number, code: string) {
  expect(reply.status).toBe(status);
  const { error } = ErrorReply.parse(reply.body);
  expect(error.code).toBe(code);
  return error;
}

/** A pino logger whose lines the test reads. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

const login = (base: string, staffNo: string, pin: string) => api(base, 'POST', '/api/auth/login', { body: { staffNo, pin, windowNo: 1 } });

describe('the PIN lock', () => {
  let hall: TestHall;
  let base: string;
  const log = recordingLogger();
  beforeAll(async () => {
    hall = await startTestHall({ logger: log.logger });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('locks a staff number after five wrong PINs, the right one included, and says when to try again', async () => {
    for (let i = 0; i < 5; i++) expectRefusal(await login(base, '1001', '000000'), 401, 'INVALID_CREDENTIALS');
    const locked = await login(base, '1001', '123456');
    const error = expectRefusal(locked, 429, 'PIN_LOCKED');
    expect(error.details).toEqual({ retryAfterSeconds: 30 });
    expect(error.message).toBe('密码错误次数太多，已暂时锁定，请 30 秒后再试');
    expect(locked.headers.get('retry-after')).toBe('30');
    // The same lock on every route that takes a PIN.
    expectRefusal(await api(base, 'POST', '/api/office/login', { body: { staffNo: '1001', pin: '123456' } }), 429, 'PIN_LOCKED');
    expectRefusal(await api(base, 'POST', '/api/tickets/reprint', { token: demoDeviceToken(hall, 'kiosk-01'), body: { staffNo: '1001', pin: '123456', number: 'A001', deviceId: 'kiosk-01' } }), 429, 'PIN_LOCKED');
    // Another staff number from the same address is not locked by it.
    expect((await login(base, '1002', '123456')).status).toBe(200);
  });

  it('locks an unknown staff number exactly like a known one', async () => {
    for (let i = 0; i < 5; i++) expectRefusal(await login(base, '8888', '000000'), 401, 'INVALID_CREDENTIALS');
    expect(expectRefusal(await login(base, '8888', '000000'), 429, 'PIN_LOCKED').details).toEqual({ retryAfterSeconds: 30 });
  });

  it('logs every wrong PIN with the staff number and the address, never the PIN', () => {
    const wrong = log.lines.filter((line) => line.msg === 'wrong PIN');
    expect(wrong.length).toBeGreaterThanOrEqual(10);
    expect(wrong[0]).toMatchObject({ staffNo: '1001', address: '127.0.0.1', route: 'POST /api/auth/login' });
    expect(wrong.at(-1)).toMatchObject({ staffNo: '8888', lockedSeconds: 30 });
    expect(JSON.stringify(log.lines)).not.toContain('000000');
  });
});

/** A sign-in from another address of the loopback network (127.0.0.0/8): another machine on the hall's LAN. */
function loginFrom(base: string, localAddress: string, staffNo: string, pin: string): Promise<{ status: number; body: any }> {
  const url = new URL('/api/auth/login', base);
  const body = JSON.stringify({ staffNo, pin, windowNo: 1 });
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (reply) => {
      let text = '';
      reply.on('data', (chunk: Buffer) => (text += chunk.toString()));
      reply.on('end', () => resolve({ status: reply.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('the PIN lock and a person’s own desk', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('a stranger elsewhere on the LAN cannot lock a person out of the desk they last signed in at', async () => {
    const base = hall.server.url;
    expect((await loginFrom(base, '127.0.0.1', '1001', '123456')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await loginFrom(base, '127.0.0.3', '1001', '000000')).body.error.code).toBe('INVALID_CREDENTIALS');
    // Locked for everyone else, the stranger's address included…
    expect((await loginFrom(base, '127.0.0.3', '1001', '123456')).body.error.code).toBe('PIN_LOCKED');
    expect((await loginFrom(base, '127.0.0.4', '1001', '123456')).body.error.code).toBe('PIN_LOCKED');
    // …but not at the person's own desk.
    expect((await loginFrom(base, '127.0.0.1', '1001', '123456')).status).toBe(200);
  });
});

describe('the PIN lock per address', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it('locks an address that tried twenty wrong PINs across staff numbers, for every staff number', async () => {
    const base = hall.server.url;
    for (let i = 0; i < 20; i++) expectRefusal(await login(base, String(7000 + i), '000000'), 401, 'INVALID_CREDENTIALS');
    expectRefusal(await login(base, '1003', '123456'), 429, 'PIN_LOCKED');
  });
});

describe('PIN checks under a flood', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    // The lock off: every guess is hashed, the worst the lock cannot stop (guesses from many addresses).
    hall = await startTestHall({ limits: { pinLock: false } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('takes as long to refuse an unknown staff number as a known one', async () => {
    const timed = async (staffNo: string) => {
      const started = performance.now();
      expectRefusal(await login(base, staffNo, '000000'), 401, 'INVALID_CREDENTIALS');
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed('1001'));
      unknown.push(await timed('8888'));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[2]!;
    // Before, an unknown number was refused in 1 ms and a known one in 40: both are hashed now.
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
  });

  it('refuses the guesses past what the PIN thread has waiting, instead of queueing them all', async () => {
    const replies = await Promise.all(Array.from({ length: 32 }, () => login(base, '1001', '000000')));
    const codes = replies.map((reply) => ErrorReply.parse(reply.body).error.code);
    expect(new Set(codes)).toEqual(new Set(['INVALID_CREDENTIALS', 'PIN_CHECK_BUSY']));
    const busy = replies.find((reply) => reply.body.error.code === 'PIN_CHECK_BUSY')!;
    expect(busy.status).toBe(429);
    // The right PIN is heard again once the flood is answered.
    expect((await login(base, '1001', '123456')).status).toBe(200);
  });
});

describe('rate limits', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall({ limits: { rates: true }, env: { HALL_CONNECTIONS_PER_ADDRESS: '12' } });
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  const ticketRows = () => {
    const db = new Database(hall.dbPath, { readonly: true });
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
    db.close();
    return n;
  };

  it('stops one machine taking hundreds of 绿色通道 tickets: a kiosk’s peak goes through, a flood is refused', async () => {
    const kiosk = deviceToken(hall, 'kiosk');
    const before = ticketRows();
    const replies: ApiReply[] = [];
    for (let i = 0; i < 60; i++) replies.push(await api(base, 'POST', '/api/tickets', { body: { category: 'G' }, token: kiosk }));
    // Another kiosk behind the same address keeps its own allowance.
    expect((await api(base, 'POST', '/api/tickets', { body: { category: 'G' }, token: demoDeviceToken(hall, 'kiosk-02') })).status).toBe(201);
    const issued = replies.filter((reply) => reply.status === 201).length;
    // 20 at once (a kiosk at the morning peak, and then one every 2 s), not 60.
    expect(issued).toBeGreaterThanOrEqual(19);
    expect(issued).toBeLessThanOrEqual(21);
    const refused = expectRefusal(replies.at(-1)!, 429, 'RATE_LIMITED');
    expect(refused.details).toEqual({ retryAfterSeconds: expect.any(Number) });
    expect(replies.at(-1)!.headers.get('retry-after')).toBe(String((refused.details as { retryAfterSeconds: number }).retryAfterSeconds));
    expect(ticketRows() - before).toBe(issued + 1);
  });

  it('refuses an anonymous flood from the same address before it costs anything', async () => {
    const before = ticketRows();
    const replies = await Promise.all(Array.from({ length: 200 }, () => api(base, 'POST', '/api/tickets', { body: { category: 'G' } })));
    // The address's own burst (the kiosk's tickets counted against the kiosk, not its address) is refused by the
    // access table (no credential); the rest is refused before the table is even looked at.
    const limited = replies.filter((reply) => reply.status === 429 && reply.body.error.code === 'RATE_LIMITED');
    const unauthorized = replies.filter((reply) => reply.status === 401 && reply.body.error.code === 'UNAUTHORIZED');
    expect(limited.length).toBeGreaterThanOrEqual(179);
    expect(limited.length + unauthorized.length).toBe(200);
    expect(ticketRows()).toBe(before);
  });

  it('limits socket.io handshakes per address', async () => {
    const results: number[] = [];
    for (let i = 0; i < 65; i++) results.push((await fetch(`${base}/socket.io/?EIO=4&transport=polling`)).status);
    expect(results.slice(0, 55)).toEqual(Array(55).fill(200));
    const refused = await fetch(`${base}/socket.io/?EIO=4&transport=polling`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: 4, message: 'RATE_LIMITED' });
  });

});

describe('the connection cap', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ limits: { connectionsPerAddress: true }, env: { HALL_CONNECTIONS_PER_ADDRESS: '12' } });
  });
  afterAll(() => hall.stop());

  it('caps the connections one address may hold open', async () => {
    const sockets: TcpSocket[] = [];
    const opened = (socket: TcpSocket) =>
      new Promise<'open' | 'closed'>((resolve) => {
        // The server closes a connection over the cap at once; one under it stays open, answering a request.
        socket.once('close', () => resolve('closed'));
        socket.once('data', () => resolve('open'));
        socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 14; i++) {
        const socket = tcpConnect({ host: '127.0.0.1', port: hall.server.port });
        sockets.push(socket);
        outcomes.push(await opened(socket));
      }
      expect(outcomes.slice(0, 12)).toEqual(Array(12).fill('open'));
      expect(outcomes.slice(12)).toEqual(['closed', 'closed']);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe('transport and headers', () => {
  let hall: TestHall;
  let base: string;
  const sockets: { close(): void }[] = [];
  beforeAll(async () => {
    hall = await startTestHall({ env: { HALL_ORIGINS: 'http://hall.example:8080' } });
    base = hall.server.url;
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => hall.stop());

  it('sends the security headers on pages and API replies alike', async () => {
    for (const path of ['/kiosk', '/api/health', '/api/nothing-here']) {
      const { headers } = await fetch(base + path);
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('x-frame-options'), path).toBe('DENY');
      expect(headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  const handshake = (origin: string | undefined) => {
    const socket = io(base, {
      auth: { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(origin === undefined ? {} : { extraHeaders: { origin } }),
    });
    sockets.push(socket);
    return new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(error.message));
    });
  };

  it('lets a websocket in from the hall’s own pages and devices, not from a page of another site', async () => {
    for (const origin of ['http://evil.example', 'null', base.replace('127.0.0.1', 'localhost')]) {
      const refused = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
      expect(refused.status, origin).toBe(403);
      expect(await refused.json(), origin).toEqual({ code: 4, message: 'FORBIDDEN' });
    }
    expect(await handshake('http://evil.example')).not.toBe('connected');
    expect(await handshake(base)).toBe('connected');
    expect(await handshake('http://hall.example:8080')).toBe('connected');
    // A device that is not a browser sends no Origin: its credential decides.
    expect(await handshake(undefined)).toBe('connected');
  });
});
