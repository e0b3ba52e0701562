import Database from 'better-sqlite3';
import * as shared from '@hall/shared';
import { ClientHello, ErrorCode, ErrorReply } from '@hall/shared';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// The fuzz test (issue 15): malformed, oversized and type-confused payloads, generated from the
// shared schemas, against every route, with the credentials that get them past the 401 to the
// validation: no crash, no 5xx, every refusal an ErrorReply with its code, nothing written.

type Caller = 'none' | 'kiosk' | 'pad' | 'staff' | 'admin';

interface Target {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The schema the route reads its body (or query) with; payloads it accepts are left out. */
  schema?: z.ZodType;
  query?: boolean;
  as: Caller;
}

const s = shared as unknown as Record<string, z.ZodType>;
const body = (method: Target['method'], path: string, schema: string, as: Caller): Target => ({ method, path, schema: s[schema]!, as });

const TARGETS: Target[] = [
  body('POST', '/api/tickets', 'IssueTicketBody', 'kiosk'),
  body('POST', '/api/tickets/reprint', 'ReprintBody', 'kiosk'),
  body('POST', '/api/auth/login', 'LoginBody', 'none'),
  body('POST', '/api/auth/pin', 'ChangePinBody', 'staff'),
  body('POST', '/api/office/login', 'OfficeLoginBody', 'none'),
  body('POST', '/api/appointments', 'BookAppointmentBody', 'staff'),
  body('POST', '/api/appointments/check-in', 'CheckInBody', 'kiosk'),
  body('POST', '/api/help-requests', 'HelpRequestBody', 'kiosk'),
  body('PUT', '/api/devices/kiosk-01/status', 'DeviceStatusBody', 'kiosk'),
  body('POST', '/api/evaluations', 'RateBody', 'pad'),
  body('POST', '/api/evaluations/held', 'HeldRatingBody', 'pad'),
  body('POST', '/api/evaluations/held/release', 'ReleaseHeldRatingBody', 'pad'),
  body('POST', '/api/windows/1/call', 'CallNumberBody', 'staff'),
  body('POST', '/api/windows/1/finish', 'FinishBody', 'staff'),
  body('POST', '/api/windows/1/transfer', 'TransferBody', 'staff'),
  body('POST', '/api/windows/1/reactivate', 'ReactivateBody', 'staff'),
  body('POST', '/api/windows/1/pause', 'PauseBody', 'staff'),
  body('POST', '/api/windows/1/undo-no-show', 'UndoNoShowBody', 'staff'),
  body('PUT', '/api/roster/2026-12-08', 'RosterBody', 'admin'),
  body('PUT', '/api/hall/notice', 'NoticeBody', 'admin'),
  body('POST', '/api/follow-ups/x/callback', 'FollowUpStepBody', 'admin'),
  body('PUT', '/api/admin/windows/1', 'AdminWindowBody', 'admin'),
  body('PUT', '/api/admin/categories/A', 'AdminCategoryBody', 'admin'),
  body('PUT', '/api/admin/staff/1001', 'AdminStaffBody', 'admin'),
  body('POST', '/api/admin/staff/1001/pin', 'PinResetBody', 'admin'),
  body('PUT', '/api/admin/settings', 'AdminSettingsBody', 'admin'),
  body('PUT', '/api/admin/devices/kiosk-01', 'AdminDeviceBody', 'admin'),
  body('POST', '/api/admin/devices', 'EnrolDeviceBody', 'admin'),
  body('PUT', '/api/admin/setup', 'HallSetupFile', 'admin'),
  { method: 'GET', path: '/api/admin/audit', schema: s.AuditQuery!, query: true, as: 'admin' },
  { method: 'GET', path: '/api/follow-ups', schema: s.FollowUpsQuery!, query: true, as: 'admin' },
  { method: 'GET', path: '/api/reports/hall', schema: s.ReportQuery!, query: true, as: 'admin' },
];

/** Routes whose path parameters are fuzzed: ids, numbers, dates and codes of every shape. */
const PATH_TARGETS: { method: Target['method']; path: (p: string) => string; as: Caller }[] = [
  { method: 'GET', path: (p) => `/api/tickets/${p}`, as: 'none' },
  { method: 'GET', path: (p) => `/api/windows/${p}`, as: 'staff' },
  { method: 'POST', path: (p) => `/api/windows/${p}/call-next`, as: 'staff' },
  { method: 'GET', path: (p) => `/api/roster/${p}`, as: 'none' },
  { method: 'GET', path: (p) => `/api/evaluations/${p}`, as: 'none' },
  { method: 'POST', path: (p) => `/api/help-requests/${p}/handled`, as: 'staff' },
  { method: 'DELETE', path: (p) => `/api/admin/windows/${p}`, as: 'admin' },
  { method: 'DELETE', path: (p) => `/api/admin/categories/${p}`, as: 'admin' },
  { method: 'DELETE', path: (p) => `/api/admin/devices/${p}`, as: 'admin' },
  { method: 'PUT', path: (p) => `/api/devices/${p}/status`, as: 'kiosk' },
];

/** The property names a schema's JSON Schema knows, at the top level. */
function fieldsOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

/** A value of the wrong type, shape or size for any field. */
const confused: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 500, maxLength: 5_000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, '', ' ', '\u0000', '\u202e', '123456', 'A001', -1, 0, 1e300, '2026-13-45', '../../etc/passwd', '<script>'),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 600 }),
);

/** Objects with the schema's own field names, some left out, each given a confused value, and now and then a field it does not know. */
function typeConfused(schema: z.ZodType): fc.Arbitrary<unknown> {
  const fields = fieldsOf(schema);
  const known = fields.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(fields.map((f) => [f, confused])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), confused, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a, __proto__x: 1 })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
}

type Raw = { kind: 'json'; value: unknown } | { kind: 'text'; text: string; contentType: string };

/** Bodies that are not JSON, not JSON objects, too large, or too deep. */
const malformed: fc.Arbitrary<Raw> = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text' as const, text, contentType: 'application/json' })),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '1e999', '{"__proto__":{"x":1}}', '\u0000').map((text) => ({ kind: 'text' as const, text, contentType: 'application/json' })),
  fc.integer({ min: 3_000, max: 20_000 }).map((depth) => ({ kind: 'text' as const, text: '['.repeat(depth) + ']'.repeat(depth), contentType: 'application/json' })),
  fc.constant({ kind: 'text' as const, text: JSON.stringify({ pad: 'x'.repeat(70_000) }), contentType: 'application/json' }),
  fc.string({ maxLength: 100 }).map((text) => ({ kind: 'text' as const, text, contentType: fc.sample(fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''), 1)[0]! })),
);

interface Shot {
  method: string;
  path: string;
  as: Caller;
  body?: Raw;
  authorization?: string;
}

function shotsFor(runs: number, seed: number): Shot[] {
  const shots: Shot[] = [];
  const perTarget = Math.ceil((runs * 0.75) / TARGETS.length);
  for (const target of TARGETS) {
    const payloads = fc.sample(typeConfused(target.schema!), { numRuns: perTarget * 3, seed: seed + shots.length });
    // Only what the schema refuses: a payload it accepts would be a legitimate request.
    const refused = payloads.filter((value) => !target.schema!.safeParse(value).success).slice(0, perTarget);
    for (const value of refused) {
      if (target.query) {
        const params = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { q: value };
        const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString();
        shots.push({ method: target.method, path: `${target.path}?${query}`, as: target.as });
      } else shots.push({ method: target.method, path: target.path, as: target.as, body: { kind: 'json', value } });
    }
    // A GET has no body to get wrong.
    if (target.method === 'GET') continue;
    for (const raw of fc.sample(malformed, { numRuns: 20, seed: seed + shots.length })) shots.push({ method: target.method, path: target.path, as: target.as, body: raw });
  }
  const segment = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('0', '-1', '99999999999999999999', '1.5', 'NaN', '%00', '%ZZ', '..', 'x'.repeat(300), '2026-02-30', 'A001'));
  for (const target of PATH_TARGETS) {
    for (const value of fc.sample(segment, { numRuns: Math.ceil((runs * 0.15) / PATH_TARGETS.length), seed: seed + shots.length })) {
      shots.push({ method: target.method, path: target.path(encodeURIComponent(value)), as: target.as, body: { kind: 'json', value: {} } });
    }
  }
  // Credentials of every wrong shape, on routes that need one.
  const authorization = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 80 }).map((t) => `Bearer ${t}`), fc.string({ maxLength: 80 }).map((t) => `Bearer hqd_${t}`));
  for (const value of fc.sample(authorization, { numRuns: Math.ceil(runs * 0.1), seed })) {
    const target = TARGETS[shots.length % TARGETS.length]!;
    shots.push({ method: target.method, path: target.path, as: 'none', authorization: value, body: { kind: 'json', value: {} } });
  }
  return shots;
}

describe('the fuzz test', () => {
  let hall: TestHall;
  let base: string;
  const tokens = {} as Record<Caller, string | undefined>;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    tokens.kiosk = deviceToken(hall, 'kiosk');
    tokens.pad = deviceToken(hall, 'pad', 1);
    tokens.staff = await login(base, '1001', 1);
    tokens.admin = await officeLogin(base, '9001');
    tokens.none = undefined;
  });
  afterAll(() => hall.stop());

  /** Rows in every table: the database before and after must be the same. */
  const rowCounts = () => {
    const db = new Database(hall.dbPath, { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    const counts = Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
    db.close();
    return counts;
  };

  it('answers 10,000 bad requests and socket handshakes with a refusal and its code, and writes nothing', async () => {
    const before = rowCounts();
    const shots = shotsFor(9_000, 15);
    expect(shots.length).toBeGreaterThanOrEqual(9_000);
    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < shots.length) {
        const shot = shots[next++]!;
        const headers: Record<string, string> = {};
        const token = tokens[shot.as];
        if (shot.authorization !== undefined) headers.authorization = shot.authorization;
        else if (token) headers.authorization = `Bearer ${token}`;
        let payload: string | undefined;
        if (shot.body?.kind === 'json') {
          payload = JSON.stringify(shot.body.value) ?? 'null';
          headers['content-type'] = 'application/json';
        } else if (shot.body?.kind === 'text') {
          payload = shot.body.text;
          if (shot.body.contentType) headers['content-type'] = shot.body.contentType;
        }
        const response = await fetch(base + shot.path, { method: shot.method, headers, ...(shot.method === 'GET' ? {} : { body: payload }) });
        const text = await response.text();
        const reply = ErrorReply.safeParse(text ? safeJson(text) : null);
        if (response.status < 400 || response.status >= 500 || !reply.success) {
          wrong.push(`${shot.method} ${shot.path.slice(0, 120)} as ${shot.as} ${JSON.stringify(shot.body)?.slice(0, 200)} -> ${response.status} ${text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(wrong.slice(0, 10)).toEqual([]);

    // socket.io: hellos of every wrong shape, over the handshake. (The client sends `auth` as an
    // object; anything else is a protocol error that only closes the connection.)
    const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
    const hellos = fc
      .sample(typeConfused(ClientHello), { numRuns: 3_000, seed: 15 })
      .filter((hello) => isObject(hello) && !ClientHello.safeParse(hello).success)
      .slice(0, 1_200);
    const outcomes: string[] = [];
    for (let i = 0; i < hellos.length; i += 50) outcomes.push(...(await Promise.all(hellos.slice(i, i + 50).map((hello) => handshake(base, hello)))));
    expect(outcomes.filter((outcome) => !ErrorCode.safeParse(outcome).success).slice(0, 5)).toEqual([]);
    expect(shots.length + hellos.length).toBeGreaterThanOrEqual(10_000);

    // The server is up, and nothing was written.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(rowCounts()).toEqual(before);
  }, 120_000);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The handshake's outcome: 'connected', or the refusal's message. */
function handshake(base: string, auth: unknown): Promise<string> {
  const socket = io(base, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
  return new Promise((resolve) => {
    socket.on('disconnect', (reason) => resolve(`disconnected: ${reason}`));
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
