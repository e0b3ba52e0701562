import { describe, expect, it } from 'vitest';
import { ApiError, apiFailure } from '@hall/shared';

describe('apiFailure: how every page reads a failed request', () => {
  it('a refusal in the server’s words is answered, refused and not worth asking again', () => {
    const failure = apiFailure(new ApiError('TICKET_NOT_FOUND', 404, '没有这个号'));
    expect(failure).toEqual({ kind: 'answered', code: 'TICKET_NOT_FOUND', status: 404, message: '没有这个号', refused: true, retryable: false });
  });

  it('a server fault in its words is answered but worth asking again, not a refusal', () => {
    const failure = apiFailure(new ApiError('INTERNAL_ERROR', 500, '服务器内部错误'));
    expect(failure).toMatchObject({ kind: 'answered', message: '服务器内部错误', refused: false, retryable: true });
  });

  it('no reply at all is unreachable and worth asking again', () => {
    expect(apiFailure(new ApiError('NETWORK_ERROR', 0, 'fetch failed'))).toMatchObject({ kind: 'unreachable', refused: false, retryable: true });
  });

  it('a reply the page cannot read is unreadable; asked again only when the server failed', () => {
    expect(apiFailure(new ApiError('BAD_REPLY', 200, 'schema'))).toMatchObject({ kind: 'unreadable', status: 200, refused: false, retryable: false });
    expect(apiFailure(new ApiError('BAD_REPLY', 502, '<html>'))).toMatchObject({ kind: 'unreadable', refused: false, retryable: true });
  });

  it('anything not from the API client is the page’s own fault: unreadable, not asked again', () => {
    expect(apiFailure(new TypeError('x is undefined'))).toMatchObject({ kind: 'unreadable', code: 'BAD_REPLY', status: 0, retryable: false });
  });
});
