import { callClass, comesBefore, countBefore, joinedAt, type CallClass } from './call-order';
import type { Ticket } from './types';

// The service day's tickets: each by id, all in issue order, and the waiting ones in their
// queues. A command never changes the state it started from, and a busy day holds thousands of
// tickets, so `with` returns a new book that shares all but the few parts it touched with the
// old one: a command costs about the same at the day's ten-thousandth ticket as at its first.
// The queues let routing, the people ahead and the waiting counts look at a few queue heads
// instead of the whole day.

/**
 * One queue's waiting tickets, by call class (0 reactivated, 1 priority, 2 ordinary), each line
 * in call order. Every call takes the head of one line.
 */
export type Queue = readonly [readonly Ticket[], readonly Ticket[], readonly Ticket[]];

/**
 * The waiting tickets as routing reads them: a category's own queue, and the queues of tickets
 * sent to one window by name (one per category).
 */
export interface WaitingQueues {
  /** The queue of `category`'s tickets sent to no window in particular. */
  ofCategory(category: string): Queue | undefined;
  /** The queues of tickets sent to window `windowNo` by name, one per category. */
  sentTo(windowNo: number): Iterable<readonly [string, Queue]>;
}

/** A window number, or null for the tickets any window serving their category may call. */
type Target = number | null;
type Queues = ReadonlyMap<Target, ReadonlyMap<string, Queue>>;

/**
 * Tickets by id are kept in FANOUT pages of FANOUT small maps: a change copies one map (a
 * 4096th of the day) and two arrays of FANOUT, not the day.
 */
const FANOUT_BITS = 6;
const FANOUT = 1 << FANOUT_BITS;
/** Ids in issue order are kept in chunks of this many, so a new ticket copies one chunk. */
const CHUNK = 256;

type Bucket = ReadonlyMap<string, Ticket>;
type Page = readonly Bucket[];

/** Where the ticket with this id is kept: page `slot >>> FANOUT_BITS`, map `slot & (FANOUT - 1)` in it. */
function slotOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return hash & (FANOUT * FANOUT - 1);
}

const NO_TICKETS: Bucket = new Map();
const EMPTY_PAGE: Page = new Array<Bucket>(FANOUT).fill(NO_TICKETS);
const EMPTY_QUEUE: Queue = [[], [], []];

export class TicketBook implements WaitingQueues {
  static readonly empty = new TicketBook(new Array<Page>(FANOUT).fill(EMPTY_PAGE), [], 0, new Map(), 0);

  static of(tickets: Iterable<Ticket>): TicketBook {
    let book = TicketBook.empty;
    for (const ticket of tickets) book = book.with(ticket);
    return book;
  }

  private constructor(
    private readonly pages: readonly Page[],
    private readonly order: readonly (readonly string[])[],
    readonly size: number,
    private readonly queues: Queues,
    /** Tickets waiting, in every queue. */
    readonly waitingCount: number,
  ) {}

  get(id: string): Ticket | undefined {
    const slot = slotOf(id);
    return this.pages[slot >>> FANOUT_BITS]![slot & (FANOUT - 1)]!.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The tickets in the order they were issued. */
  *values(): IterableIterator<Ticket> {
    for (const chunk of this.order) for (const id of chunk) yield this.get(id)!;
  }

  *entries(): IterableIterator<[string, Ticket]> {
    for (const ticket of this.values()) yield [ticket.id, ticket];
  }

  [Symbol.iterator](): IterableIterator<[string, Ticket]> {
    return this.entries();
  }

  /** The book with `ticket` added, or replacing the ticket of the same id. */
  with(ticket: Ticket): TicketBook {
    const slot = slotOf(ticket.id);
    const page = slot >>> FANOUT_BITS;
    const bucket = slot & (FANOUT - 1);
    const old = this.pages[page]![bucket]!.get(ticket.id);
    const changedPage = [...this.pages[page]!];
    changedPage[bucket] = new Map(changedPage[bucket]).set(ticket.id, ticket);
    const pages = [...this.pages];
    pages[page] = changedPage;

    let order = this.order;
    if (old === undefined) {
      const last = order[order.length - 1];
      order = last === undefined || last.length === CHUNK ? [...order, [ticket.id]] : [...order.slice(0, -1), [...last, ticket.id]];
    }

    let queues = this.queues;
    let waitingCount = this.waitingCount;
    if (old?.status === 'waiting') {
      queues = withoutTicket(queues, old);
      waitingCount--;
    }
    if (ticket.status === 'waiting') {
      queues = withTicket(queues, ticket);
      waitingCount++;
    }
    return new TicketBook(pages, order, old === undefined ? this.size + 1 : this.size, queues, waitingCount);
  }

  ofCategory(category: string): Queue | undefined {
    return this.queues.get(null)?.get(category);
  }

  sentTo(windowNo: number): Iterable<readonly [string, Queue]> {
    return this.queues.get(windowNo) ?? NO_QUEUES;
  }

  /** Tickets of `category` waiting, whether sent to a window or not. */
  waitingInCategory(category: string): number {
    let waiting = 0;
    for (const byCategory of this.queues.values()) waiting += queueLength(byCategory.get(category));
    return waiting;
  }

  /**
   * The ticket of `category` waiting longest (the earliest to join its queue), whether sent to a
   * window or not: each line is in joining order, so only the lines' heads are looked at.
   */
  longestWaiting(category: string): Ticket | undefined {
    let longest: Ticket | undefined;
    for (const byCategory of this.queues.values()) {
      for (const line of byCategory.get(category) ?? EMPTY_QUEUE) {
        const head = line[0];
        if (head !== undefined && (longest === undefined || joinedAt(head) < joinedAt(longest))) longest = head;
      }
    }
    return longest;
  }

  /** Waiting queues the caller may take tickets from, for playing the queue forward. */
  waitingCopy(): WaitingCopy {
    return new WaitingCopy(this.queues);
  }
}

const NO_QUEUES: ReadonlyMap<string, Queue> = new Map();

export function queueLength(queue: Queue | undefined): number {
  return queue === undefined ? 0 : queue[0].length + queue[1].length + queue[2].length;
}

function targetOf(ticket: Ticket): Target {
  return ticket.targetWindowNo;
}

function withQueue(queues: Queues, target: Target, category: string, queue: Queue): Queues {
  const byCategory = new Map(queues.get(target) ?? NO_QUEUES);
  if (queueLength(queue) === 0) byCategory.delete(category);
  else byCategory.set(category, queue);
  const next = new Map(queues);
  if (byCategory.size === 0) next.delete(target);
  else next.set(target, byCategory);
  return next;
}

function withLine(queue: Queue, cls: CallClass, line: readonly Ticket[]): Queue {
  const next: [readonly Ticket[], readonly Ticket[], readonly Ticket[]] = [...queue];
  next[cls] = line;
  return next;
}

function withTicket(queues: Queues, ticket: Ticket): Queues {
  const queue = queues.get(targetOf(ticket))?.get(ticket.category) ?? EMPTY_QUEUE;
  const cls = callClass(ticket);
  const line = queue[cls];
  // Almost every ticket joins at the end of its line: the newest of its class.
  const at = line.length === 0 || comesBefore(line[line.length - 1]!, ticket) ? line.length : countBefore(line, ticket);
  return withQueue(queues, targetOf(ticket), ticket.category, withLine(queue, cls, line.toSpliced(at, 0, ticket)));
}

function withoutTicket(queues: Queues, ticket: Ticket): Queues {
  const queue = queues.get(targetOf(ticket))?.get(ticket.category);
  if (queue === undefined) throw new Error(`waiting ticket ${ticket.id} is in no queue`);
  const cls = callClass(ticket);
  const line = queue[cls];
  const at = countBefore(line, ticket);
  if (line[at]?.id !== ticket.id) throw new Error(`waiting ticket ${ticket.id} is not where its queue should hold it`);
  return withQueue(queues, targetOf(ticket), ticket.category, withLine(queue, cls, line.toSpliced(at, 1)));
}

/**
 * A private copy of the waiting queues to play the queue forward on: tickets are taken from the
 * head of their line as the windows would call them. Copying costs the tickets waiting, once.
 */
export class WaitingCopy implements WaitingQueues {
  private readonly queues: Map<Target, Map<string, [Ticket[], Ticket[], Ticket[]]>>;

  constructor(queues: Queues) {
    this.queues = new Map(
      [...queues].map(([target, byCategory]) => [target, new Map([...byCategory].map(([category, q]) => [category, [[...q[0]], [...q[1]], [...q[2]]]]))]),
    );
  }

  ofCategory(category: string): Queue | undefined {
    return this.queues.get(null)?.get(category);
  }

  sentTo(windowNo: number): Iterable<readonly [string, Queue]> {
    return this.queues.get(windowNo) ?? NO_QUEUES;
  }

  /** Takes a called ticket out; it must be at the head of its line. */
  take(ticket: Ticket): void {
    const line = this.queues.get(targetOf(ticket))?.get(ticket.category)?.[callClass(ticket)];
    if (line?.[0]?.id !== ticket.id) throw new Error(`ticket ${ticket.id} is not at the head of its line`);
    line.shift();
  }
}
