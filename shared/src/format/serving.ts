import type { TicketView, WindowState, WindowView } from '../schemas/views';
import { clockToMinutes, localMinuteOfDay } from './time';

// Which windows serve a category: the kiosk's tiles and confirmation, the hall screen's board,
// the phone page and the hall server's estimate all answer this the same way. A window serves a
// category when the category is in its list; it calls from it only while it is open (paused and
// closed windows call no one).

/** Every window whose list holds the category, in window order. */
export function windowsServing(category: string, windows: readonly WindowView[]): WindowView[] {
  return windows.filter((w) => w.categories.includes(category)).sort((a, b) => a.no - b.no);
}

/** The windows that can call a ticket: the one it was sent to by name, else its category's. */
export function windowsServingTicket(ticket: Pick<TicketView, 'category' | 'targetWindowNo'>, windows: readonly WindowView[]): WindowView[] {
  return ticket.targetWindowNo === null ? windowsServing(ticket.category, windows) : windows.filter((w) => w.no === ticket.targetWindowNo);
}

/** The windows that would call a ticket of the category now. */
export function openWindowsServing(category: string, windows: readonly WindowView[]): WindowView[] {
  return windowsServing(category, windows).filter((w) => w.state === 'open');
}

export interface HallHours {
  timezone: string;
  openingHours: { open: string };
}

/** Before opening time today (hall time): the windows are still expected to open. */
export function isBeforeOpening(now: number, hall: HallHours): boolean {
  return localMinuteOfDay(now, hall.timezone) < clockToMinutes(hall.openingHours.open);
}

/**
 * No window will call from these serving windows as the hall stands. Only open windows call; but
 * before opening time the windows are assumed to open at opening time, so only having no
 * serving window at all is unattended then. The hall server's estimate and refusals go by this
 * as much as the kiosk and screens do.
 */
export function nobodyWillCall(serving: readonly { state: WindowState }[], now: number, hall: HallHours): boolean {
  if (serving.length === 0) return true;
  if (serving.some((w) => w.state === 'open')) return false;
  return !isBeforeOpening(now, hall);
}

/** Nobody will call from the category as the hall stands: people who wait need a guide's help. */
export function isUnattended(category: string, windows: readonly WindowView[], now: number, hall: HallHours): boolean {
  return nobodyWillCall(windowsServing(category, windows), now, hall);
}
