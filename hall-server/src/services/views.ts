import type { AppointmentView, CallView, CategoryView, DeviceFault as DeviceFaultView, DeviceFaultChanged, HelpRequestView, SignedInStaff, StaffTicketView, StaffView, TicketProgress, TicketView, WindowView } from '@hall/shared';
import { DomainError, estimatedWaitMinutes, kioskPlace, peopleAhead, waitingInCategory, type Appointment, type DeviceFault, type HallEvent, type HallState, type HelpRequest, type Ticket } from '../domain';

// How the hall looks from outside: the shapes of shared/ built from the domain state.

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The Chinese name of a category, or its code if the set-up no longer has it. */
function categoryName(state: HallState, code: string): string {
  return state.setup.categories.find((c) => c.code === code)?.name ?? code;
}

/** A staff member's name and number, or null for nobody (or someone no longer on the staff). */
export function staffView(state: HallState, staffNo: string | null): StaffView | null {
  const staff = staffNo === null ? undefined : state.setup.staff.find((s) => s.staffNo === staffNo);
  return staff ? { staffNo: staff.staffNo, name: staff.name } : null;
}

/** Who signed a record or served a visit, even someone since removed from the staff list. */
export function staffOrNumber(state: HallState, staffNo: string): StaffView {
  return staffView(state, staffNo) ?? { staffNo, name: staffNo };
}

/** A staff member as their sessions show them; an unknown number is no one who may sign in. */
export function signedInStaff(state: HallState, staffNo: string): SignedInStaff {
  const staff = state.setup.staff.find((s) => s.staffNo === staffNo);
  // Someone who left the hall is signed in nowhere.
  if (!staff?.active) throw new DomainError('INVALID_CREDENTIALS');
  return { staffNo: staff.staffNo, name: staff.name, roles: staff.roles };
}

/** A ticket as the public sees it: no id, no secret (staffTicketView adds the id for staff). */
export function ticketView(state: HallState, ticket: Ticket): TicketView {
  return {
    number: ticket.number,
    category: ticket.category,
    categoryName: categoryName(state, ticket.category),
    status: ticket.status,
    priority: ticket.priority,
    serviceDate: ticket.serviceDate,
    issuedAt: iso(ticket.issuedAt),
    targetWindowNo: ticket.targetWindowNo,
    windowNo: ticket.windowNo,
    calledAt: isoOrNull(ticket.calledAt),
    finishedAt: isoOrNull(ticket.finishedAt),
  };
}

/** A ticket for the window staff: with where its last transfer came from, and why. */
export function staffTicketView(state: HallState, ticket: Ticket): StaffTicketView {
  const { transfer } = ticket;
  return { ...ticketView(state, ticket), id: ticket.id, transfer: transfer === null ? null : { ...transfer, at: iso(transfer.at) } };
}

/** The people before a ticket; a ticket no longer live has nobody ahead. */
export function aheadOf(state: HallState, ticket: Ticket): number {
  return state.tickets.get(ticket.id) === ticket ? peopleAhead(state, ticket) : 0;
}

/** A ticket and the people before it. */
export function ticketWithAhead(state: HallState, ticket: Ticket): { ticket: TicketView; ahead: number } {
  return { ticket: ticketView(state, ticket), ahead: aheadOf(state, ticket) };
}

/** A ticket as its phone page follows it: the people before it and, while it waits, the estimate. */
export function ticketProgress(state: HallState, ticket: Ticket, now: number): TicketProgress {
  const live = state.tickets.get(ticket.id) === ticket && ticket.status === 'waiting';
  return { ...ticketWithAhead(state, ticket), estimatedWaitMinutes: live ? estimatedWaitMinutes(state, ticket, now) : null };
}

export function windowView(state: HallState, no: number): WindowView {
  const config = state.setup.windows.find((w) => w.no === no);
  const status = state.windows.get(no);
  if (!config || !status) throw new Error(`window ${no} is not in the hall`);
  const serving = status.currentTicketId === null ? undefined : state.tickets.get(status.currentTicketId);
  return {
    no,
    name: config.name,
    department: config.department,
    categories: [...config.categories],
    routing: config.routing,
    state: status.state,
    pauseReason: status.pauseReason,
    pauseUntil: status.pauseUntil === null ? null : new Date(status.pauseUntil).toISOString(),
    servingNumber: serving?.number ?? null,
    staff: staffView(state, status.staffNo),
    extendedService: status.state !== 'closed' && status.extendedServiceDate !== null && status.extendedServiceDate === state.serviceDate,
  };
}

export function windowViews(state: HallState): WindowView[] {
  return state.setup.windows.map((w) => windowView(state, w.no));
}

export function categoryViews(state: HallState): CategoryView[] {
  return state.setup.categories.map((c) => ({
    code: c.code,
    name: c.name,
    nameEn: c.nameEn ?? null,
    items: c.items,
    waiting: waitingInCategory(state, c.code),
    open: c.open,
  }));
}

export function waitingCounts(state: HallState): { code: string; waiting: number }[] {
  return state.setup.categories.map((c) => ({ code: c.code, waiting: waitingInCategory(state, c.code) }));
}

export function callView(state: HallState, call: { windowNo: number; at: number; recall: boolean }, ticket: Ticket): CallView {
  const window = state.setup.windows.find((w) => w.no === call.windowNo);
  return {
    number: ticket.number,
    category: ticket.category,
    windowNo: call.windowNo,
    windowName: window?.name ?? `${call.windowNo}号窗口`,
    calledAt: iso(call.at),
    recall: call.recall,
  };
}

export function deviceFaultView(state: HallState, fault: DeviceFault): DeviceFaultView {
  const { deviceId, part, message } = fault;
  return { deviceId, part, fault: fault.fault, message, since: iso(fault.since), place: kioskPlace(state, deviceId) };
}

export function deviceFaultViews(state: HallState): DeviceFaultView[] {
  return [...state.deviceFaults.values()].map((fault) => deviceFaultView(state, fault));
}

export function helpRequestView(state: HallState, request: HelpRequest): HelpRequestView {
  return {
    id: request.id,
    deviceId: request.deviceId,
    place: kioskPlace(state, request.deviceId) ?? request.deviceId,
    requestedAt: iso(request.requestedAt),
    handledAt: request.handledAt === null ? null : iso(request.handledAt),
    handledBy: request.handledBy === null ? null : staffOrNumber(state, request.handledBy),
  };
}

export function appointmentView(state: HallState, appointment: Appointment): AppointmentView {
  return {
    id: appointment.id,
    code: appointment.code,
    category: appointment.category,
    categoryName: categoryName(state, appointment.category),
    date: appointment.date,
    name: appointment.name,
    phone: appointment.phone,
    status: appointment.status,
    ticketId: appointment.ticketId,
    bookedAt: iso(appointment.bookedAt),
  };
}

export function deviceFaultChange(state: HallState, event: Extract<HallEvent, { type: 'device.fault' | 'device.recovered' }>): DeviceFaultChanged {
  const { deviceId, part, fault, message } = event;
  const since = event.type === 'device.fault' ? event.at : event.since;
  return { fault: deviceFaultView(state, { deviceId, part, fault, message, since }), cleared: event.type === 'device.recovered' };
}
