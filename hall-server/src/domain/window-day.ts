import { windowConfig } from './state';
import type { HallState } from './types';

export interface WindowDay {
  waiting: { code: string; waiting: number }[];
  sentHere: number;
  servedToday: number;
  averageHandlingMs: number | null;
}

/** How a window's service day stands: who it may call next, and what it has done. */
export function windowDay(state: HallState, windowNo: number): WindowDay {
  const window = windowConfig(state, windowNo);
  const waiting = new Map(window.categories.map((code) => [code, 0]));
  let sentHere = 0;
  let servedToday = 0;
  let handlingMs = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'waiting') {
      if (ticket.targetWindowNo === windowNo) sentHere++;
      else if (ticket.targetWindowNo === null && waiting.has(ticket.category)) waiting.set(ticket.category, waiting.get(ticket.category)! + 1);
    } else if (ticket.status === 'finished' && ticket.windowNo === windowNo && ticket.finishedAt !== null && ticket.calledAt !== null) {
      servedToday++;
      handlingMs += ticket.finishedAt - ticket.calledAt;
    }
  }
  return {
    waiting: [...waiting].map(([code, count]) => ({ code, waiting: count })),
    sentHere,
    servedToday,
    averageHandlingMs: servedToday === 0 ? null : handlingMs / servedToday,
  };
}
