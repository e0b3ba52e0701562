import { DEVICE_TOKEN_PREFIX, type EnrolledDevice, type ErrorCode, type SignedInStaff } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain';
import type { DeviceSightings } from '../devices/device-sightings';
import type { Hall } from '../runtime/hall';
import type { OfficeSessions } from '../services/office-sessions';
import type { StaffSessions } from '../services/staff-sessions';

// Who is calling (issue 15): resolved once per request from `Authorization: Bearer <token>`,
// before any route runs. A device's credential starts with `hqd_`; any other token is a window
// session's (a console) or an office session's (the duty captain's and administrators' pages).
// A bad or ended credential leaves the caller anonymous, with the refusal a route that needs a
// credential answers (`refused`); a route open to anyone serves them as anyone.

export type Principal =
  | { kind: 'anonymous'; refused: Extract<ErrorCode, 'UNAUTHORIZED' | 'DEVICE_REVOKED'> | null }
  | { kind: 'device'; device: EnrolledDevice }
  | { kind: 'staff'; staffNo: string; windowNo: number; tokenHash: string }
  | { kind: 'office'; staff: SignedInStaff; tokenHash: string };

export const ANONYMOUS: Principal = { kind: 'anonymous', refused: null };

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the request's credential (see http/principal.ts). */
    principal: Principal;
  }
}

export interface PrincipalSources {
  hall: Pick<Hall, 'deviceByToken'>;
  sessions: Pick<StaffSessions, 'authenticate'>;
  office: Pick<OfficeSessions, 'authenticate'>;
}

const refusalOf = (error: unknown): Extract<ErrorCode, 'UNAUTHORIZED' | 'DEVICE_REVOKED'> | null =>
  error instanceof DomainError && (error.code === 'UNAUTHORIZED' || error.code === 'DEVICE_REVOKED') ? error.code : null;

/**
 * The caller an `Authorization` header names; the socket handshake's `auth.token` is resolved the
 * same way. `touch`: the call counts as the session being used (a socket's re-check does not).
 */
export function resolvePrincipal(authorization: string | undefined, from: PrincipalSources, touch = true): Principal {
  if (authorization === undefined || authorization === '') return ANONYMOUS;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token) return { kind: 'anonymous', refused: 'UNAUTHORIZED' };
  const attempt = (resolve: () => Principal): Principal | Extract<ErrorCode, 'UNAUTHORIZED' | 'DEVICE_REVOKED'> => {
    try {
      return resolve();
    } catch (error) {
      const refused = refusalOf(error);
      if (refused === null) throw error;
      return refused;
    }
  };
  if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
    const device = attempt(() => ({ kind: 'device', device: from.hall.deviceByToken(token) }));
    return typeof device === 'string' ? { kind: 'anonymous', refused: device } : device;
  }
  const staff = attempt(() => ({ kind: 'staff', ...from.sessions.authenticate(authorization, undefined, touch) }));
  if (typeof staff !== 'string') return staff;
  const office = attempt(() => ({ kind: 'office', ...from.office.authenticate(authorization, touch) }));
  return typeof office === 'string' ? { kind: 'anonymous', refused: 'UNAUTHORIZED' } : office;
}

/** The device calling, or the refusal for anyone else (a route only devices call). */
export function callingDevice(principal: Principal): EnrolledDevice {
  if (principal.kind === 'device') return principal.device;
  throw new DomainError(principal.kind === 'anonymous' && principal.refused !== null ? principal.refused : 'UNAUTHORIZED');
}

/** Resolves every request's caller before its route; a device's request counts as it being seen. */
export function resolvePrincipals(app: FastifyInstance, from: PrincipalSources, sightings: DeviceSightings): void {
  // Set for every request by the hook below, before any route or other hook reads it.
  app.decorateRequest('principal', null as never);
  app.addHook('onRequest', async (request) => {
    request.principal = resolvePrincipal(request.headers.authorization, from);
    if (request.principal.kind === 'device') sightings.spoke(request.principal.device.id, request.principal.device.kind);
  });
}
