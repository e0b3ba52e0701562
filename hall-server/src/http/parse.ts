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

/** The optional Idempotency-Key header of a request that issues a ticket. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['idempotency-key'];
  return header === undefined ? undefined : parse(IdempotencyKey, header);
}
