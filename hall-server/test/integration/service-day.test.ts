import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestHall, type TestHall } from '../support/hall-server';

// Numbering restarts at 001 each local day (Asia/Shanghai) and survives restarts; the UTC day
// boundary (08:00 in Shanghai) changes nothing.

describe('the service day on a real server', () => {
  let hall: TestHall;
  let now = Date.parse('2026-03-02T07:50:00+08:00');
  const clock = { now: () => now };
  beforeAll(async () => {
    hall = await startTestHall({ clock });
  });
  afterAll(() => hall.stop());

  /** A ticket taken, with the secret its phone page is opened by. */
  const take = async (category: string) => {
    const { ticket, secret } = (await api(hall.server.url, 'POST', '/api/tickets', { body: { category } })).body;
    return { ...ticket, secret };
  };

  it('keeps numbering across 08:00 local and a restart, restarts it the next local day', async () => {
    expect((await take('A')).number).toBe('A001');
    now = Date.parse('2026-03-02T08:10:00+08:00'); // past 00:00 UTC
    expect((await take('A')).number).toBe('A002');
    await hall.restart();
    const third = await take('A');
    expect(third).toMatchObject({ number: 'A003', serviceDate: '2026-03-02' });

    now = Date.parse('2026-03-03T00:05:00+08:00');
    await hall.restart();
    const next = await take('A');
    expect(next).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    // Yesterday's leftovers expired at the turn of the day; they stay on record.
    const old = await api(hall.server.url, 'GET', `/api/tickets/${third.secret}`);
    expect(old.body).toMatchObject({ ticket: { status: 'expired', number: 'A003' }, ahead: 0 });
    const health = await api(hall.server.url, 'GET', '/api/health');
    expect(health.body.serviceDate).toBe('2026-03-03');
  });
});
