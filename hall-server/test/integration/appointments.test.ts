import Database from 'better-sqlite3';
import { AppointmentReply, IssueTicketReply, localDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_CHECK_INS_PER_MINUTE } from '../../src/services/check-in-cap';
import { api, login, startTestHall, type TestHall } from '../support/hall-server';

/** The one answer to a code that cannot be checked in: unknown, used or another day's alike. */
const NOTHING_TO_CHECK_IN = {
  error: { code: 'APPOINTMENT_NOT_FOUND', message: '这个预约码不能签到：请核对预约码和预约日期，已经签到过的请留意叫号' },
};

describe('appointments over the API', () => {
  let hall: TestHall;
  let base: string;
  let token: string;
  const today = () => localDate(Date.now(), 'Asia/Shanghai');
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    token = await login(base, '1017', 17);
  });
  afterAll(() => hall.stop());

  it('books with a staff session, then checks in once, with priority', async () => {
    expect((await api(base, 'POST', '/api/appointments', { body: { category: 'H', date: today() } })).body.error.code).toBe('UNAUTHORIZED');
    const booked = await api(base, 'POST', '/api/appointments', { token, body: { category: 'H', date: today(), name: '李阿姨', phone: '13912345678' } });
    expect(booked.status).toBe(201);
    const { appointment } = AppointmentReply.parse(booked.body);
    expect(appointment).toMatchObject({ category: 'H', categoryName: '民政', status: 'booked', name: '李阿姨' });
    expect(appointment.code).toMatch(/^\d{10}$/);

    await api(base, 'POST', '/api/tickets', { body: { category: 'H' } });
    const headers = { 'idempotency-key': 'kiosk-1-checkin-0001' };
    const checkedIn = await api(base, 'POST', '/api/appointments/check-in', { body: { code: appointment.code }, headers });
    expect(checkedIn.status).toBe(201);
    const issued = IssueTicketReply.parse(checkedIn.body);
    expect(issued.ticket).toMatchObject({ number: 'H002', priority: 'appointment' });
    expect(issued.ahead).toBe(0);
    expect(issued.secret).toMatch(/^[\w-]{22}$/);
    const retried = await api(base, 'POST', '/api/appointments/check-in', { body: { code: appointment.code }, headers });
    expect(IssueTicketReply.parse(retried.body)).toEqual(issued);
    // Used once: answered as a code that names nothing, with no ticket id or anything else in it.
    const again = await api(base, 'POST', '/api/appointments/check-in', { body: { code: appointment.code } });
    expect([again.status, again.body]).toEqual([404, NOTHING_TO_CHECK_IN]);
  });

  it('answers wrong codes and other days’ codes alike, with nothing in the answer; refuses bad bookings with their codes', async () => {
    const wrong = await api(base, 'POST', '/api/appointments/check-in', { body: { code: '0000000000' } });
    expect([wrong.status, wrong.body]).toEqual([404, NOTHING_TO_CHECK_IN]);
    expect((await api(base, 'POST', '/api/appointments/check-in', { body: { code: '12ab' } })).body.error.code).toBe('VALIDATION_FAILED');
    // Neither 7 digits nor 11: a code is 10 digits (or 6, booked before).
    for (const code of ['1234567', '12345678901']) expect((await api(base, 'POST', '/api/appointments/check-in', { body: { code } })).body.error.code).toBe('VALIDATION_FAILED');

    const later = new Date(Date.now() + 3 * 86_400_000);
    const { appointment } = AppointmentReply.parse(
      (await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: localDate(later.getTime(), 'Asia/Shanghai') } })).body,
    );
    const early = await api(base, 'POST', '/api/appointments/check-in', { body: { code: appointment.code } });
    expect([early.status, early.body]).toEqual([404, NOTHING_TO_CHECK_IN]);

    const past = await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: '2020-01-01' } });
    expect(past.body.error.code).toBe('APPOINTMENT_DATE_PASSED');
    const badPhone = await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: today(), phone: '12345' } });
    expect(badPhone.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('walking the appointment codes (issue 15)', () => {
  let hall: TestHall;
  let base: string;
  let token: string;
  let now = Date.parse('2026-03-06T10:00:00+08:00');
  const checkIn = (code: string) => api(base, 'POST', '/api/appointments/check-in', { body: { code } });
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    token = await login(base, '1017', 17);
  });
  afterAll(() => hall.stop());

  it(`takes at most ${FAILED_CHECK_INS_PER_MINUTE} wrong codes a minute in the whole hall, then refuses every check-in until the minute has passed`, async () => {
    const { appointment } = AppointmentReply.parse((await api(base, 'POST', '/api/appointments', { token, body: { category: 'H', date: '2026-03-06' } })).body);
    // A walker tries codes in order; each wrong one is the same answer with nothing in it.
    const walked = Array.from({ length: FAILED_CHECK_INS_PER_MINUTE + 1 }, (_, i) => String(1_000_000_000 + i)).filter((code) => code !== appointment.code);
    for (const code of walked.slice(0, FAILED_CHECK_INS_PER_MINUTE)) {
      const wrong = await checkIn(code);
      expect([wrong.status, wrong.body]).toEqual([404, NOTHING_TO_CHECK_IN]);
    }
    // The cap is reached: even the right code waits, and a further wrong one is not even looked up.
    const busy = await checkIn(appointment.code);
    expect([busy.status, busy.body]).toEqual([429, { error: { code: 'CHECK_IN_BUSY', message: '预约签到暂时停用，请一分钟后再试，或请导服员帮助' } }]);
    expect((await checkIn('1999999999')).body.error.code).toBe('CHECK_IN_BUSY');
    // A minute after the first wrong code, the hall takes codes again.
    now += 60_000;
    const right = await checkIn(appointment.code);
    expect(right.status).toBe(201);
    expect(IssueTicketReply.parse(right.body).ticket).toMatchObject({ category: 'H', priority: 'appointment' });
  });

  it('still checks in a 6-digit code booked before codes had 10 digits, on its day', async () => {
    now += 60_000;
    const db = new Database(hall.dbPath);
    db.prepare(
      `INSERT INTO appointments (id, code, category, date, name, phone, status, ticket_id, booked_at, booked_by)
       VALUES ('old-booking', '042017', 'H', '2026-03-06', NULL, NULL, 'booked', NULL, ?, '1017')`,
    ).run(now - 86_400_000);
    db.close();
    const checkedIn = await checkIn('042017');
    expect(checkedIn.status).toBe(201);
    expect(IssueTicketReply.parse(checkedIn.body).ticket).toMatchObject({ category: 'H', priority: 'appointment' });
  });
});
