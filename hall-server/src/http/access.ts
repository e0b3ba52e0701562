import type { SignedInStaff, StaffRole } from '@hall/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain';
import type { OfficeSessions, OfficeSignedIn } from '../services/office-sessions';

// Who may call what: every route of the office pages and the admin console, by method and route
// pattern, with the roles that may call it, checked once for all of them by the hook below. A
// route under /api/admin/ missing from the table is refused at start and, were it ever
// registered anyway, to everyone: forgetting to list a route can only lock it, never open it.

type OfficeRole = Extract<StaffRole, 'captain' | 'admin'>;

const MANAGERS: readonly OfficeRole[] = ['captain', 'admin'];
const ADMINS: readonly OfficeRole[] = ['admin'];

export const ACCESS: Readonly<Record<string, readonly OfficeRole[]>> = {
  // 整改 and the hall's figures (the office page).
  'GET /api/follow-ups': MANAGERS,
  'POST /api/follow-ups/:id/callback': MANAGERS,
  'POST /api/follow-ups/:id/fix': MANAGERS,
  'GET /api/reports/hall': MANAGERS,
  // A rating as recorded (办件编号, comment): the office's. The phone reads its own by secret (issue 15, H2).
  'GET /api/evaluations/:ticketId': MANAGERS,
  // The duty roster and the hall screen's notice: duty captains may set them too.
  'GET /api/duty/people': MANAGERS,
  'PUT /api/roster/:date': MANAGERS,
  'PUT /api/hall/notice': MANAGERS,
  // The hall's set-up and its record (the admin console): administrators only.
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
};

const ADMIN_PREFIX = '/api/admin/';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who signed in at the office pages, on a route of the access table (else null). */
    office: OfficeSignedIn | null;
  }
}

/** HEAD is answered by the GET route. */
const ruleFor = (method: string, url: string): readonly OfficeRole[] | undefined => ACCESS[`${method === 'HEAD' ? 'GET' : method} ${url}`];

/** The person signed in at the office pages, on a route of the access table. */
export function officeStaff(request: FastifyRequest): SignedInStaff {
  if (request.office === null) throw new DomainError('UNAUTHORIZED');
  return request.office.staff;
}

/**
 * Checks the access table on every request: no or a bad office token is 401 UNAUTHORIZED, a
 * role the route does not allow 403 FORBIDDEN. Register before the routes.
 */
export function enforceAccess(app: FastifyInstance, office: Pick<OfficeSessions, 'authenticate'>): void {
  app.decorateRequest('office', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (route.url.startsWith(ADMIN_PREFIX) && ruleFor(method, route.url) === undefined) {
        throw new Error(`${method} ${route.url} is not in the access table (hall-server/src/http/access.ts)`);
      }
    }
  });
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) return;
    const allowed = ruleFor(request.method, url);
    if (allowed === undefined) {
      if (url.startsWith(ADMIN_PREFIX)) throw new DomainError('FORBIDDEN');
      return;
    }
    const signedIn = office.authenticate(request.headers.authorization);
    if (!signedIn.staff.roles.some((role) => (allowed as readonly string[]).includes(role))) throw new DomainError('FORBIDDEN');
    request.office = signedIn;
  });
}
