import { IdempotencyKey } from '@hall/shared';
import type { z } from 'zod';
import { DomainError } from '../domain';

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
 * A body with a new PIN: PIN_TOO_WEAK (with the rule's reason) when the PIN alone breaks the
 * shared rules for one, not a malformed body; the person chose it and should hear why.
 */
export function parseWithNewPin<S extends z.ZodType>(schema: S, body: unknown, field: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  const pin: unknown = (body as Record<string, unknown> | null)?.[field];
  if (typeof pin === 'string' && issues.every((issue) => issue.path[0] === field)) {
    throw new DomainError('PIN_TOO_WEAK', { reason: issues[0]?.message });
  }
  return parse(schema, body);
}

/** The optional Idempotency-Key header of a request that issues a ticket. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['idempotency-key'];
  return header === undefined ? undefined : parse(IdempotencyKey, header);
}
