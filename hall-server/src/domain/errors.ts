import type { ErrorCode } from '@hall/shared';

/** A command the queue rules refuse. The code is what the API answers. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
