import type { ErrorCode } from '../schemas/errors';
import { ApiError, type ClientErrorCode } from './api-client';

// What every page asks of a failed request: did the server answer in its own words, is it
// worth asking again? One answer for all of them, so no page draws the lines its own way.

export interface ApiFailure {
  /**
   * answered: the server replied with an error code and its own words (`message`);
   * unreachable: no reply at all (the network, or the server is down);
   * unreadable: a reply this page cannot read (another version's, a proxy's page), or no
   * ApiError at all (a fault in the page itself).
   */
  kind: 'answered' | 'unreachable' | 'unreadable';
  code: ErrorCode | ClientErrorCode;
  /** The reply's HTTP status; 0 without one. */
  status: number;
  message: string;
  /** The server said no for a reason asking again will not change (an answer below 500). */
  refused: boolean;
  /** Worth asking again as it is: no reply, or the server failed (500 and up). */
  retryable: boolean;
}

export function apiFailure(error: unknown): ApiFailure {
  if (!(error instanceof ApiError)) {
    return { kind: 'unreadable', code: 'BAD_REPLY', status: 0, message: String(error), refused: false, retryable: false };
  }
  const kind = error.code === 'NETWORK_ERROR' ? 'unreachable' : error.code === 'BAD_REPLY' ? 'unreadable' : 'answered';
  return {
    kind,
    code: error.code,
    status: error.status,
    message: error.message,
    refused: kind === 'answered' && error.status < 500,
    retryable: kind === 'unreachable' || error.status >= 500,
  };
}
