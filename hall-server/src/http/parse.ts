import { IdempotencyKey } from '@hall/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { PinAttempt } from '../services/staff-sessions';
import { DomainError } from '../domain';
import type { Principal } from './principal';

/** Parses request input with a shared schema; a mismatch is a 400 that says which fields. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('VALIDATION_FAILED', {
      issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return result.data;
}

/**
 * Parses a body carrying a new PIN in `field` (one's own change, an administrator's reset): a PIN
 * that alone breaks the shared rules for one (NewPin) is PIN_TOO_WEAK, anything else as `parse`.
 */
export function parseNewPinBody<S extends z.ZodType>(schema: S, input: unknown, field: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const pin: unknown = (input as Record<string, unknown> | null)?.[field];
  const { issues } = result.error;
  if (typeof pin === 'string' && issues.every((issue) => issue.path[0] === field)) {
    throw new DomainError('PIN_TOO_WEAK', { reason: issues[0]?.message });
  }
  return parse(schema, input);
}

/**
 * The optional Idempotency-Key header of a request that issues a ticket, kept apart per caller:
 * a replay answers with the ticket and its visitor's secret, so only the kiosk (or person) that
 * asked first may replay it; the same key from anyone else is a key of their own.
 */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = parse(IdempotencyKey, header);
  return `${callerOf(request.principal)}|${key}`;
}

function callerOf(principal: Principal): string {
  switch (principal.kind) {
    case 'device':
      return `device:${principal.device.id}`;
    case 'staff':
      return `staff:${principal.staffNo}`;
    case 'office':
      return `office:${principal.staff.staffNo}`;
    case 'anonymous':
      return 'anyone';
  }
}

/** Where a request tries a PIN: the client's address and the route, for the PIN lock and its log. */
export function pinAttempt(request: FastifyRequest): PinAttempt {
  return { address: request.ip, route: `${request.method} ${request.routeOptions.url ?? request.url}` };
}
