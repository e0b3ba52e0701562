import { AppointmentReply, IssueTicketReply, localDate } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

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
    expect(appointment.code).toMatch(/^\d{6}$/);

    await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'H' } });
    const headers = { 'idempotency-key': 'kiosk-1-checkin-0001' };
    const checkedIn = await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: appointment.code }, headers });
    expect(checkedIn.status).toBe(201);
    const issued = IssueTicketReply.parse(checkedIn.body);
    expect(issued.ticket).toMatchObject({ number: 'H002', priority: 'appointment' });
    expect(issued.ahead).toBe(0);
    const retried = await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: appointment.code }, headers });
    expect(retried.body.ticket.id).toBe(issued.ticket.id);
    const again = await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: appointment.code } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'APPOINTMENT_ALREADY_CHECKED_IN', message: '这个预约已经签到过了，请留意叫号' });
  });

  it('refuses wrong codes, other days and bad bookings with their codes', async () => {
    const wrong = await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: '000000' } });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toMatchObject({ code: 'APPOINTMENT_NOT_FOUND', message: '没有找到这个预约，请核对预约码' });
    expect((await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: '12ab' } })).body.error.code).toBe('VALIDATION_FAILED');

    const later = new Date(Date.now() + 3 * 86_400_000);
    const { appointment } = AppointmentReply.parse(
      (await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: localDate(later.getTime(), 'Asia/Shanghai') } })).body,
    );
    const early = await api(base, 'POST', '/api/appointments/check-in', { token: deviceToken(hall, 'kiosk'), body: { code: appointment.code } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('APPOINTMENT_NOT_TODAY');

    const past = await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: '2020-01-01' } });
    expect(past.body.error.code).toBe('APPOINTMENT_DATE_PASSED');
    const badPhone = await api(base, 'POST', '/api/appointments', { token, body: { category: 'A', date: today(), phone: '12345' } });
    expect(badPhone.body.error.code).toBe('VALIDATION_FAILED');
  });
});
