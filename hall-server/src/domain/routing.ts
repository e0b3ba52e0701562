import type { HallWindow } from '@hall/shared';
import { windowConfig, windowStatus } from './state';
import type { HallState, Ticket } from './types';

// Which waiting ticket a window calls next, and how many people stand before a ticket.
//
// Within a queue: reactivated no-shows first (they already had their turn), then priority
// tickets (绿色通道, appointments), then by issue time. A transferred ticket keeps its issue
// time, so it goes ahead of everyone issued after it.

/** Sort key within one queue; smaller goes first. */
function rank(ticket: Ticket): [number, number, number] {
  if (ticket.reactivatedAt !== null) return [0, ticket.reactivatedAt, ticket.seq];
  return [ticket.priority !== null ? 1 : 2, ticket.issuedAt, ticket.seq];
}

export function comesBefore(a: Ticket, b: Ticket): boolean {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    if (ra[i]! !== rb[i]!) return ra[i]! < rb[i]!;
  }
  return a.category < b.category;
}

function first(tickets: readonly Ticket[]): Ticket | null {
  let best: Ticket | null = null;
  for (const ticket of tickets) {
    if (best === null || comesBefore(ticket, best)) best = ticket;
  }
  return best;
}

/** A ticket sent to a window by name is that window's alone; others go to any window serving its category. */
export function servesTicket(window: HallWindow, ticket: Ticket): boolean {
  if (ticket.targetWindowNo !== null) return ticket.targetWindowNo === window.no;
  return window.categories.includes(ticket.category);
}

export function waitingFor(state: HallState, window: HallWindow): Ticket[] {
  const waiting: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'waiting' && servesTicket(window, ticket)) waiting.push(ticket);
  }
  return waiting;
}

export interface Pick {
  ticket: Ticket;
  how: 'next' | 'fairness' | 'reactivated';
}

export function pickNext(state: HallState, windowNo: number, now: number): Pick | null {
  const window = windowConfig(state, windowNo);
  const waiting = waitingFor(state, window);
  if (waiting.length === 0) return null;

  const reactivated = first(waiting.filter((t) => t.reactivatedAt !== null));
  if (reactivated) return { ticket: reactivated, how: 'reactivated' };

  const pick = byRouting(window, waiting);
  // Priority never starves the others: after a streak of priority calls, an ordinary ticket
  // that has waited too long is served before the next priority one.
  const { priorityStreakLimit, ordinaryMaxWaitMinutes } = state.setup.settings.rules;
  if (pick && pick.priority !== null && windowStatus(state, windowNo).priorityStreak >= priorityStreakLimit) {
    const oldestOrdinary = first(waiting.filter((t) => t.priority === null));
    if (oldestOrdinary && now - oldestOrdinary.issuedAt >= ordinaryMaxWaitMinutes * 60_000) {
      return { ticket: oldestOrdinary, how: 'fairness' };
    }
  }
  return pick ? { ticket: pick, how: 'next' } : null;
}

function byRouting(window: HallWindow, waiting: readonly Ticket[]): Ticket | null {
  if (window.routing === 'fifo') return first(waiting);
  // ordered: the first category in the window's list with anyone waiting. A ticket sent here
  // by name in a category this window does not list has nowhere else to go: it comes first.
  const outsideList = waiting.filter((t) => !window.categories.includes(t.category));
  if (outsideList.length > 0) return first(outsideList);
  for (const category of window.categories) {
    const ticket = first(waiting.filter((t) => t.category === category));
    if (ticket) return ticket;
  }
  return null;
}

/** Tickets in the same queue as `ticket` that will be called before it. */
export function peopleAhead(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  let ahead = 0;
  for (const other of state.tickets.values()) {
    if (other.id === ticket.id || other.status !== 'waiting') continue;
    const sameQueue =
      ticket.targetWindowNo !== null
        ? other.targetWindowNo === ticket.targetWindowNo
        : other.targetWindowNo === null && other.category === ticket.category;
    if (sameQueue && comesBefore(other, ticket)) ahead++;
  }
  return ahead;
}

export function waitingInCategory(state: HallState, category: string): number {
  let waiting = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'waiting' && ticket.category === category) waiting++;
  }
  return waiting;
}
