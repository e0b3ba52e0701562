import { begin } from './begin';
import { DomainError } from './errors';
import type { Outcome } from './outcome';
import { categoryConfig } from './state';
import { issueInto, type IssuedTicket } from './tickets';
import type { Appointment, CommandContext, HallState } from './types';

// 预约服务: a visit booked for a day (weekends too); on that day the visitor checks in at the
// kiosk with the code and gets a priority ticket in the booked category.

export function bookAppointment(
  state: HallState,
  command: { code: string; category: string; date: string; name: string | null; phone: string | null; staffNo: string },
  ctx: CommandContext,
): Outcome<Appointment> {
  const draft = begin(state, ctx);
  const category = categoryConfig(draft.state, command.category);
  if (command.date < draft.serviceDate) throw new DomainError('APPOINTMENT_DATE_PASSED', { date: command.date });
  // Closed means no new tickets, and a booked visit is a ticket to come. One booked before the
  // closing still checks in (issueInto): the visitor was promised it.
  if (!category.open) throw new DomainError('CATEGORY_CLOSED', { category: category.code });
  const appointment: Appointment = {
    id: ctx.newId(),
    code: command.code,
    category: category.code,
    date: command.date,
    name: command.name,
    phone: command.phone,
    status: 'booked',
    ticketId: null,
    bookedAt: ctx.now,
    bookedBy: command.staffNo,
  };
  draft.writeAppointment(appointment);
  draft.emit({ type: 'appointment.booked', at: ctx.now, serviceDate: draft.serviceDate, appointmentId: appointment.id, date: appointment.date, staffNo: command.staffNo });
  return draft.done(appointment);
}

/**
 * `appointment` is the one the code names (null when none does); the store looks it up. `secret`
 * is the new ticket's visitor's secret. An unknown code, one already used and one of another day
 * are one answer with nothing in it: whoever walks the codes learns nothing of those that exist.
 */
export function checkInAppointment(
  state: HallState,
  appointment: Appointment | null,
  secret: string,
  ctx: CommandContext,
): Outcome<IssuedTicket & { appointment: Appointment }> {
  const draft = begin(state, ctx);
  if (!appointment || appointment.status === 'checked_in' || appointment.date !== draft.serviceDate) throw new DomainError('APPOINTMENT_NOT_FOUND');
  const issued = issueInto(draft, appointment.category, 'appointment', secret);
  const checkedIn: Appointment = { ...appointment, status: 'checked_in', ticketId: issued.ticket.id };
  draft.writeAppointment(checkedIn);
  draft.emit({ type: 'appointment.checked_in', at: ctx.now, serviceDate: draft.serviceDate, ticketId: issued.ticket.id, appointmentId: appointment.id });
  return draft.done({ ...issued, appointment: checkedIn });
}
