import { ErrorReply, IssueTicketReply, MonthlyReport, SummaryReport } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// The office's reports over HTTP (issue 16): office sessions only, a bad query answered 400
// with its code, a good one in the shared schema's shape, counting what the hall just did.

describe('GET /api/reports/summary and /api/reports/monthly', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-12-07T10:00:00+08:00');

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    const staff = await login(base, '1001', 1);
    IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body);
    now += 12 * 60_000;
    await api(base, 'POST', '/api/windows/1/call-next', { token: staff });
    now += 6 * 60_000;
    expect((await api(base, 'POST', '/api/windows/1/finish', { token: staff, body: {} })).status).toBe(200);
  });
  afterAll(() => hall.stop());

  const code = (reply: { body: unknown }) => ErrorReply.parse(reply.body).error.code;

  it('refuses callers without an office session', async () => {
    const staff = await login(base, '1002', 2);
    for (const path of ['/api/reports/summary?from=2026-12-01&to=2026-12-07', '/api/reports/monthly?month=2026-12']) {
      const anonymous = await api(base, 'GET', path);
      expect(anonymous.status).toBe(401);
      expect(code(anonymous)).toBe('UNAUTHORIZED');
      expect((await api(base, 'GET', path, { token: staff })).status).toBe(403);
    }
  });

  it('answers a bad query 400 VALIDATION_FAILED and a good one in the shared schema, counting the hall’s day', async () => {
    const token = await officeLogin(base, '2001');
    for (const path of [
      '/api/reports/summary?from=2026-12-07&to=2026-12-01',
      '/api/reports/summary?from=2026-12-01&to=2026-12-07&by=floor',
      '/api/reports/summary?from=2020-01-01&to=2026-12-07',
      '/api/reports/monthly?month=2026-13',
      '/api/reports/monthly',
    ]) {
      const reply = await api(base, 'GET', path, { token });
      expect(reply.status, path).toBe(400);
      expect(code(reply)).toBe('VALIDATION_FAILED');
    }
    const summary = SummaryReport.parse((await api(base, 'GET', '/api/reports/summary?from=2026-12-01&to=2026-12-07&by=staff', { token })).body);
    expect(summary.by).toBe('staff');
    expect(summary.rows).toEqual([expect.objectContaining({ key: '1001', name: '王芳', issued: 1, served: 1, averageWaitMinutes: 12, averageHandlingMinutes: 6 })]);
    // `by` defaults to the windows.
    expect(SummaryReport.parse((await api(base, 'GET', '/api/reports/summary?from=2026-12-07&to=2026-12-07', { token })).body).by).toBe('window');
    const monthly = MonthlyReport.parse((await api(base, 'GET', '/api/reports/monthly?month=2026-12', { token })).body);
    expect(monthly.windows[0]).toMatchObject({ rank: 1, windowNo: 1, served: 1 });
    expect(monthly.hall.issued).toBe(1);
  });
});
