import type { ErrorCode } from '@hall/shared';

/** A command the queue rules refuse. The code is what the API answers; the cause is only logged. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    cause?: unknown,
  ) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'DomainError';
  }
}
