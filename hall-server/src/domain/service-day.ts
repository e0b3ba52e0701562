import { clockToMinutes, dayAfter, isAfterClosing as isHallAfterClosing, localDate, localMinuteOfDay } from '@hall/shared';
import type { Draft } from './outcome';
import { closeQuestion } from './recorded-rating';
import { TicketBook } from './ticket-book';
import type { HallState, Ticket } from './types';

// Tickets number from 001 each local day. The day does not turn over at midnight while
// windows are still in extended service (延时服务) on yesterday's queue: the queue never closes
// on people waiting, and two live tickets never share a number. It turns over at the latest
// when the hall opens the next morning, and whatever is left of the old day then expires.

export function isLive(ticket: Ticket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'called';
}

/** The hall's closing rule (shared with the console, shared/src/format/closing-time.ts) on the state's day. */
export function isAfterClosing(state: HallState, now: number): boolean {
  return isHallAfterClosing(now, { ...state.setup.settings, serviceDate: state.serviceDate });
}

function extendedServiceCarriesOver(state: HallState, today: string, now: number): boolean {
  const { timezone, openingHours } = state.setup.settings;
  const serviceDate = state.serviceDate;
  if (serviceDate === null || today !== dayAfter(serviceDate)) return false;
  if (localMinuteOfDay(now, timezone) >= clockToMinutes(openingHours.open)) return false;
  // Only a window that really is in extended service keeps the day; one merely left signed in does not.
  const extending = [...state.windows.values()].some((w) => w.state !== 'closed' && w.extendedServiceDate === serviceDate);
  return extending && [...state.tickets.values()].some(isLive);
}

/** Brings the draft to the service day of its clock; every command starts here. */
export function ensureServiceDay(draft: Draft): void {
  const { state, now } = draft;
  const today = localDate(now, state.setup.settings.timezone);
  // A clock set back keeps the current day: numbers never repeat.
  if (state.serviceDate !== null && today <= state.serviceDate) return;
  if (extendedServiceCarriesOver(state, today, now)) return;

  const oldDate = state.serviceDate;
  for (const ticket of state.tickets.values()) {
    if (!isLive(ticket) || oldDate === null) continue;
    draft.writeOnly({ ...ticket, status: 'expired' });
    draft.emit({ type: 'ticket.expired', at: now, serviceDate: oldDate, ticketId: ticket.id });
  }
  for (const evaluation of state.evaluations.values()) {
    if (evaluation.status !== 'pending' || oldDate === null) continue;
    closeQuestion(draft, evaluation, 'day_end', { serviceDate: oldDate, put: (e) => draft.writeEvaluationOnly(e) });
  }
  // Yesterday's calls for a guide are over with the day; the event log keeps them.
  draft.state = { ...state, serviceDate: today, counters: {}, tickets: TicketBook.empty, evaluations: new Map(), helpRequests: new Map() };
  for (const window of state.windows.values()) {
    if (window.currentTicketId === null && window.priorityStreak === 0 && window.extendedServiceDate === null) {
      continue;
    }
    draft.putWindow({ ...window, currentTicketId: null, priorityStreak: 0, extendedServiceDate: null });
  }
  draft.emit({ type: 'day.opened', at: now, serviceDate: today });
}
