import { ErrorReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, login, startTestHall, type ApiReply, type TestHall, deviceToken, demoDeviceToken } from '../support/hall-server';

function expectError(reply: ApiReply, status: number, code: string) {
  expect(reply.status).toBe(status);
  const { error } = ErrorReply.parse(reply.body);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

describe('bad input gets a clear error with a code, never a 500', () => {
  let hall: TestHall;
  let base: string;
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('answers in Chinese by default and in English when asked', async () => {
    const zh = expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'Z' } }), 404, 'CATEGORY_NOT_FOUND');
    expect(zh.message).toBe('没有这个业务类别');
    const en = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'Z' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.error.message).toBe('No such service category');
  });

  it('refuses malformed tickets requests', async () => {
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), rawBody: '{"category":', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), rawBody: 'category=A', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const missing = expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: {} }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(missing.details)).toContain('category');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'a' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A', vip: true } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: ['A'] }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' }, headers: { 'idempotency-key': 'x' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), rawBody: JSON.stringify({ category: 'A', pad: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    // Headers node cannot take (over 16 KB) are still answered in the hall's format, with a code.
    expectError(await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' }, headers: { 'x-filler': 'x'.repeat(20_000) } }), 431, 'PAYLOAD_TOO_LARGE');
    // None of that consumed a number.
    expect((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body.ticket.number).toBe('A001');
  });

  it('refuses unknown tickets, windows and routes', async () => {
    expectError(await api(base, 'GET', '/api/tickets/no-such-ticket'), 404, 'TICKET_NOT_FOUND');
    expectError(await api(base, 'GET', '/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    // A window's actions are its own session's: without one, whatever the window.
    expectError(await api(base, 'POST', '/api/windows/99/call-next'), 401, 'UNAUTHORIZED');
    expectError(await api(base, 'POST', '/api/windows/abc/call-next'), 401, 'UNAUTHORIZED');
  });

  it('refuses wrong credentials and wrong tokens', async () => {
    expectError(await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1001', pin: '000000', windowNo: 1 } }), 401, 'INVALID_CREDENTIALS');
    expectError(await api(base, 'POST', '/api/auth/login', { body: { staffNo: '7777', pin: '123456', windowNo: 1 } }), 401, 'INVALID_CREDENTIALS');
    expectError(await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1001', pin: '123456', windowNo: 9 } }), 403, 'STAFF_NOT_AUTHORISED_FOR_WINDOW');
    expectError(await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1001', pin: '123456', windowNo: 77 } }), 404, 'WINDOW_NOT_FOUND');
    expectError(await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1001' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/windows/1/call-next'), 401, 'UNAUTHORIZED');
    expectError(await api(base, 'POST', '/api/windows/1/call-next', { token: 'forged-token' }), 401, 'UNAUTHORIZED');
    const atFour = await login(base, '1004', 4);
    expectError(await api(base, 'POST', '/api/windows/3/call-next', { token: atFour }), 403, 'WRONG_WINDOW');
    expectError(await api(base, 'POST', '/api/auth/logout', { token: 'forged-token' }), 401, 'UNAUTHORIZED');
  });

  it('refuses actions that make no sense in the window state', async () => {
    const token = await login(base, '1017', 17);
    expectError(await api(base, 'POST', '/api/windows/17/finish', { token }), 409, 'NO_CURRENT_TICKET');
    expectError(await api(base, 'POST', '/api/windows/17/recall', { token }), 409, 'NO_CURRENT_TICKET');
    expectError(await api(base, 'POST', '/api/windows/17/no-show', { token }), 409, 'NO_CURRENT_TICKET');
    expectError(await api(base, 'POST', '/api/windows/17/call-next', { token }), 409, 'QUEUE_EMPTY');
    expectError(await api(base, 'POST', '/api/windows/17/call', { token, body: { number: 'H999' } }), 404, 'TICKET_NOT_FOUND');
    expectError(await api(base, 'POST', '/api/windows/17/call', { token, body: { number: '12' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/windows/17/pause', { token, body: { reason: '' } }), 400, 'VALIDATION_FAILED');
    const a = (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body.ticket;
    expectError(await api(base, 'POST', '/api/windows/17/call', { token, body: { number: a.number } }), 409, 'TICKET_NOT_SERVED_HERE');
    await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'H' } });
    await api(base, 'POST', '/api/windows/17/call-next', { token });
    expectError(await api(base, 'POST', '/api/windows/17/call-next', { token }), 409, 'TICKET_IN_SERVICE');
    expectError(await api(base, 'POST', '/api/windows/17/transfer', { token, body: {} }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/windows/17/transfer', { token, body: { toCategory: 'H', toWindow: 3 } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'POST', '/api/windows/17/transfer', { token, body: { toWindow: 17 } }), 400, 'TRANSFER_TARGET_INVALID');
    expectError(await api(base, 'POST', '/api/windows/17/transfer', { token, body: { toCategory: 'Q' } }), 404, 'CATEGORY_NOT_FOUND');
    expectError(await api(base, 'POST', '/api/auth/logout', { token }), 409, 'TICKET_IN_SERVICE');
    expectError(await api(base, 'POST', '/api/windows/17/finish', { token, rawBody: 'nope', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
    expect((await api(base, 'POST', '/api/windows/17/finish', { token })).status).toBe(200);
  });

  it('refuses bad device reports', async () => {
    const token = demoDeviceToken(hall, 'kiosk-01');
    expectError(await api(base, 'PUT', '/api/devices/kiosk-01/status', { token, body: { part: 'scanner', fault: 'paper_out' } }), 400, 'VALIDATION_FAILED');
    expectError(await api(base, 'PUT', '/api/devices/kiosk-01/status', { token, body: { part: 'printer', fault: 'on_fire' } }), 400, 'VALIDATION_FAILED');
    // Another device than the credential's (a malformed id too): refused before anything is read.
    expectError(await api(base, 'PUT', `/api/devices/${'k'.repeat(65)}/status`, { token, body: { part: 'printer', fault: null } }), 403, 'FORBIDDEN');
    const ok = await api(base, 'PUT', '/api/devices/kiosk-01/status', { token, body: { part: 'printer', fault: 'cover_open' } });
    expect(ok.body.faults).toMatchObject([{ deviceId: 'kiosk-01', fault: 'cover_open', message: '打印机盖未关好' }]);
    const again = await api(base, 'PUT', '/api/devices/kiosk-01/status', { token, body: { part: 'printer', fault: null } });
    expect(again.body.faults).toEqual([]);
  });

  it('refuses a socket that does not say who it is', async () => {
    const stranger = connect(base, { client: 'toaster' } as never);
    const error = await new Promise<Error>((resolve) => stranger.socket.on('connect_error', resolve));
    expect(error.message).toBe('VALIDATION_FAILED');
    stranger.socket.close();
  });
});
