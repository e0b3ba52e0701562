import { apiFailure } from '../client/api-failure';

/** The text to show for a failed request: the server's own (Chinese) message when it gave one. */
export function problemText(error: unknown, t: (key: 'client.NETWORK_ERROR' | 'client.BAD_REPLY') => string): string {
  const failure = apiFailure(error);
  if (failure.kind === 'answered') return failure.message;
  return t(failure.kind === 'unreachable' ? 'client.NETWORK_ERROR' : 'client.BAD_REPLY');
}
