import { ErrorReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Dates and months the office's routes take are the hall's: 2000 to 2099. A year past 9999 is
// no longer YYYY-MM-DD (a month's day-by-day walk would never end), and a year like 0026 is a
// typo that would otherwise sit in the leaders' standing for good.

describe('the office’s dates and months, and the published ratings’ rate', () => {
  let hall: TestHall;
  let base: string;
  let office: string;

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => Date.parse('2026-12-07T10:00:00+08:00') }, limits: { rates: true } });
    base = hall.server.url;
    office = await officeLogin(base, '2001');
  });
  afterAll(() => hall.stop());

  const refusal = (reply: { status: number; body: unknown }) => ({ status: reply.status, code: ErrorReply.parse(reply.body).error.code });
  const invalid = { status: 400, code: 'VALIDATION_FAILED' };

  it('refuses months and spans outside 2000–2099 at once, anonymous or not', async () => {
    expect(refusal(await api(base, 'GET', '/api/public/ratings?month=9999-12'))).toEqual(invalid);
    expect(refusal(await api(base, 'GET', '/api/reports/monthly?month=9999-12', { token: office }))).toEqual(invalid);
    expect(refusal(await api(base, 'GET', '/api/reports/monthly.csv?month=1999-12', { token: office }))).toEqual(invalid);
    expect(refusal(await api(base, 'GET', '/api/reports/summary?from=0000-01-01&to=0000-12-31', { token: office }))).toEqual(invalid);
    expect(refusal(await api(base, 'GET', '/api/leader-duty?from=9999-12-01&to=9999-12-31', { token: office }))).toEqual(invalid);
    // The hall is still answering.
    expect((await api(base, 'GET', '/api/health')).status).toBe(200);
  });

  it('refuses a leader’s sitting or an on-site visit dated in another century', async () => {
    const sitting = { department: '县公安局', leaderName: '李四', role: 'deputy', windowNo: 1 };
    expect(refusal(await api(base, 'POST', '/api/leader-duty', { token: office, body: { ...sitting, date: '0026-12-01' } }))).toEqual(invalid);
    expect((await api(base, 'POST', '/api/leader-duty', { token: office, body: { ...sitting, date: '2026-12-01' } })).status).toBe(201);
    const visit = { requester: '某公司', address: '县城东路 1 号', matter: '营业执照变更', department: '县公安局', time: '10:00' };
    expect(refusal(await api(base, 'POST', '/api/onsite-services', { token: office, body: { ...visit, date: '9999-12-31' } }))).toEqual(invalid);
  });

  it('lets one address turn the published months like a page, not crawl them', async () => {
    const replies = [];
    const started = performance.now();
    for (let month = 1; month <= 40; month++) {
      const year = 2020 + Math.floor((month - 1) / 12);
      replies.push(await api(base, 'GET', `/api/public/ratings?month=${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`));
    }
    // A phone's burst of 30, and one more for each second the 40 took (more on a busy machine).
    const seconds = Math.ceil((performance.now() - started) / 1000);
    expect(seconds).toBeLessThan(10);
    const answered = replies.filter((reply) => reply.status === 200).length;
    expect(answered).toBeGreaterThanOrEqual(29);
    expect(answered).toBeLessThanOrEqual(30 + seconds);
    expect(refusal(replies.at(-1)!)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });
});
