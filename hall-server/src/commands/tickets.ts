import { APPOINTMENT_CODE_DIGITS, localDate, type AppointmentView, type BookAppointmentBody, type CheckInBody, type IssueTicketBody, type TicketView } from '@hall/shared';
import { randomInt } from 'node:crypto';
import * as domain from '../domain';
import { DomainError, type HallState, type Outcome } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { CheckInCap } from '../services/check-in-cap';
import { newTicketSecret } from '../services/ticket-secret';
import { appointmentView, ticketView, ticketWithAhead } from '../services/views';

// 取号, 预约 and 预约签到, 补打, and the service day's turn.

export interface IssuedTicketView {
  ticket: TicketView;
  /** For the QR code: only the kiosk that asked is answered with it. */
  secret: string;
  ahead: number;
  estimatedWaitMinutes: number | null;
}

function issuedView(state: HallState, { ticket, ahead, estimatedWaitMinutes }: domain.IssuedTicket): IssuedTicketView {
  // Every ticket issued or reprinted since secrets has one (recordReprint gives an older one its own).
  if (ticket.secret === null) throw new Error(`ticket ${ticket.id} has no secret`);
  return { ticket: ticketView(state, ticket), secret: ticket.secret, ahead, estimatedWaitMinutes };
}

export const ticketCommands = (rt: HallRuntime) => {
  const checkInCap = new CheckInCap();
  /** A request that issues a ticket, at most once per idempotency key. */
  const issueOnce = (key: string | undefined, request: string, issue: () => domain.IssuedTicket): IssuedTicketView & { replayed: boolean } => {
    const known = key === undefined ? null : rt.stores.idempotency.lookup(rt.state.serviceDate, key);
    if (known) {
      if (known.request !== request) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      const ticket = rt.state.tickets.get(known.ticketId) ?? rt.stores.hall.ticket(known.ticketId);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      const { ahead } = ticketWithAhead(rt.state, ticket);
      return { ...issuedView(rt.state, { ticket, ahead, estimatedWaitMinutes: domain.estimatedWaitMinutes(rt.state, ticket, rt.now()) }), replayed: true };
    }
    return { ...issuedView(rt.state, issue()), replayed: false };
  };

  /** Writes the key with the ticket, in the same transaction. */
  const rememberKey = (key: string | undefined, request: string) => (outcome: Outcome<domain.IssuedTicket>) => {
    const { ticket } = outcome.result;
    if (key !== undefined) rt.stores.idempotency.remember(ticket.serviceDate, key, request, ticket.id);
  };

  return {
    /** 取号. With an idempotency key, a repeated request returns the ticket it already got. */
    issueTicket(body: IssueTicketBody, idempotencyKey?: string): IssuedTicketView & { replayed: boolean } {
      const request = JSON.stringify({ category: body.category, priority: body.priority ?? false });
      return issueOnce(idempotencyKey, request, () =>
        rt.run(
          (state, ctx) => domain.issueTicket(state, { category: body.category, priority: body.priority ? 'green_channel' : null, secret: newTicketSecret() }, ctx),
          rememberKey(idempotencyKey, request),
        ).result,
      );
    },

    /** 预约: a staff member books a visit; the code is 10 random digits, unique on its day. */
    bookAppointment(body: BookAppointmentBody, staffNo: string): AppointmentView {
      let code: string;
      do code = String(randomInt(0, 10 ** APPOINTMENT_CODE_DIGITS)).padStart(APPOINTMENT_CODE_DIGITS, '0');
      while (rt.stores.hall.isAppointmentCodeTaken(body.date, code));
      const outcome = rt.run((s, ctx) =>
        domain.bookAppointment(s, { code, category: body.category, date: body.date, name: body.name ?? null, phone: body.phone ?? null, staffNo }, ctx),
      );
      return appointmentView(rt.state, outcome.result);
    },

    /**
     * 预约签到 at the kiosk; a retried request with the same key gets the same ticket. Wrong codes
     * count against the hall's cap (services/check-in-cap.ts); a 6-digit code booked before codes
     * had 10 digits is looked up like any other, so it still checks in on its day.
     */
    checkIn(body: CheckInBody, idempotencyKey?: string): IssuedTicketView & { replayed: boolean } {
      const request = JSON.stringify({ checkIn: body.code });
      return issueOnce(idempotencyKey, request, () => {
        checkInCap.check(rt.now());
        try {
          return rt.run(
            (s, ctx) => domain.checkInAppointment(s, rt.stores.hall.appointmentByCode(body.code, localDate(ctx.now, s.setup.settings.timezone)), newTicketSecret(), ctx),
            rememberKey(idempotencyKey, request),
          ).result;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'APPOINTMENT_NOT_FOUND') checkInCap.failed(rt.now());
          throw error;
        }
      });
    },

    /** 补打, once the caller has checked the staff member's PIN. */
    recordReprint(command: { number: string; staffNo: string; deviceId: string }): IssuedTicketView {
      return issuedView(rt.state, rt.run((s, ctx) => domain.recordReprint(s, { ...command, secret: newTicketSecret() }, ctx)).result);
    },

    /** Turns the service day over when it is due, so screens are current even when nobody acts. */
    openServiceDayIfDue(): void {
      rt.run((s, ctx) => domain.openServiceDay(s, ctx));
    },
  };
};
