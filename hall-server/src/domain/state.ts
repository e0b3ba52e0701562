import { DomainError } from './errors';
import { TicketBook } from './ticket-book';
import type { HallSetup, HallState, Ticket, WindowStatus } from './types';

export function closedWindow(no: number): WindowStatus {
  return {
    no,
    state: 'closed',
    pauseReason: null,
    pauseUntil: null,
    staffNo: null,
    currentTicketId: null,
    priorityStreak: 0,
    extendedServiceDate: null,
    lastNoShow: null,
  };
}

/** A hall that has never issued a ticket. */
export function initialState(setup: HallSetup): HallState {
  return {
    setup,
    serviceDate: null,
    counters: {},
    tickets: TicketBook.empty,
    evaluations: new Map(),
    windows: new Map(setup.windows.map((w) => [w.no, closedWindow(w.no)])),
    handlingTimes: {},
    deviceFaults: new Map(),
    helpRequests: new Map(),
    devices: new Map(),
    notice: '',
  };
}

export function withWindow(state: HallState, window: WindowStatus): HallState {
  const windows = new Map(state.windows);
  windows.set(window.no, window);
  return { ...state, windows };
}

export function windowConfig(state: HallState, windowNo: number) {
  const config = state.setup.windows.find((w) => w.no === windowNo);
  if (!config) throw new DomainError('WINDOW_NOT_FOUND', { windowNo });
  return config;
}

export function windowStatus(state: HallState, windowNo: number): WindowStatus {
  windowConfig(state, windowNo);
  return state.windows.get(windowNo) ?? closedWindow(windowNo);
}

export function categoryConfig(state: HallState, code: string) {
  const category = state.setup.categories.find((c) => c.code === code);
  if (!category) throw new DomainError('CATEGORY_NOT_FOUND', { category: code });
  return category;
}

export function ticketById(state: HallState, id: string): Ticket {
  const ticket = state.tickets.get(id);
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId: id });
  return ticket;
}

export function ticketByNumber(state: HallState, number: string): Ticket {
  for (const ticket of state.tickets.values()) {
    if (ticket.number === number) return ticket;
  }
  throw new DomainError('TICKET_NOT_FOUND', { number });
}

export function staffMember(state: HallState, staffNo: string) {
  return state.setup.staff.find((s) => s.staffNo === staffNo) ?? null;
}
