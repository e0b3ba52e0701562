import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { devicePagePath, TOKEN_FRAGMENT_PARAM, type ClientHello, type DeviceKind, type ServerToClientEvents, type ClientToServerEvents } from '@hall/shared';
import { ServerEnv } from '../../src/config';
import { startHallServer, type RunningHallServer } from '../../src/server';
import type { Clock } from '../../src/runtime/hall-runtime';
import type { ClockSources } from '../../src/runtime/hall-clock';
import type { AbuseLimits } from '../../src/http/limits';

// A real hall server on an ephemeral loopback port with its own SQLite file.

/**
 * A clock that stands at `start` now and runs on with real time: the hall at a chosen moment
 * (in opening hours, whatever the time of the run), its timers and pages moving as they do.
 */
export function clockFrom(start: number): Clock {
  const realStart = Date.now();
  return { now: () => start + (Date.now() - realStart) };
}

export interface TestHall {
  server: RunningHallServer;
  dir: string;
  dbPath: string;
  restart(): Promise<void>;
  /** Stops the server, for tests of what clients do meanwhile; `up` brings it back. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Tests of other things make far more requests from one address than a kiosk would: the rate
 * limits and the per-address connection cap are off unless a test turns them on. The PIN lock
 * is on, as in a hall.
 */
const TEST_LIMITS: Partial<AbuseLimits> = { rates: false, connectionsPerAddress: false };

export async function startTestHall(
  options: { clock?: Clock; clockSources?: ClockSources; env?: Partial<Record<string, string>>; logger?: Logger; limits?: Partial<AbuseLimits> } = {},
): Promise<TestHall> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-test-'));
  const dbPath = join(dir, 'hall.db');
  let env = ServerEnv.parse({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DB: dbPath, ...options.env });
  const logger = options.logger ?? pino({ level: 'silent' });
  const limits = { ...TEST_LIMITS, ...options.limits };
  const clocks = { ...(options.clock ? { clock: options.clock } : {}), ...(options.clockSources ? { clockSources: options.clockSources } : {}) };
  const start = () => startHallServer(env, { logger, limits, ...clocks });
  const hall: TestHall = {
    server: await start(),
    dir,
    dbPath,
    async restart() {
      await hall.server.close();
      hall.server = await start();
    },
    async down() {
      await hall.server.close();
    },
    async up() {
      hall.server = await start();
    },
    async stop() {
      await hall.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Come back on the same port, as a real hall server does, so clients find it again.
  env = { ...env, HALL_PORT: hall.server.port };
  return hall;
}

export interface ApiReply {
  status: number;
  body: any;
  headers: Headers;
}

/**
 * fetch, once more when the request went out on a pooled keep-alive connection to a server
 * instance the test has just restarted: that instance closed it, the new one never saw it.
 */
async function fetchFresh(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

export async function api(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetchFresh(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function login(base: string, staffNo: string, windowNo: number): Promise<string> {
  const reply = await api(base, 'POST', '/api/auth/login', { body: { staffNo, pin: '123456', windowNo } });
  if (reply.status !== 200) throw new Error(`login failed: ${JSON.stringify(reply.body)}`);
  return reply.body.token as string;
}

/** Signs in at the office pages (a duty captain or administrator) and answers the bearer token. */
export async function officeLogin(base: string, staffNo: string, pin = '123456'): Promise<string> {
  const reply = await api(base, 'POST', '/api/office/login', { body: { staffNo, pin } });
  if (reply.status !== 200) throw new Error(`office login failed: ${JSON.stringify(reply.body)}`);
  return reply.body.token as string;
}

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that records every event it receives, in order. */
export function connect(base: string, hello: ClientHello) {
  const socket: HallSocket = io(base, { auth: hello, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 });
  const received: { event: string; payload: any }[] = [];
  socket.onAny((event, payload) => received.push({ event, payload }));
  const waitFor = (event: string, predicate: (payload: any) => boolean = () => true, timeoutMs = 5000) =>
    new Promise<any>((resolve, reject) => {
      const found = received.find((r) => r.event === event && predicate(r.payload));
      if (found) return resolve(found.payload);
      const timer = setTimeout(() => {
        socket.offAny(listener);
        reject(new Error(`no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (name: string, payload: unknown) => {
        if (name === event && predicate(payload)) {
          clearTimeout(timer);
          socket.offAny(listener);
          resolve(payload);
        }
      };
      socket.onAny(listener);
    });
  /** Resolves when the server closes the socket (its credential ended), or its reconnection is refused: the reason or refusal code. */
  const closedByServer = (timeoutMs = 5000) =>
    new Promise<string>((resolve, reject) => {
      if (!socket.connected && !socket.active) return resolve('closed');
      const timer = setTimeout(() => reject(new Error(`still open after ${timeoutMs} ms`)), timeoutMs);
      socket.once('disconnect', (reason) => {
        if (reason !== 'io server disconnect') return;
        clearTimeout(timer);
        resolve(reason);
      });
    });
  /** Resolves with the code of the server's refusal of the handshake. */
  const refused = (timeoutMs = 5000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not refused within ${timeoutMs} ms`)), timeoutMs);
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        resolve((error as Error & { data?: { code?: string } }).data?.code ?? error.message);
      });
    });
  return { socket, received, waitFor, closedByServer, refused };
}

/**
 * A device credential for tests: the demo hall's own demo device of that kind (and window), as
 * its start banner prints it; for a hall set up without them, one enrolled by its first
 * administrator. Answers the bearer token.
 */
export function deviceToken(hall: Pick<TestHall, 'server'>, kind: DeviceKind, windowNo?: number): string {
  const demo = hall.server.demoDevices.find((d) => d.device.kind === kind && (windowNo === undefined || d.device.windowNo === windowNo));
  if (demo) return tokenOf(demo.link);
  const admin = hall.server.hall.setupFile().staff.find((s) => s.active && s.roles.includes('admin'));
  if (!admin) throw new Error('the test hall has no administrator to enrol a device');
  const name = windowNo === undefined ? `测试${kind}` : `测试${kind}-${windowNo}`;
  return hall.server.hall.enrolDevice(admin.staffNo, windowNo === undefined ? { kind, name } : { kind, windowNo, name }).token;
}

/** The demo hall's own credential of one demo device, by its id (kiosk-02, pad-05, hall-screen-1…). */
export function demoDeviceToken(hall: Pick<TestHall, 'server'>, deviceId: string): string {
  const demo = hall.server.demoDevices.find((d) => d.device.id === deviceId);
  if (!demo) throw new Error(`no demo device ${deviceId}`);
  return tokenOf(demo.link);
}

const tokenOf = (link: string) => new URL(link).hash.slice(`#${TOKEN_FRAGMENT_PARAM}=`.length);

/**
 * A device page's ready-to-open address (issue 15, H4), as the banner prints it: the demo
 * device by its id (kiosk-01, pad-03…), or one of a kind (and window); `query` such as
 * `?lang=en` goes before the credential's fragment.
 */
export function devicePageUrl(hall: TestHall, device: string | { kind: DeviceKind; windowNo?: number }, query = ''): string {
  return hall.server.url + devicePageAddress(hall, device, query);
}

/** The same, from the server's root: `/pad/3#token=…`. */
export function devicePageAddress(hall: TestHall, device: string | { kind: DeviceKind; windowNo?: number }, query = ''): string {
  const token = typeof device === 'string' ? demoDeviceToken(hall, device) : deviceToken(hall, device.kind, device.windowNo);
  return `${devicePagePath(hall.server.hall.deviceByToken(token))}${query}#${TOKEN_FRAGMENT_PARAM}=${token}`;
}
