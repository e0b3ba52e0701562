import { openingStillToCome } from './attended';
import { pickNext, servesTicket } from './routing';
import type { HallState, Ticket, WindowStatus } from './types';

// When a waiting ticket will be called if the hall goes on as it stands: nobody else arrives
// and every service takes the time the caller says (`remaining`): its expected time for the
// mean path, or a drawn one for one sampled continuation (estimate.ts). Each window is free at
// a known instant (now if idle, when its service in hand ends if busy). The window free first
// calls whom `pickNext` would call at that instant and is free again one service later; this
// repeats until the ticket is called. The real routing rules make every call, so windows shared
// with other categories, `ordered` windows, priority and reactivated tickets, the fairness rule
// and tickets sent to a window by name all count as they will. Paused and closed windows call
// no one; only before opening time, if no open window serves the ticket, is every window not
// open assumed to open, at opening time. After it such a ticket is never called here (null:
// attended.ts calls it unattended). This is the one place the queue is played forward.

/**
 * The time still to go, in ms, of a service of `category` that has been in hand for
 * `elapsedMs` (0: one about to start). Called once for each service the play meets, in a fixed
 * order (the busy windows in set-up order, then each call as it is made), so a caller drawing
 * times from a seeded generator plays the same continuation for the same seed.
 */
export type RemainingMs = (category: string, elapsedMs: number) => number;

interface Counter {
  no: number;
  freeAt: number;
}

/**
 * The instant the ticket is called if every service takes the time `remaining` gives; null if
 * no window would ever call it.
 */
export function expectedCallAt(state: HallState, ticket: Ticket, now: number, remaining: RemainingMs): number | null {
  if (ticket.status !== 'waiting') return now;
  const counters = countersFor(state, ticket, now, remaining);
  // Private copies to play the queue forward on: who still waits, and the windows' streaks.
  const waiting = state.tickets.waitingCopy();
  const windows = new Map(state.windows);
  const later: HallState = { ...state, windows };

  while (counters.length > 0) {
    const counter = counters.reduce((first, c) => (c.freeAt < first.freeAt ? c : first));
    const pick = pickNext(later, counter.no, counter.freeAt, waiting);
    if (pick === null) {
      // Nothing this window serves is left, and nobody new comes: it calls no one else.
      counters.splice(counters.indexOf(counter), 1);
      continue;
    }
    if (pick.ticket.id === ticket.id) return counter.freeAt;
    waiting.take(pick.ticket);
    const window = windows.get(counter.no)!;
    windows.set(counter.no, { ...window, priorityStreak: streakAfter(window, pick.ticket) });
    counter.freeAt += remaining(pick.ticket.category, 0);
  }
  return null;
}

/** The windows that will call, each with the instant it is next free. */
function countersFor(state: HallState, ticket: Ticket, now: number, remaining: RemainingMs): Counter[] {
  const isOpen = (no: number) => state.windows.get(no)?.state === 'open';
  // Opening time only when no open window serves the ticket: working it out (time zones) costs
  // more than the rest of a short look-ahead, and the sampled estimate plays it many times.
  const opening = state.setup.windows.some((w) => isOpen(w.no) && servesTicket(w, ticket)) ? null : openingStillToCome(state, now);
  const counters: Counter[] = [];
  for (const { no } of state.setup.windows) {
    const status = state.windows.get(no);
    if (!status || !(isOpen(no) || opening !== null)) continue;
    const freeAt = busyUntil(state, status, now, remaining) ?? (isOpen(no) ? now : opening!);
    counters.push({ no, freeAt });
  }
  return counters;
}

/** When the window's service in hand ends; null if it has none. */
function busyUntil(state: HallState, window: WindowStatus, now: number, remaining: RemainingMs): number | null {
  const inHand = window.currentTicketId === null ? undefined : state.tickets.get(window.currentTicketId);
  if (!inHand) return null;
  return now + remaining(inHand.category, Math.max(0, now - (inHand.calledAt ?? now)));
}

/** The window's priority streak after calling `ticket`, as `callNext` keeps it. */
export function streakAfter(window: WindowStatus, ticket: Ticket): number {
  if (ticket.reactivatedAt !== null) return window.priorityStreak;
  return ticket.priority !== null ? window.priorityStreak + 1 : 0;
}
