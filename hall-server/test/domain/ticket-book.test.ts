import { describe, expect, it } from 'vitest';
import { TicketBook, type Ticket } from '../../src/domain';
import { comesBefore, joinedAt } from '../../src/domain/call-order';
import type { Queue } from '../../src/domain/ticket-book';
import { seededRandom, type Random } from '../../bench/support/random';
import { T0 } from './fixtures';

// The ticket book against the plainest model there is: a Map of the tickets, and the queues
// found by filtering and sorting the whole day. Random days of issues, calls, transfers,
// reactivations and priorities, including forks from old versions, must agree at every step.

const CATEGORIES = ['A', 'B', 'C'];
const WINDOWS = [1, 2, 3];

function ticket(seq: number, category: string, at: number, priority: boolean): Ticket {
  return {
    id: `t-${category}-${seq}-${at}`,
    secret: null,
    number: `${category}${String(seq).padStart(3, '0')}`,
    category,
    seq,
    serviceDate: '2026-03-02',
    status: 'waiting',
    priority: priority ? 'green_channel' : null,
    issuedAt: at,
    targetWindowNo: null,
    windowNo: null,
    calledAt: null,
    finishedAt: null,
    reactivatedAt: null,
    caseNo: null,
    itemCode: null,
    transfer: null,
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One random change to a day: a new ticket, or a change to one already there. */
function change(random: Random, model: Map<string, Ticket>, now: number): Ticket {
  const tickets = [...model.values()];
  const roll = random();
  if (tickets.length === 0 || roll < 0.4) {
    const category = pick(random, CATEGORIES);
    const seq = tickets.filter((t) => t.number.startsWith(category)).length + 1;
    // Some tickets share an issue time, so the number has to decide.
    return ticket(seq, category, now - (random() < 0.2 ? 1 : 0), random() < 0.2);
  }
  const old = pick(random, tickets);
  if (roll < 0.55) return { ...old, status: 'called', windowNo: pick(random, WINDOWS), calledAt: now };
  if (roll < 0.65) return { ...old, status: 'no_show' };
  if (roll < 0.75) return { ...old, status: 'waiting', reactivatedAt: now };
  if (roll < 0.85) return { ...old, status: 'waiting', targetWindowNo: random() < 0.5 ? pick(random, WINDOWS) : null, category: pick(random, CATEGORIES) };
  return { ...old, status: 'finished', finishedAt: now };
}

function lineOf(model: Map<string, Ticket>, target: number | null, category: string, cls: 0 | 1 | 2): Ticket[] {
  return [...model.values()]
    .filter((t) => t.status === 'waiting' && t.targetWindowNo === target && t.category === category)
    .filter((t) => (t.reactivatedAt !== null ? 0 : t.priority !== null ? 1 : 2) === cls)
    .sort((a, b) => (comesBefore(a, b) ? -1 : 1));
}

function ids(queue: Queue | undefined, cls: 0 | 1 | 2): string[] {
  return (queue?.[cls] ?? []).map((t) => t.id);
}

function expectAgrees(book: TicketBook, model: Map<string, Ticket>): void {
  expect(book.size).toBe(model.size);
  expect([...book.values()]).toEqual([...model.values()]);
  for (const [id, t] of model) expect(book.get(id)).toBe(t);
  expect(book.has('no-such-ticket')).toBe(false);
  expect(book.waitingCount).toBe([...model.values()].filter((t) => t.status === 'waiting').length);
  for (const category of CATEGORIES) {
    expect(book.waitingInCategory(category)).toBe([...model.values()].filter((t) => t.status === 'waiting' && t.category === category).length);
    // The office's longest wait: the earliest to join of the category's waiting tickets, wherever they are sent.
    const joined = [...model.values()].filter((t) => t.status === 'waiting' && t.category === category).map(joinedAt);
    const longest = book.longestWaiting(category);
    expect(longest === undefined ? undefined : joinedAt(longest)).toBe(joined.length === 0 ? undefined : Math.min(...joined));
    for (const cls of [0, 1, 2] as const) {
      expect(ids(book.ofCategory(category), cls)).toEqual(lineOf(model, null, category, cls).map((t) => t.id));
      for (const no of WINDOWS) {
        const sent = new Map(book.sentTo(no));
        expect(ids(sent.get(category), cls)).toEqual(lineOf(model, no, category, cls).map((t) => t.id));
      }
    }
  }
  for (const no of WINDOWS) for (const [, queue] of book.sentTo(no)) expect(queue[0].length + queue[1].length + queue[2].length).toBeGreaterThan(0);
}

describe('TicketBook', () => {
  it('agrees with a plain map and sorted queues over random days', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      let book = TicketBook.empty;
      // Map keeps a replaced key where it was first set: the order tickets were issued in.
      const model = new Map<string, Ticket>();
      for (let step = 0; step < 100; step++) {
        const next = change(random, model, T0 + step * 1000);
        model.set(next.id, next);
        book = book.with(next);
        expectAgrees(book, model);
      }
    }
  });

  it('never changes a book it was made from, and forks from one book stay apart', () => {
    const random = seededRandom(7);
    let book = TicketBook.empty;
    const model = new Map<string, Ticket>();
    for (let step = 0; step < 60; step++) {
      const next = change(random, model, T0 + step * 1000);
      model.set(next.id, next);
      book = book.with(next);
    }
    const before = new Map(model);
    const forks = [0, 1, 2].map((fork) => {
      const forkRandom = seededRandom(100 + fork);
      const forkModel = new Map(before);
      let forked = book;
      for (let step = 0; step < 40; step++) {
        const next = change(forkRandom, forkModel, T0 + (100 + step) * 1000);
        forkModel.set(next.id, next);
        forked = forked.with(next);
      }
      return { forked, forkModel };
    });
    expectAgrees(book, before);
    for (const { forked, forkModel } of forks) expectAgrees(forked, forkModel);
  });

  it('is built from stored tickets in the order given', () => {
    const tickets = [ticket(1, 'A', T0, false), ticket(1, 'B', T0, true), { ...ticket(2, 'A', T0 + 1, false), status: 'finished' as const }];
    const book = TicketBook.of(tickets);
    expect([...book.values()]).toEqual(tickets);
    expect(book.waitingCount).toBe(2);
    expect(ids(book.ofCategory('B'), 1)).toEqual([tickets[1]!.id]);
  });

  it('keeps a day of thousands in more than one bucket and chunk', () => {
    const model = new Map<string, Ticket>();
    let book = TicketBook.empty;
    for (let seq = 1; seq <= 3000; seq++) {
      const t = ticket(seq, CATEGORIES[seq % 3]!, T0 + seq, seq % 10 === 0);
      model.set(t.id, t);
      book = book.with(t);
    }
    expectAgrees(book, model);
  });
});

describe('WaitingCopy', () => {
  it('takes tickets from the heads of their lines and leaves the book as it was', () => {
    const first = ticket(1, 'A', T0, false);
    const second = ticket(2, 'A', T0 + 1, false);
    const book = TicketBook.of([first, second]);
    const copy = book.waitingCopy();
    expect(() => copy.take(second)).toThrow(/head of its line/);
    copy.take(first);
    expect(ids(copy.ofCategory('A'), 2)).toEqual([second.id]);
    expect(ids(book.ofCategory('A'), 2)).toEqual([first.id, second.id]);
  });
});
