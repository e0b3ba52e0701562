import { describe, expect, it } from 'vitest';
import { bookAppointment, checkInAppointment, type Appointment } from '../../src/domain';
import { TestHall, eventsOf, sh } from './fixtures';

// 预约服务: booked for a day, checked in at the kiosk on that day with the code.

function book(hall: TestHall, date = '2026-03-02', category = 'A'): Appointment {
  return hall.run((s, c) => bookAppointment(s, { code: '123456', category, date, name: '王大爷', phone: null, staffNo: '1001' }, c)).result;
}

describe('appointments', () => {
  it('books a visit for today or a later day, weekends too, and logs who booked it', () => {
    const hall = new TestHall();
    const outcome = hall.run((s, c) =>
      bookAppointment(s, { code: '004217', category: 'B', date: '2026-03-07', name: null, phone: '13800000000', staffNo: '1001' }, c),
    );
    expect(outcome.result).toMatchObject({ code: '004217', category: 'B', date: '2026-03-07', status: 'booked', ticketId: null, bookedBy: '1001' });
    expect(outcome.appointments).toEqual([outcome.result]);
    expect(eventsOf(outcome.events, 'appointment.booked')).toMatchObject([{ appointmentId: outcome.result.id, date: '2026-03-07', staffNo: '1001' }]);
    expect(book(hall, '2026-03-02').date).toBe('2026-03-02');
  });

  it('refuses a day already past and an unknown category', () => {
    const hall = new TestHall();
    hall.refuse((s, c) => bookAppointment(s, { code: '1', category: 'A', date: '2026-03-01', name: null, phone: null, staffNo: '1001' }, c), 'APPOINTMENT_DATE_PASSED');
    hall.refuse((s, c) => bookAppointment(s, { code: '1', category: 'Z', date: '2026-03-03', name: null, phone: null, staffNo: '1001' }, c), 'CATEGORY_NOT_FOUND');
  });

  it('refuses a booking in a closed category (CATEGORY_CLOSED); one booked before the closing still checks in', () => {
    const hall = new TestHall({ categories: [{ code: 'A', name: '综合受理', open: false }] });
    const error = hall.refuse((s, c) => bookAppointment(s, { code: '1', category: 'A', date: '2026-03-03', name: null, phone: null, staffNo: '1001' }, c), 'CATEGORY_CLOSED');
    expect(error.details).toEqual({ category: 'A' });
    const before: Appointment = { id: 'a1', code: '123456', category: 'A', date: '2026-03-02', name: null, phone: null, status: 'booked', ticketId: null, bookedAt: 0, bookedBy: '1001' };
    expect(hall.run((s, c) => checkInAppointment(s, before, 'secret-1', c)).result.ticket.category).toBe('A');
  });

  it('checks in on the day with a priority ticket ahead of ordinary ones, once', () => {
    const hall = new TestHall();
    const appointment = book(hall);
    hall.take('A');
    hall.take('A');
    const outcome = hall.run((s, c) => checkInAppointment(s, appointment, 'secret-of-a003', c));
    expect(outcome.result.ticket).toMatchObject({ number: 'A003', category: 'A', priority: 'appointment', status: 'waiting', secret: 'secret-of-a003' });
    expect(outcome.result.ahead).toBe(0);
    expect(outcome.result.appointment).toMatchObject({ status: 'checked_in', ticketId: outcome.result.ticket.id });
    expect(outcome.appointments).toEqual([outcome.result.appointment]);
    expect(eventsOf(outcome.events, 'appointment.checked_in')).toMatchObject([{ ticketId: outcome.result.ticket.id, appointmentId: appointment.id }]);
    // Used once: a second check-in is answered as a code that names nothing, with nothing in it.
    const again = hall.refuse((s, c) => checkInAppointment(s, outcome.result.appointment, 's', c), 'APPOINTMENT_NOT_FOUND');
    expect(again.details).toBeUndefined();
  });

  it('answers an unknown code, a used one and another day’s alike, with no details (no ticket id, no date)', () => {
    const hall = new TestHall();
    const unknown = hall.refuse((s, c) => checkInAppointment(s, null, 's', c), 'APPOINTMENT_NOT_FOUND');
    const tomorrow = book(hall, '2026-03-03');
    const otherDay = hall.refuse((s, c) => checkInAppointment(s, tomorrow, 's', c), 'APPOINTMENT_NOT_FOUND');
    expect([unknown.details, otherDay.details]).toEqual([undefined, undefined]);
    hall.setClock(sh('2026-03-03 09:30'));
    expect(hall.run((s, c) => checkInAppointment(s, tomorrow, 's', c)).result.ticket.serviceDate).toBe('2026-03-03');
  });
});
