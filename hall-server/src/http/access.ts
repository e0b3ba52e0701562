import type { ClientKind, DeviceKind, SignedInStaff } from '@hall/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain';
import { pages, webApps } from '../web/pages';
import { DOCS_PAGE_ROUTES, OPENAPI_ROUTE } from './route-docs';
import type { OfficeSignedIn } from '../services/office-sessions';
import type { Principal } from './principal';

// Who may do what (issue 15): every route, by method and route pattern, and every kind of socket
// client, with the callers allowed. One hook checks every request against it (below), the socket
// handshake checks its client kind (realtime/socket-access.ts), and the authorization test is
// generated from it. A route missing from the table refuses to start: forgetting to list a route
// can only lock the server, never open a route.

/**
 * Who calls: `anyone` (a passer-by may, with or without a credential), `visitor` (no credential
 * at all: the visitor's phone, which proves itself by what it sends), a device of a kind (its
 * credential), `staff` (a window session, at its window), `captain` and `admin` (office sessions,
 * by the person's roles).
 */
export type Caller = 'anyone' | 'visitor' | DeviceKind | 'staff' | 'captain' | 'admin';

export interface Rule {
  who: readonly Caller[];
  /**
   * `window`: the route's `:no` must be the caller's own window (a window session's, a pad's or a
   * window screen's; office sessions have none and are not held to it). `device`: the route's
   * `:deviceId` must be the calling device's own id.
   */
  own?: 'window' | 'device';
}

const ANYONE: Rule = { who: ['anyone'] };
/** Every principal of the hall: its devices, its staff at windows and at the office. */
const HALL: Rule = { who: ['kiosk', 'pad', 'hall-screen', 'window-screen', 'staff', 'captain', 'admin'] };
const DEVICES: Rule = { who: ['kiosk', 'pad', 'hall-screen', 'window-screen'] };
const KIOSK: Rule = { who: ['kiosk'] };
const PAD: Rule = { who: ['pad'] };
const STAFF: Rule = { who: ['staff'] };
const OWN_WINDOW: Rule = { who: ['staff'], own: 'window' };
const MANAGERS: Rule = { who: ['captain', 'admin'] };
const ADMINS: Rule = { who: ['admin'] };

/** The window console's actions (routes/windows.ts), each `POST /api/windows/:no/<action>`. */
const WINDOW_ACTIONS = ['call-next', 'call', 'recall', 'no-show', 'finish', 'transfer', 'reactivate', 'pause', 'resume', 'extend-service', 'request-evaluation', 'undo-no-show'] as const;

export const ACCESS: Readonly<Record<string, Rule>> = {
  // What the public screens show anyway: every page's line check, the categories on the kiosk, the windows board, the day's 值班长 and 导服员.
  'GET /api/health': ANYONE,
  'GET /api/categories': ANYONE,
  'GET /api/windows': ANYONE,
  'GET /api/roster/:date': ANYONE,
  // The phone page: the visitor's secret in the ticket's QR code is the proof of holding it (its ticket, its rating).
  'GET /api/tickets/:secret': ANYONE,
  'GET /api/tickets/:secret/evaluation': ANYONE,
  // Sign-ins: the staff number and PIN are the credential.
  'POST /api/auth/login': ANYONE,
  'POST /api/office/login': ANYONE,
  // 取号: kiosks, and staff at a window for a walk-in they take in themselves.
  'POST /api/tickets': { who: ['kiosk', 'staff'] },
  // 补打 at a kiosk: the kiosk's credential, and the staff member's PIN in the body; the body's device must be the kiosk's own.
  'POST /api/tickets/reprint': KIOSK,
  // 预约签到 at a kiosk; bookings taken by phone are entered by staff at a window.
  'POST /api/appointments/check-in': KIOSK,
  'POST /api/appointments': STAFF,
  // 呼叫导服员 from a kiosk (the body's device must be the kiosk's own); guides at a window or the duty captain and administrators mark it handled.
  'POST /api/help-requests': KIOSK,
  'POST /api/help-requests/:id/handled': { who: ['staff', 'captain', 'admin'] },
  // Open help requests and device faults name the hall's machines and staff: the hall's own, not a passer-by.
  'GET /api/help-requests': HALL,
  'GET /api/devices/faults': HALL,
  // A kiosk's printer fault comes from that kiosk only.
  'PUT /api/devices/:deviceId/status': { who: ['kiosk'], own: 'device' },
  // Pairing: a new device (no credential yet) asks for a code and then, by its secret pairing id, whether an administrator approved it.
  'POST /api/pairings': ANYONE,
  'GET /api/pairings/:pairingId': ANYONE,
  // A device asks who its credential says it is (a revoked one hears DEVICE_REVOKED).
  'GET /api/devices/self': DEVICES,
  // 好差评: the window's pad, or the visitor's phone with the ticket's secret (the route checks the secret and the window); never staff, office or another device.
  'POST /api/evaluations': { who: ['pad', 'visitor'] },
  'POST /api/evaluations/held': PAD,
  'POST /api/evaluations/held/release': PAD,
  // A rating as recorded (staff, 办件编号, the visitor's comment): the office's.
  'GET /api/evaluations/:ticketId': MANAGERS,
  // 好差评 handed on (issue 16): the span's ratings for the province, staff numbers and 办件编号 in them: the office's.
  'GET /api/evaluations/export': MANAGERS,
  // 好差评 published (issue 16): the month's results per window, as the rules ask them made public; no visitor's data in it.
  'GET /api/public/ratings': ANYONE,
  // The window console: its own session, its own window's queue (transfer notes) and actions.
  'GET /api/auth/session': STAFF,
  'POST /api/auth/logout': STAFF,
  'GET /api/windows/:no': OWN_WINDOW,
  ...Object.fromEntries(WINDOW_ACTIONS.map((action) => [`POST /api/windows/:no/${action}`, OWN_WINDOW])),
  // A person's own PIN, from the console or the office pages.
  'POST /api/auth/pin': { who: ['staff', 'captain', 'admin'] },
  // The office pages' own session.
  'GET /api/office/session': MANAGERS,
  'POST /api/office/logout': MANAGERS,
  // 整改 and the hall's figures (the office page).
  'GET /api/follow-ups': MANAGERS,
  'POST /api/follow-ups/:id/callback': MANAGERS,
  'POST /api/follow-ups/:id/fix': MANAGERS,
  'GET /api/reports/hall': MANAGERS,
  // The office's span reports and the monthly window report (issue 16, reports engine).
  'GET /api/reports/summary': MANAGERS,
  'GET /api/reports/monthly': MANAGERS,
  // The monthly report's files (issue 16, H4): the office's, as the report is.
  'GET /api/reports/monthly.xlsx': MANAGERS,
  'GET /api/reports/monthly.csv': MANAGERS,
  // The office's live view of the hall (issue 16, H3).
  'GET /api/office/live': MANAGERS,
  // The duty roster and the hall screen's notice: duty captains may set them too.
  'GET /api/duty/people': MANAGERS,
  'PUT /api/roster/:date': MANAGERS,
  'PUT /api/hall/notice': MANAGERS,
  // 领导值班 and 上门服务 (issue 16, H2): recorded and followed by duty captains and administrators.
  'POST /api/leader-duty': MANAGERS,
  'GET /api/leader-duty': MANAGERS,
  'POST /api/onsite-services': MANAGERS,
  'PATCH /api/onsite-services/:id': MANAGERS,
  'GET /api/onsite-services': MANAGERS,
  // The hall's set-up, its devices and its record (the admin console): administrators only.
  'GET /api/admin/setup': ADMINS,
  'PUT /api/admin/setup': ADMINS,
  'PUT /api/admin/windows/:no': ADMINS,
  'DELETE /api/admin/windows/:no': ADMINS,
  'PUT /api/admin/categories/:code': ADMINS,
  'DELETE /api/admin/categories/:code': ADMINS,
  'POST /api/admin/items/import': ADMINS,
  'PUT /api/admin/staff/:staffNo': ADMINS,
  'POST /api/admin/staff/:staffNo/pin': ADMINS,
  'PUT /api/admin/settings': ADMINS,
  'GET /api/admin/devices': ADMINS,
  'POST /api/admin/devices': ADMINS,
  'PUT /api/admin/devices/:deviceId': ADMINS,
  'DELETE /api/admin/devices/:deviceId': ADMINS,
  'GET /api/admin/audit': ADMINS,
  'GET /api/admin/audit.csv': ADMINS,
  // Pairing new devices (issue 15, H4): the pending requests and approving one's code.
  'GET /api/admin/pairings': ADMINS,
  'POST /api/admin/pairings': ADMINS,
  // Backups (issue 17, H1): the backup folder's list and a backup made now.
  'GET /api/admin/backups': ADMINS,
  'POST /api/admin/backups': ADMINS,
  // The API's OpenAPI document (issue 16, H6): what the API is, not what the hall holds.
  [`GET ${OPENAPI_ROUTE}`]: ANYONE,
  // The pages, their assets, voice clips and service worker: shells anyone may load; what they show comes over the API and sockets above.
  ...Object.fromEntries(pages.map((page) => [`GET ${page.route}`, ANYONE])),
  ...Object.fromEntries(webApps.map((app) => [`GET /ui/${app}/*`, ANYONE])),
  'GET /audio/*': ANYONE,
  'GET /sw.js': ANYONE,
  // The API's docs page (issue 16, H6), its scripts and styles, and the document it reads.
  ...Object.fromEntries(DOCS_PAGE_ROUTES.map((route) => [`GET ${route}`, ANYONE])),
};

/**
 * Who may open a socket as each kind of client. A pad's, window screen's and console's window is
 * the credential's (a hello naming another is refused); the rooms each joins are the hub's
 * (realtime/socket-access.ts): a window's evaluations to its pad and console only, the office's
 * to office sessions, the hall's (faults, help requests, queues) to the hall's principals.
 */
export const SOCKET_ACCESS: Readonly<Record<ClientKind, Rule>> = {
  // The visitor's phone sees only what a passer-by sees on the screens (and its own ticket, by its secret: H2).
  phone: ANYONE,
  kiosk: KIOSK,
  pad: PAD,
  'hall-screen': { who: ['hall-screen'] },
  'window-screen': { who: ['window-screen'] },
  console: STAFF,
  admin: MANAGERS,
};

/** What a principal is to the table: its callers, and the window it is bound to. */
function callerOf(principal: Principal): { callers: readonly Caller[]; windowNo: number | null; deviceId: string | null } {
  switch (principal.kind) {
    case 'anonymous':
      return { callers: principal.refused === null ? ['visitor'] : [], windowNo: null, deviceId: null };
    case 'device':
      return { callers: [principal.device.kind], windowNo: principal.device.windowNo, deviceId: principal.device.id };
    case 'staff':
      return { callers: ['staff'], windowNo: principal.windowNo, deviceId: null };
    case 'office':
      return { callers: principal.staff.roles.filter((role): role is 'captain' | 'admin' => role === 'captain' || role === 'admin'), windowNo: null, deviceId: null };
  }
}

/**
 * Throws the refusal of a rule for a principal: 401 (no credential, or a bad or ended one:
 * UNAUTHORIZED, DEVICE_REVOKED), 403 FORBIDDEN for a principal the rule does not name, 403
 * WRONG_WINDOW for another window's. `params` are the route's (`:no`, `:deviceId`).
 */
export function checkRule(rule: Rule, principal: Principal, params: { no?: unknown; deviceId?: unknown } = {}): void {
  if (rule.who.includes('anyone')) return;
  if (principal.kind === 'anonymous' && principal.refused !== null) throw new DomainError(principal.refused);
  const { callers, windowNo, deviceId } = callerOf(principal);
  if (!callers.some((caller) => rule.who.includes(caller))) throw new DomainError(principal.kind === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
  if (rule.own === 'window' && windowNo !== null && String(params.no) !== String(windowNo)) throw new DomainError('WRONG_WINDOW', { windowNo });
  if (rule.own === 'device' && deviceId !== params.deviceId) throw new DomainError('FORBIDDEN');
}

/** HEAD is answered by the GET route. */
export const ruleFor = (method: string, url: string): Rule | undefined => ACCESS[`${method === 'HEAD' ? 'GET' : method} ${url}`];

/** The office session calling, on a route only office sessions reach. */
export function officeSession(request: FastifyRequest): OfficeSignedIn {
  if (request.principal.kind !== 'office') throw new DomainError('UNAUTHORIZED');
  return request.principal;
}

/** The person signed in at the office pages, on a route only office sessions reach. */
export const officeStaff = (request: FastifyRequest): SignedInStaff => officeSession(request).staff;

/** The window session calling, on a route only window sessions reach. */
export function windowStaff(request: FastifyRequest): { staffNo: string; windowNo: number; tokenHash: string } {
  if (request.principal.kind !== 'staff') throw new DomainError('UNAUTHORIZED');
  return request.principal;
}

/** The person calling from a window or the office pages: their staff number and the session. */
export function signedInPerson(request: FastifyRequest): { staffNo: string; tokenHash: string; windowNo: number | null } {
  const { principal } = request;
  if (principal.kind === 'staff') return principal;
  if (principal.kind === 'office') return { staffNo: principal.staff.staffNo, tokenHash: principal.tokenHash, windowNo: null };
  throw new DomainError('UNAUTHORIZED');
}

/**
 * Checks the access table on every request, after the principal is resolved (http/principal.ts).
 * Register before the routes: a route the table does not list refuses to start.
 */
export function enforceAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (ruleFor(method, route.url) === undefined) throw new Error(`${method} ${route.url} is not in the access table (hall-server/src/http/access.ts)`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    // No route: the not-found handler answers.
    if (url === undefined) return;
    const rule = ruleFor(request.method, url);
    if (rule === undefined) throw new DomainError('FORBIDDEN');
    checkRule(rule, request.principal, request.params as { no?: unknown; deviceId?: unknown });
  });
}
