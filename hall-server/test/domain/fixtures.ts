import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { z } from 'zod';
import { Category, HallSettings, HallWindow, Staff, type CategoryCode, type ErrorCode, type PriorityKind } from '@hall/shared';
import {
  DomainError,
  callNext,
  callNumber,
  finish,
  initialState,
  issueTicket,
  markNoShow,
  openServiceDay,
  pause,
  reactivate,
  recall,
  resume,
  signIn,
  signOut,
  transfer,
  undoNoShow,
  type CommandContext,
  type HallEvent,
  type HallSetup,
  type HallState,
  type Outcome,
  type Ticket,
  type TransferTarget,
  type WindowStatus,
} from '../../src/domain';

// A small hall for the queue rules, a clock the test moves by hand, and a harness that threads
// the state from one command to the next and checks every outcome lists the rows it changed.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Monday 2 March 2026, 09:00 in the hall (Asia/Shanghai, UTC+8): opening time. */
export const T0 = Date.parse('2026-03-02T09:00:00+08:00');

/** An instant given as Shanghai local wall time, e.g. `sh('2026-03-02 17:00')`. */
export function sh(local: string): number {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad local time ${local}`);
  return ms;
}

export class FakeClock {
  constructor(public now: number = T0) {}
  advance(minutes: number): number {
    this.now += minutes * MINUTE;
    return this.now;
  }
  advanceMs(ms: number): number {
    this.now += ms;
    return this.now;
  }
  set(instant: number): number {
    this.now = instant;
    return this.now;
  }
}

export function idGenerator(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export type SettingsInput = Omit<z.input<typeof HallSettings>, 'name'> & { name?: string };
export type CategoryInput = z.input<typeof Category>;
export type WindowInput = z.input<typeof HallWindow>;
export type StaffInput = z.input<typeof Staff>;

export const DEFAULT_CATEGORIES: CategoryInput[] = [
  { code: 'A', name: '综合受理', defaultHandlingMinutes: 10 },
  { code: 'B', name: '不动产登记', defaultHandlingMinutes: 20 },
  { code: 'C', name: '社保医保' },
  // No window serves D: a category the kiosk offers but nobody at the counters.
  { code: 'D', name: '公积金' },
];

/**
 * Windows 1 and 2 serve A; window 3 serves A and B (fifo); window 4 serves B then A (ordered);
 * window 5 serves C.
 */
export const DEFAULT_WINDOWS: WindowInput[] = [
  { no: 1, name: '1号窗口', department: '综合窗口', categories: ['A'] },
  { no: 2, name: '2号窗口', department: '综合窗口', categories: ['A'] },
  { no: 3, name: '3号窗口', department: '综合窗口', categories: ['A', 'B'] },
  { no: 4, name: '4号窗口', department: '自然资源局', categories: ['B', 'A'], routing: 'ordered' },
  { no: 5, name: '5号窗口', department: '人社局', categories: ['C'] },
];

/** Staff 10N works at window N; 199 may sign in anywhere; 300 (the duty captain) at none. */
export const DEFAULT_STAFF: StaffInput[] = [
  { staffNo: '101', name: '张一', windows: [1] },
  { staffNo: '102', name: '王二', windows: [2] },
  { staffNo: '103', name: '李三', windows: [3] },
  { staffNo: '104', name: '赵四', windows: [4] },
  { staffNo: '105', name: '钱五', windows: [5] },
  { staffNo: '199', name: '孙机动', windows: [1, 2, 3, 4, 5] },
  { staffNo: '300', name: '周值班长', roles: ['captain'] },
];

export interface SetupOptions {
  settings?: SettingsInput;
  categories?: CategoryInput[];
  windows?: WindowInput[];
  staff?: StaffInput[];
}

/** Two windows for 综合受理, one for 不动产登记: the waiting-estimate tests' hall. */
export const SMALL_HALL: SetupOptions = {
  categories: [
    { code: 'A', name: '综合受理', defaultHandlingMinutes: 10 },
    { code: 'B', name: '不动产登记', defaultHandlingMinutes: 20 },
    { code: 'D', name: '公积金', defaultHandlingMinutes: 8 },
  ],
  windows: [
    { no: 1, name: '1号', department: '综合', categories: ['A'] },
    { no: 2, name: '2号', department: '综合', categories: ['A'] },
    { no: 3, name: '3号', department: '自然资源', categories: ['B'] },
  ],
  staff: [
    { staffNo: '101', name: '甲', windows: [1] },
    { staffNo: '102', name: '乙', windows: [2] },
    { staffNo: '103', name: '丙', windows: [3] },
  ],
};

/** The hall set-up, parsed by the shared schemas so every default applies. */
export function buildSetup(options: SetupOptions = {}): HallSetup {
  return {
    settings: HallSettings.parse({ name: '测试大厅', ...options.settings }),
    categories: (options.categories ?? DEFAULT_CATEGORIES).map((c) => Category.parse(c)),
    windows: (options.windows ?? DEFAULT_WINDOWS).map((w) => HallWindow.parse(w)),
    staff: (options.staff ?? DEFAULT_STAFF).map((s) => Staff.parse(s)),
  };
}

/** Asserts `fn` throws a DomainError with `code`; returns the error for further checks. */
export function expectDomainError(fn: () => unknown, code: ErrorCode): DomainError {
  let thrown: unknown = null;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === null) throw new Error(`expected DomainError ${code}, but the command succeeded`);
  expect(thrown).toBeInstanceOf(DomainError);
  expect((thrown as DomainError).code).toBe(code);
  return thrown as DomainError;
}

/** Everything a command could mutate, as a string (cheap to take and compare). */
function snapshot(state: HallState): string {
  return JSON.stringify({
    serviceDate: state.serviceDate,
    counters: state.counters,
    tickets: [...state.tickets.entries()],
    windows: [...state.windows.entries()],
    handlingTimes: state.handlingTimes,
  });
}

/**
 * What the store relies on: the command left its input alone; every ticket and window that
 * changed is listed (and listed as it now stands); a listed ticket the state no longer holds
 * is one of the old day's, expired; events belong to the service day (expiries to the old one).
 */
export function checkOutcome(before: HallState, beforeSnapshot: string, outcome: Outcome<unknown>): void {
  const beforeNow = snapshot(before);
  if (beforeNow !== beforeSnapshot) expect(JSON.parse(beforeNow), 'the command mutated its input state').toEqual(JSON.parse(beforeSnapshot));
  const after = outcome.state;

  const listedTickets = new Map(outcome.tickets.map((t) => [t.id, t]));
  expect(listedTickets.size, 'a ticket listed twice').toBe(outcome.tickets.length);
  for (const [id, ticket] of after.tickets) {
    const was = before.tickets.get(id);
    if (was !== ticket && !isDeepStrictEqual(was, ticket)) {
      expect(listedTickets.get(id), `changed ticket ${ticket.number} not listed`).toEqual(ticket);
    }
  }
  for (const listed of outcome.tickets) {
    const inState = after.tickets.get(listed.id);
    if (inState) {
      expect(listed).toEqual(inState);
    } else {
      expect(listed.status, `listed ticket ${listed.number} is gone from the state`).toBe('expired');
      expect(before.tickets.has(listed.id)).toBe(true);
    }
  }

  for (const [id, was] of before.tickets) {
    if (after.tickets.has(id) || (was.status !== 'waiting' && was.status !== 'called')) continue;
    expect(listedTickets.get(id), `live ticket ${was.number} dropped without an expiry row`).toEqual({ ...was, status: 'expired' });
  }

  const listedWindows = new Map(outcome.windows.map((w) => [w.no, w]));
  expect(listedWindows.size, 'a window listed twice').toBe(outcome.windows.length);
  for (const [no, window] of after.windows) {
    const was = before.windows.get(no);
    if (was !== window && !isDeepStrictEqual(was, window)) {
      expect(listedWindows.get(no), `changed window ${no} not listed`).toEqual(window);
    }
  }
  for (const listed of outcome.windows) {
    // A window taken out of the hall is written as it was left, and the state forgets it.
    if (!after.windows.has(listed.no) && !after.setup.windows.some((w) => w.no === listed.no)) continue;
    expect(listed).toEqual(after.windows.get(listed.no));
  }

  const listedEvaluations = new Map(outcome.evaluations.map((e) => [e.ticketId, e]));
  expect(listedEvaluations.size, 'an evaluation listed twice').toBe(outcome.evaluations.length);
  for (const [id, evaluation] of after.evaluations) {
    if (before.evaluations.get(id) !== evaluation) expect(listedEvaluations.get(id), `changed evaluation ${id} not listed`).toEqual(evaluation);
  }
  for (const [id, was] of before.evaluations) {
    if (after.evaluations.has(id) || was.status !== 'pending') continue;
    // A level the visitor touched at the pad is recorded; otherwise the ticket is 未评价.
    const closed = was.held ? expect.objectContaining({ ticketId: id, status: 'rated', level: was.held.level, held: null }) : { ...was, status: 'unrated' };
    expect(listedEvaluations.get(id), `pending evaluation ${was.number} dropped without a closing row`).toEqual(closed);
  }

  const heldAtDayEnd = new Set(outcome.events.flatMap((e) => (e.type === 'evaluation.rated' && e.fromHeld === 'day_end' ? [e.ticketId] : [])));
  for (const event of outcome.events) {
    const closedAtDayEnd =
      (event.type === 'evaluation.unrated' && event.reason === 'day_end') ||
      (event.type === 'evaluation.rated' && event.fromHeld === 'day_end') ||
      (event.type === 'follow_up.opened' && heldAtDayEnd.has(event.ticketId));
    if (event.type === 'ticket.expired' || closedAtDayEnd) {
      expect(event.serviceDate).toBe(before.serviceDate);
    } else {
      expect(event.serviceDate).toBe(after.serviceDate);
    }
  }
}

export type Cmd<R> = (state: HallState, ctx: CommandContext) => Outcome<R>;

/** A hall under test: threads the state through commands, with a hand-moved clock. */
export class TestHall {
  state: HallState;
  readonly clock: FakeClock;
  readonly newId: () => string;
  /** Every event of every successful command, in order. */
  readonly log: HallEvent[] = [];

  constructor(setup: HallSetup | SetupOptions = {}, start: number = T0) {
    this.state = initialState(isSetup(setup) ? setup : buildSetup(setup));
    this.clock = new FakeClock(start);
    this.newId = idGenerator('t');
  }

  get ctx(): CommandContext {
    return { now: this.clock.now, newId: this.newId };
  }

  get now(): number {
    return this.clock.now;
  }

  advance(minutes: number): this {
    this.clock.advance(minutes);
    return this;
  }

  setClock(instant: number): this {
    this.clock.set(instant);
    return this;
  }

  run<R>(command: Cmd<R>): Outcome<R> {
    const before = this.state;
    const beforeSnapshot = snapshot(before);
    const outcome = command(before, this.ctx);
    checkOutcome(before, beforeSnapshot, outcome);
    this.state = outcome.state;
    this.log.push(...outcome.events);
    return outcome;
  }

  /** Asserts the command is refused with `code` and leaves the state as it was. */
  refuse(command: Cmd<unknown>, code: ErrorCode): DomainError {
    const before = this.state;
    const beforeSnapshot = snapshot(before);
    const error = expectDomainError(() => command(before, this.ctx), code);
    const beforeNow = snapshot(before);
    if (beforeNow !== beforeSnapshot) expect(JSON.parse(beforeNow), 'a refused command mutated the state').toEqual(JSON.parse(beforeSnapshot));
    return error;
  }

  // --- commands -------------------------------------------------------------------------------

  issue(category: CategoryCode = 'A', priority: PriorityKind | null = null) {
    return this.run((s, c) => issueTicket(s, { category, priority, secret: `secret-${c.now}-${category}` }, c));
  }

  /** Issues and returns the ticket's number. */
  take(category: CategoryCode = 'A', priority: PriorityKind | null = null): string {
    return this.issue(category, priority).result.ticket.number;
  }

  signIn(windowNo: number, staffNo: string = `10${windowNo}`) {
    return this.run((s, c) => signIn(s, { windowNo, staffNo }, c));
  }

  signOut(windowNo: number, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => signOut(s, { windowNo, staffNo }, c));
  }

  callNext(windowNo: number, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => callNext(s, { windowNo, staffNo }, c));
  }

  /** Calls next and returns the number called. */
  next(windowNo: number): string {
    return this.callNext(windowNo).result.number;
  }

  callNumber(windowNo: number, number: string, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => callNumber(s, { windowNo, staffNo, number }, c));
  }

  recall(windowNo: number, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => recall(s, { windowNo, staffNo }, c));
  }

  finish(windowNo: number, caseNo: string | null = null, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => finish(s, { windowNo, staffNo, caseNo }, c));
  }

  noShow(windowNo: number, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => markNoShow(s, { windowNo, staffNo }, c));
  }

  transfer(windowNo: number, target: TransferTarget, note: string | null = null, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => transfer(s, { windowNo, staffNo, target, note }, c));
  }

  undoNoShow(windowNo: number, number: string, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => undoNoShow(s, { windowNo, staffNo, number }, c));
  }

  reactivate(windowNo: number, number: string, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => reactivate(s, { windowNo, staffNo, number }, c));
  }

  pause(windowNo: number, reason = '短暂离开', staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => pause(s, { windowNo, staffNo, reason }, c));
  }

  resume(windowNo: number, staffNo: string = this.staffAt(windowNo)) {
    return this.run((s, c) => resume(s, { windowNo, staffNo }, c));
  }

  openDay() {
    return this.run((s, c) => openServiceDay(s, c));
  }

  // --- looking ---------------------------------------------------------------------------------

  staffAt(windowNo: number): string {
    const staffNo = this.state.windows.get(windowNo)?.staffNo;
    if (!staffNo) throw new Error(`test setup: nobody is signed in at window ${windowNo}`);
    return staffNo;
  }

  ticket(number: string): Ticket {
    const found = [...this.state.tickets.values()].filter((t) => t.number === number);
    if (found.length !== 1) throw new Error(`test setup: ${found.length} tickets numbered ${number}`);
    return found[0]!;
  }

  window(no: number): WindowStatus {
    const window = this.state.windows.get(no);
    if (!window) throw new Error(`test setup: no window ${no}`);
    return window;
  }

  /** The number being served at a window, or null. */
  serving(no: number): string | null {
    const id = this.window(no).currentTicketId;
    return id === null ? null : (this.state.tickets.get(id)?.number ?? `?${id}`);
  }

  /** Calls next at `windowNo` until its queue is empty, finishing each; returns the numbers in call order. */
  drain(windowNo: number): string[] {
    const called: string[] = [];
    for (;;) {
      try {
        called.push(this.next(windowNo));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'QUEUE_EMPTY') return called;
        throw error;
      }
      this.finish(windowNo);
    }
  }
}

function isSetup(value: HallSetup | SetupOptions): value is HallSetup {
  const settings = (value as HallSetup).settings as unknown;
  return typeof settings === 'object' && settings !== null && 'rules' in settings && 'openingHours' in settings && 'timezone' in settings;
}

/** Events of one type from an outcome or a log. */
export function eventsOf<T extends HallEvent['type']>(events: readonly HallEvent[], type: T): Extract<HallEvent, { type: T }>[] {
  return events.filter((e): e is Extract<HallEvent, { type: T }> => e.type === type);
}
