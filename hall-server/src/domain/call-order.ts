import type { Ticket } from './types';

// The order in which one queue is called: reactivated no-shows first (they already had their
// turn), then priority tickets (绿色通道, appointments), then ordinary ones; within each, by the
// time they joined (a transferred ticket keeps its issue time, so it goes ahead of everyone
// issued after it), then by number.

/** Which part of its queue a waiting ticket stands in: 0 reactivated, 1 priority, 2 ordinary. */
export type CallClass = 0 | 1 | 2;

export function callClass(ticket: Ticket): CallClass {
  if (ticket.reactivatedAt !== null) return 0;
  return ticket.priority !== null ? 1 : 2;
}

/** When a waiting ticket joined its queue: its issue, or a no-show's return. */
export function joinedAt(ticket: Ticket): number {
  return ticket.reactivatedAt ?? ticket.issuedAt;
}

/** Whether `a` is called before `b` when both wait in one queue. */
export function comesBefore(a: Ticket, b: Ticket): boolean {
  const classA = callClass(a);
  const classB = callClass(b);
  if (classA !== classB) return classA < classB;
  const timeA = joinedAt(a);
  const timeB = joinedAt(b);
  if (timeA !== timeB) return timeA < timeB;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.category < b.category;
}

/** How many tickets of `line` (in call order) come before `ticket`. */
export function countBefore(line: readonly Ticket[], ticket: Ticket): number {
  let low = 0;
  let high = line.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comesBefore(line[middle]!, ticket)) low = middle + 1;
    else high = middle;
  }
  return low;
}
