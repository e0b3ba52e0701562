import type { HallWindow } from '@hall/shared';
import { callClass, comesBefore, countBefore, type CallClass } from './call-order';
import { windowConfig, windowStatus } from './state';
import type { Queue, WaitingQueues } from './ticket-book';
import type { HallState, Ticket } from './types';

// Which waiting ticket a window calls next, and how many people stand before a ticket. Both
// read the queues' heads (call-order.ts says the order within a queue), never the whole day.

/** A ticket sent to a window by name is that window's alone; others go to any window serving its category. */
export function servesTicket(window: HallWindow, ticket: Ticket): boolean {
  if (ticket.targetWindowNo !== null) return ticket.targetWindowNo === window.no;
  return window.categories.includes(ticket.category);
}

/** A queue a window calls from, and whether its category is in the window's own list. */
interface ServedQueue {
  category: string;
  listed: boolean;
  queue: Queue;
}

function servedQueues(waiting: WaitingQueues, window: HallWindow): ServedQueue[] {
  const served: ServedQueue[] = [];
  for (const category of window.categories) {
    const queue = waiting.ofCategory(category);
    if (queue) served.push({ category, listed: true, queue });
  }
  for (const [category, queue] of waiting.sentTo(window.no)) {
    served.push({ category, listed: window.categories.includes(category), queue });
  }
  return served;
}

const EVERY_CLASS: readonly CallClass[] = [0, 1, 2];

/**
 * The first to call of the heads of the queues chosen, in the classes given. (Playing the queue
 * forward calls this hundreds of times per ticket issued: it allocates nothing.)
 */
function firstOf(queues: readonly ServedQueue[], classes: readonly CallClass[] = EVERY_CLASS, chosen: (q: ServedQueue) => boolean = () => true): Ticket | null {
  let best: Ticket | null = null;
  for (const served of queues) {
    if (!chosen(served)) continue;
    for (const cls of classes) {
      const head = served.queue[cls][0];
      if (head !== undefined && (best === null || comesBefore(head, best))) best = head;
    }
  }
  return best;
}

export interface Pick {
  ticket: Ticket;
  how: 'next' | 'fairness' | 'reactivated';
}

/** Whom window `windowNo` calls next; `waiting` is the state's own queues unless playing forward. */
export function pickNext(state: HallState, windowNo: number, now: number, waiting: WaitingQueues = state.tickets): Pick | null {
  const window = windowConfig(state, windowNo);
  const served = servedQueues(waiting, window);
  if (served.length === 0) return null;

  const reactivated = firstOf(served, [0]);
  if (reactivated) return { ticket: reactivated, how: 'reactivated' };

  const pick = byRouting(window, served);
  // Priority never starves the others: after a streak of priority calls, an ordinary ticket
  // that has waited too long is served before the next priority one.
  const { priorityStreakLimit, ordinaryMaxWaitMinutes } = state.setup.settings.rules;
  if (pick && pick.priority !== null && windowStatus(state, windowNo).priorityStreak >= priorityStreakLimit) {
    const oldestOrdinary = firstOf(served, [2]);
    if (oldestOrdinary && now - oldestOrdinary.issuedAt >= ordinaryMaxWaitMinutes * 60_000) {
      return { ticket: oldestOrdinary, how: 'fairness' };
    }
  }
  return pick ? { ticket: pick, how: 'next' } : null;
}

function byRouting(window: HallWindow, served: readonly ServedQueue[]): Ticket | null {
  if (window.routing === 'fifo') return firstOf(served);
  // ordered: the first category in the window's list with anyone waiting. A ticket sent here
  // by name in a category this window does not list has nowhere else to go: it comes first.
  const outsideList = firstOf(served, EVERY_CLASS, (q) => !q.listed);
  if (outsideList) return outsideList;
  for (const category of window.categories) {
    const ticket = firstOf(served, EVERY_CLASS, (q) => q.category === category);
    if (ticket) return ticket;
  }
  return null;
}

/** Tickets in the same queue as `ticket` that will be called before it. */
export function peopleAhead(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const queues =
    ticket.targetWindowNo !== null
      ? [...state.tickets.sentTo(ticket.targetWindowNo)].map(([, queue]) => queue)
      : [state.tickets.ofCategory(ticket.category)].filter((queue) => queue !== undefined);
  const cls = callClass(ticket);
  let ahead = 0;
  for (const queue of queues) {
    for (let earlier = 0; earlier < cls; earlier++) ahead += queue[earlier]!.length;
    ahead += countBefore(queue[cls], ticket);
  }
  return ahead;
}

export function waitingInCategory(state: HallState, category: string): number {
  return state.tickets.waitingInCategory(category);
}
