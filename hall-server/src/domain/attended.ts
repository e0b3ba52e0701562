import type { HallWindow } from '@hall/shared';
import { clockToMinutes, isBeforeOpening, localDate, startOfLocalDate } from '@hall/shared';
import { servesTicket } from './routing';
import type { HallState, Ticket } from './types';

// Whether anyone will call a ticket as the hall stands. Only open windows call: a paused or
// closed window says nothing of when it will call, so after opening time a ticket that no open
// window serves is unattended, and its wait is unknown rather than short. Before opening time
// the windows serving it are expected to open at opening time. (The kiosk and screens answer
// the same question from the windows' views with shared/src/format/serving.ts.)

/** Opening time today, if it is still to come; null once the hall has opened. */
export function openingStillToCome(state: HallState, now: number): number | null {
  const { settings } = state.setup;
  if (!isBeforeOpening(now, settings)) return null;
  return startOfLocalDate(localDate(now, settings.timezone), settings.timezone) + clockToMinutes(settings.openingHours.open) * 60_000;
}

function isOpen(state: HallState, no: number): boolean {
  return state.windows.get(no)?.state === 'open';
}

function unattendedBy(state: HallState, now: number, serves: (window: HallWindow) => boolean): boolean {
  const serving = state.setup.windows.filter(serves);
  if (serving.length === 0) return true;
  if (serving.some((w) => isOpen(state, w.no))) return false;
  return openingStillToCome(state, now) === null;
}

/** No window will call the ticket as the hall stands (see above). */
export function isTicketUnattended(state: HallState, ticket: Ticket, now: number): boolean {
  return unattendedBy(state, now, (w) => servesTicket(w, ticket));
}

/** No window would call a new ticket of the category as the hall stands (see above). */
export function isCategoryUnattended(state: HallState, category: string, now: number): boolean {
  return unattendedBy(state, now, (w) => w.categories.includes(category));
}
