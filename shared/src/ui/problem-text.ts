import { ApiError } from '../client/api-client';

/** The text to show for a failed request: the server's own (Chinese) message when it gave one. */
export function problemText(error: unknown, t: (key: 'client.NETWORK_ERROR' | 'client.BAD_REPLY') => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return t('client.NETWORK_ERROR');
    if (error.code === 'BAD_REPLY') return t('client.BAD_REPLY');
    return error.message;
  }
  return t('client.BAD_REPLY');
}
