import { pickNext, servesTicket } from './routing';
import { windowConfig } from './state';
import type { HallState, Ticket } from './types';
import { streakAfter } from './wait-lookahead';

export interface WindowDay {
  waiting: { code: string; waiting: number }[];
  sentHere: number;
  servedToday: number;
  averageHandlingMs: number | null;
  /** The first `listed` tickets the window would call, in that order (for 点号). */
  queue: Ticket[];
  /** Today's no-shows it called or could call, latest first (for 恢复过号). */
  noShows: Ticket[];
}

/** How many tickets a console lists to pick from; the rest can still be typed. */
export const LISTED = 40;

/** How a window's service day stands: who it may call next, and what it has done. */
export function windowDay(state: HallState, windowNo: number, now: number): WindowDay {
  const window = windowConfig(state, windowNo);
  const waiting = new Map(window.categories.map((code) => [code, 0]));
  let sentHere = 0;
  let servedToday = 0;
  let handlingMs = 0;
  const noShows: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'waiting') {
      if (ticket.targetWindowNo === windowNo) sentHere++;
      else if (ticket.targetWindowNo === null && waiting.has(ticket.category)) waiting.set(ticket.category, waiting.get(ticket.category)! + 1);
    } else if (ticket.status === 'finished' && ticket.windowNo === windowNo && ticket.finishedAt !== null && ticket.calledAt !== null) {
      servedToday++;
      handlingMs += ticket.finishedAt - ticket.calledAt;
    } else if (ticket.status === 'no_show' && (ticket.windowNo === windowNo || servesTicket(window, ticket))) {
      noShows.push(ticket);
    }
  }
  // Called last, latest first: the visitor who just came back is the one at the top.
  noShows.sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0));
  return {
    waiting: [...waiting].map(([code, count]) => ({ code, waiting: count })),
    sentHere,
    servedToday,
    averageHandlingMs: servedToday === 0 ? null : handlingMs / servedToday,
    queue: callOrder(state, windowNo, now),
    noShows: noShows.slice(0, LISTED),
  };
}

/** The tickets the window would call if it alone called from now on, by the real routing rules. */
function callOrder(state: HallState, windowNo: number, now: number): Ticket[] {
  const waiting = state.tickets.waitingCopy();
  const windows = new Map(state.windows);
  const later: HallState = { ...state, windows };
  const order: Ticket[] = [];
  while (order.length < LISTED) {
    const pick = pickNext(later, windowNo, now, waiting);
    if (pick === null) break;
    order.push(pick.ticket);
    waiting.take(pick.ticket);
    const window = windows.get(windowNo)!;
    windows.set(windowNo, { ...window, priorityStreak: streakAfter(window, pick.ticket) });
  }
  return order;
}
