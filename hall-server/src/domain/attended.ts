import type { HallWindow } from '@hall/shared';
import { isBeforeOpening, localClockOnDayOf, nobodyWillCall } from '@hall/shared';
import { servesTicket } from './routing';
import type { HallState, Ticket } from './types';

// Whether anyone will call a ticket as the hall stands: the same rule the kiosk and screens
// apply to the windows' views (nobodyWillCall in shared/src/format/serving.ts), here over the
// hall's setup and its windows' live states.

/** Opening time today, if it is still to come; null once the hall has opened. */
export function openingStillToCome(state: HallState, now: number): number | null {
  const { settings } = state.setup;
  return isBeforeOpening(now, settings) ? localClockOnDayOf(now, settings.openingHours.open, settings.timezone) : null;
}

function unattendedBy(state: HallState, now: number, serves: (window: HallWindow) => boolean): boolean {
  const serving = state.setup.windows.filter(serves).map((w) => ({ state: state.windows.get(w.no)?.state ?? ('closed' as const) }));
  return nobodyWillCall(serving, now, state.setup.settings);
}

/** No window will call the ticket as the hall stands (see above). */
export function isTicketUnattended(state: HallState, ticket: Ticket, now: number): boolean {
  return unattendedBy(state, now, (w) => servesTicket(w, ticket));
}

/** No window would call a new ticket of the category as the hall stands (see above). */
export function isCategoryUnattended(state: HallState, category: string, now: number): boolean {
  return unattendedBy(state, now, (w) => w.categories.includes(category));
}
