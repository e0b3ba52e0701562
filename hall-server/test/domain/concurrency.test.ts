import { describe, expect, it } from 'vitest';
import type { CategoryCode, ErrorCode, PriorityKind } from '@hall/shared';
import { parseTicketNumber } from '@hall/shared';
import {
  DomainError,
  callNext,
  callNumber,
  finish,
  issueTicket,
  markNoShow,
  pause,
  reactivate,
  recall,
  resume,
  signIn,
  signOut,
  transfer,
  type CommandContext,
  type HallState,
  type Outcome,
  type TransferTarget,
} from '../../src/domain';
import { seededRandom } from '../../bench/support/random';
import { HOUR, MINUTE, TestHall, expectDomainError, idGenerator, sh } from './fixtures';

describe('two windows on one category', () => {
  it('calling one after another on the threaded state never get the same ticket', () => {
    const h = new TestHall({}, sh('2026-03-02 09:00'));
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.take('A');
    const first = h.callNext(1).result;
    const second = h.callNext(2).result;
    expect(first.number).toBe('A001');
    expect(second.number).toBe('A002');
    expect(first.id).not.toBe(second.id);
  });

  it('with one ticket waiting, the second gets QUEUE_EMPTY', () => {
    const h = new TestHall({}, sh('2026-03-02 09:00'));
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.callNext(1);
    expectDomainError(() => h.callNext(2), 'QUEUE_EMPTY');
    expect(h.window(2).currentTicketId).toBeNull();
  });

  it('with one ticket waiting, by number at the second window gets TICKET_NOT_WAITING', () => {
    const h = new TestHall({}, sh('2026-03-02 09:00'));
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    h.callNext(1);
    expectDomainError(() => h.callNumber(2, 'A001'), 'TICKET_NOT_WAITING');
  });

  it('commands are pure: the old state is untouched and replaying it gives the same outcome', () => {
    // What makes serialising commands in the store enough: nothing leaks between two runs.
    const h = new TestHall({}, sh('2026-03-02 09:00'));
    h.signIn(1);
    h.signIn(2);
    h.take('A');
    const before = h.state;
    const ctx: CommandContext = { now: h.now, newId: idGenerator('x') };
    const a = callNext(before, { windowNo: 1, staffNo: '101' }, ctx);
    const b = callNext(before, { windowNo: 1, staffNo: '101' }, ctx);
    expect(a).toEqual(b);
    expect(before.tickets.get(a.result.id)!.status).toBe('waiting');
    expect(before.windows.get(1)!.currentTicketId).toBeNull();
    // Applied in turn, the second window sees the first one's call.
    expectDomainError(() => callNext(a.state, { windowNo: 2, staffNo: '102' }, ctx), 'QUEUE_EMPTY');
  });
});

// --- a random walk through a day (or a few) -------------------------------------------------

const CATEGORIES: CategoryCode[] = ['A', 'A', 'A', 'B', 'B', 'C', 'D'];
const PRIORITIES: PriorityKind[] = ['green_channel', 'appointment'];
const STAFF_FOR: Record<number, string[]> = { 1: ['101', '199'], 2: ['102', '199'], 3: ['103', '199'], 4: ['104', '199'], 5: ['105', '199'] };
const AT_WINDOW: ErrorCode[] = ['WRONG_WINDOW'];

type Op = { name: string; weight: number; allowed: ErrorCode[]; run: (h: TestHall, rnd: () => number) => Outcome<unknown> };

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** The staff signed in at a window, or (mostly to be refused) someone who might be. */
function someoneAt(h: TestHall, rnd: () => number, windowNo: number): string {
  return h.state.windows.get(windowNo)?.staffNo ?? pick(rnd, STAFF_FOR[windowNo]!);
}

function someNumber(h: TestHall, rnd: () => number, status?: string): string {
  const tickets = [...h.state.tickets.values()].filter((t) => status === undefined || t.status === status);
  if (tickets.length === 0 || rnd() < 0.1) return `${pick(rnd, ['A', 'B', 'C'])}${String(1 + Math.floor(rnd() * 40)).padStart(3, '0')}`;
  return pick(rnd, tickets).number;
}

function atWindow<R>(
  command: (s: HallState, at: { windowNo: number; staffNo: string }, c: CommandContext, h: TestHall, rnd: () => number) => Outcome<R>,
) {
  return (h: TestHall, rnd: () => number) => {
    // Mostly a window someone is signed in at; sometimes any window (to be refused).
    const staffed = [...h.state.windows.values()].filter((w) => w.staffNo !== null).map((w) => w.no);
    const windowNo = staffed.length > 0 && rnd() < 0.85 ? pick(rnd, staffed) : 1 + Math.floor(rnd() * 5);
    const staffNo = someoneAt(h, rnd, windowNo);
    return h.run((s, c) => command(s, { windowNo, staffNo }, c, h, rnd));
  };
}

const OPS: Op[] = [
  {
    name: 'issue',
    weight: 4,
    allowed: [],
    run: (h, rnd) => h.issue(pick(rnd, CATEGORIES), rnd() < 0.2 ? pick(rnd, PRIORITIES) : null),
  },
  { name: 'callNext', weight: 6, allowed: [...AT_WINDOW, 'QUEUE_EMPTY', 'TICKET_IN_SERVICE', 'WINDOW_PAUSED'], run: atWindow((s, at, c) => callNext(s, at, c)) },
  {
    name: 'callNumber',
    weight: 2,
    allowed: [...AT_WINDOW, 'TICKET_IN_SERVICE', 'WINDOW_PAUSED', 'TICKET_NOT_FOUND', 'TICKET_NOT_WAITING', 'TICKET_NOT_SERVED_HERE'],
    run: atWindow((s, at, c, h, rnd) => callNumber(s, { ...at, number: someNumber(h, rnd, rnd() < 0.7 ? 'waiting' : undefined) }, c)),
  },
  { name: 'finish', weight: 5, allowed: [...AT_WINDOW, 'NO_CURRENT_TICKET'], run: atWindow((s, at, c, _h, rnd) => finish(s, { ...at, caseNo: rnd() < 0.5 ? null : 'CASE' }, c)) },
  { name: 'noShow', weight: 2, allowed: [...AT_WINDOW, 'NO_CURRENT_TICKET'], run: atWindow((s, at, c) => markNoShow(s, at, c)) },
  { name: 'recall', weight: 1, allowed: [...AT_WINDOW, 'NO_CURRENT_TICKET'], run: atWindow((s, at, c) => recall(s, at, c)) },
  {
    name: 'transfer',
    weight: 2,
    allowed: [...AT_WINDOW, 'NO_CURRENT_TICKET', 'TRANSFER_TARGET_INVALID'],
    run: atWindow((s, at, c, _h, rnd) => {
      const target: TransferTarget = rnd() < 0.5 ? { toCategory: pick(rnd, ['A', 'B', 'C', 'D']) } : { toWindowNo: 1 + Math.floor(rnd() * 5) };
      return transfer(s, { ...at, target, note: null }, c);
    }),
  },
  {
    name: 'reactivate',
    weight: 1,
    allowed: [...AT_WINDOW, 'TICKET_NOT_FOUND', 'TICKET_NOT_NO_SHOW'],
    run: atWindow((s, at, c, h, rnd) => reactivate(s, { ...at, number: someNumber(h, rnd, rnd() < 0.8 ? 'no_show' : undefined) }, c)),
  },
  { name: 'pause', weight: 1, allowed: [...AT_WINDOW, 'WINDOW_PAUSED'], run: atWindow((s, at, c) => pause(s, { ...at, reason: '暂离' }, c)) },
  { name: 'resume', weight: 1, allowed: [...AT_WINDOW, 'WINDOW_NOT_PAUSED'], run: atWindow((s, at, c) => resume(s, at, c)) },
  {
    name: 'signIn',
    weight: 1,
    allowed: ['TICKET_IN_SERVICE'],
    run: (h, rnd) => {
      const windowNo = 1 + Math.floor(rnd() * 5);
      const staffNo = pick(rnd, STAFF_FOR[windowNo]!);
      return h.run((s, c) => signIn(s, { windowNo, staffNo }, c));
    },
  },
  { name: 'signOut', weight: 0.5, allowed: [...AT_WINDOW, 'TICKET_IN_SERVICE'], run: atWindow((s, at, c) => signOut(s, at, c)) },
];
const TOTAL_WEIGHT = OPS.reduce((sum, op) => sum + op.weight, 0);

function chooseOp(rnd: () => number): Op {
  let r = rnd() * TOTAL_WEIGHT;
  for (const op of OPS) {
    r -= op.weight;
    if (r < 0) return op;
  }
  return OPS[OPS.length - 1]!;
}

/** Moves the clock: mostly a few minutes on, sometimes back, sometimes into the next day. */
function tick(h: TestHall, rnd: () => number): void {
  const r = rnd();
  if (r < 0.015) {
    const startOfDay = Math.floor((h.now + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
    h.setClock(startOfDay + 24 * HOUR + pick(rnd, [10, 30, 8 * 60 + 50, 9 * 60, 12 * 60, 17 * 60 + 30]) * MINUTE);
  } else if (r < 0.03) {
    h.clock.advance(-Math.floor(rnd() * 90));
  } else {
    h.clock.advanceMs(Math.floor(rnd() * 4 * MINUTE));
  }
}

function checkInvariants(h: TestHall, where: string): void {
  const s = h.state;
  const fail = (message: string) => {
    throw new Error(`${where}: ${message}`);
  };
  const holder = new Map<string, number>();
  const staffSeen = new Set<string>();
  for (const w of s.windows.values()) {
    if (w.state === 'closed') {
      if (w.staffNo !== null) fail(`closed window ${w.no} has staff ${w.staffNo}`);
      if (w.currentTicketId !== null) fail(`closed window ${w.no} still serves ${w.currentTicketId}`);
    } else if (w.staffNo === null) {
      fail(`window ${w.no} is ${w.state} with nobody signed in`);
    }
    if (w.state !== 'paused' && w.pauseReason !== null) fail(`window ${w.no} is ${w.state} with a pause reason`);
    if (w.staffNo !== null) {
      if (staffSeen.has(w.staffNo)) fail(`staff ${w.staffNo} signed in at two windows`);
      staffSeen.add(w.staffNo);
    }
    if (w.currentTicketId === null) continue;
    if (holder.has(w.currentTicketId)) fail(`ticket ${w.currentTicketId} called at windows ${holder.get(w.currentTicketId)} and ${w.no}`);
    holder.set(w.currentTicketId, w.no);
    const t = s.tickets.get(w.currentTicketId);
    if (!t) fail(`window ${w.no} serves a ticket not in the state`);
    else if (t.status !== 'called' || t.windowNo !== w.no) fail(`window ${w.no} serves ${t.number} which is ${t.status} at ${t.windowNo}`);
  }
  const numbers = new Set<string>();
  for (const t of s.tickets.values()) {
    if (t.serviceDate !== s.serviceDate) fail(`${t.number} of ${t.serviceDate} in the state of ${s.serviceDate}`);
    if (numbers.has(t.number)) fail(`number ${t.number} twice on ${s.serviceDate}`);
    numbers.add(t.number);
    if (t.status === 'called' && holder.get(t.id) !== t.windowNo) fail(`${t.number} is called but no window serves it`);
    if (t.status === 'waiting' && t.calledAt !== null) fail(`${t.number} waits with a call time`);
    if (t.status !== 'waiting' && t.targetWindowNo !== null && !h.state.setup.windows.some((w) => w.no === t.targetWindowNo)) {
      fail(`${t.number} is sent to an unknown window`);
    }
    const parsed = parseTicketNumber(t.number);
    if (!parsed || parsed.seq !== t.seq || (s.counters[parsed.prefix] ?? 0) < t.seq) fail(`${t.number} is beyond its counter`);
  }
}

/** Local date and minute of the day in the default hall (Asia/Shanghai: UTC+8, no DST). */
function shanghai(ms: number): { date: string; minute: number } {
  const local = new Date(ms + 8 * HOUR);
  return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
}

type DayCase = 'same' | 'new' | 'carried' | 'signed_in_only' | 'two_days_later';

/**
 * The service day a command run at `now` on `before` must work on, restated from the rule:
 * the old day is kept past midnight only on the very next calendar day, before opening
 * (09:00), while a window that is not closed went into extended service that day and the old
 * day still has live tickets.
 */
function expectedDay(before: HallState, now: number): { date: string; why: DayCase } {
  const { date: today, minute } = shanghai(now);
  const old = before.serviceDate;
  if (old === null) return { date: today, why: 'new' };
  if (today <= old) return { date: old, why: 'same' };
  const live = [...before.tickets.values()].some((t) => t.status === 'waiting' || t.status === 'called');
  const windows = [...before.windows.values()].filter((w) => w.state !== 'closed');
  const extending = windows.some((w) => w.extendedServiceDate === old);
  if (minute < 9 * 60 && live && extending) {
    return today === nextDate(old) ? { date: old, why: 'carried' } : { date: today, why: 'two_days_later' };
  }
  if (today === nextDate(old) && minute < 9 * 60 && live && windows.length > 0) return { date: today, why: 'signed_in_only' };
  return { date: today, why: 'new' };
}

describe('random walks through the hall (seeded)', () => {
  it('never call a ticket at two windows, never repeat a number on a service day, keep tickets and windows consistent', () => {
    const successes: Record<string, number> = {};
    const refusals: Record<string, number> = {};
    let daysOpened = 0;
    let expired = 0;
    let carriedPastMidnight = 0;
    const dayCases: Record<string, number> = {};
    const signIns = { keptPaused: 0, opened: 0 };

    for (let seed = 1; seed <= 16; seed++) {
      const rnd = seededRandom(seed);
      const h = new TestHall({}, sh('2026-03-02 08:45'));
      const issuedOn = new Map<string, Set<string>>();
      for (const no of [1, 2, 3, 4, 5]) if (rnd() < 0.8) h.signIn(no);

      for (let step = 0; step < 300; step++) {
        tick(h, rnd);
        const op = chooseOp(rnd);
        const where = `seed ${seed} step ${step} ${op.name}`;
        let outcome: Outcome<unknown> | null = null;
        const before = h.state;
        const day = expectedDay(before, h.now);
        try {
          outcome = op.run(h, rnd);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (!op.allowed.includes(error.code)) throw new Error(`${where}: unexpected ${error.code}`, { cause: error });
          refusals[error.code] = (refusals[error.code] ?? 0) + 1;
        }
        if (outcome) {
          successes[op.name] = (successes[op.name] ?? 0) + 1;
          if (outcome.state.serviceDate !== day.date) throw new Error(`${where}: on ${outcome.state.serviceDate}, expected ${day.date} (${day.why})`);
          dayCases[day.why] = (dayCases[day.why] ?? 0) + 1;
          for (const event of outcome.events) {
            if (event.type !== 'window.signed_in') continue;
            // Signing in again at one's own paused window keeps it paused; otherwise it opens.
            const was = before.windows.get(event.windowNo)!;
            const now = outcome.state.windows.get(event.windowNo)!;
            const keep = was.state === 'paused' && was.staffNo === event.staffNo;
            const expected = keep ? { state: 'paused', pauseReason: was.pauseReason } : { state: 'open', pauseReason: null };
            if (now.state !== expected.state || now.pauseReason !== expected.pauseReason) {
              throw new Error(`${where}: window ${event.windowNo} is ${now.state} (${now.pauseReason}) after sign-in, expected ${expected.state}`);
            }
            signIns[keep ? 'keptPaused' : 'opened']++;
          }
          for (const event of outcome.events) {
            if (event.type === 'day.opened') daysOpened++;
            if (event.type === 'ticket.expired') expired++;
          }
          if (op.name === 'issue') {
            const ticket = (outcome.result as { ticket: { number: string; serviceDate: string } }).ticket;
            const numbers = issuedOn.get(ticket.serviceDate) ?? new Set<string>();
            if (numbers.has(ticket.number)) throw new Error(`${where}: ${ticket.number} issued twice on ${ticket.serviceDate}`);
            numbers.add(ticket.number);
            issuedOn.set(ticket.serviceDate, numbers);
            if (new Date(h.now + 8 * HOUR).toISOString().slice(0, 10) > ticket.serviceDate) carriedPastMidnight++;
          }
        }
        checkInvariants(h, where);
      }
    }

    // The walk really went everywhere it should.
    for (const op of OPS) expect(successes[op.name] ?? 0, `no successful ${op.name}`).toBeGreaterThan(0);
    expect(successes['callNext']!).toBeGreaterThan(200);
    expect(successes['transfer']!).toBeGreaterThan(20);
    expect(successes['reactivate']!).toBeGreaterThan(10);
    expect(refusals['QUEUE_EMPTY'] ?? 0).toBeGreaterThan(0);
    expect(daysOpened).toBeGreaterThan(16);
    expect(expired).toBeGreaterThan(0);
    // Some tickets were issued after midnight on the old service day (extended service).
    expect(carriedPastMidnight).toBeGreaterThan(0);
    // Both sides of the carry-over rule were met, and both sides of the sign-in rule.
    expect(dayCases['carried'] ?? 0, JSON.stringify(dayCases)).toBeGreaterThan(0);
    expect(dayCases['signed_in_only'] ?? 0, JSON.stringify(dayCases)).toBeGreaterThan(0);
    expect(dayCases['two_days_later'] ?? 0, JSON.stringify(dayCases)).toBeGreaterThan(0);
    expect(signIns.keptPaused, JSON.stringify(signIns)).toBeGreaterThan(0);
    expect(signIns.opened, JSON.stringify(signIns)).toBeGreaterThan(0);
  });

  it('with many windows racing for one category, every ticket is called exactly once', () => {
    for (let seed = 100; seed < 106; seed++) {
      const rnd = seededRandom(seed);
      const h = new TestHall({}, sh('2026-03-02 09:00'));
      for (const no of [1, 2, 3, 4]) h.signIn(no);
      const calledIds: string[] = [];
      let issued = 0;
      for (let step = 0; step < 160; step++) {
        h.clock.advanceMs(Math.floor(rnd() * 30_000));
        if (rnd() < 0.4) {
          h.run((s, c) => issueTicket(s, { category: 'A', priority: rnd() < 0.25 ? 'green_channel' : null, secret: 's' }, c));
          issued++;
          continue;
        }
        const windowNo = 1 + Math.floor(rnd() * 4);
        if (h.window(windowNo).currentTicketId !== null) {
          h.finish(windowNo);
          continue;
        }
        try {
          calledIds.push(h.callNext(windowNo).result.id);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'QUEUE_EMPTY') throw error;
        }
        checkInvariants(h, `seed ${seed} step ${step}`);
      }
      // Drain what is left.
      for (const no of [1, 2, 3, 4]) if (h.window(no).currentTicketId !== null) h.finish(no);
      for (let more = true; more; ) {
        more = false;
        for (const no of [1, 2, 3, 4]) {
          try {
            calledIds.push(h.callNext(no).result.id);
            h.finish(no);
            more = true;
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'QUEUE_EMPTY') throw error;
          }
        }
      }
      expect(new Set(calledIds).size).toBe(calledIds.length);
      expect(calledIds).toHaveLength(issued);
      expect([...h.state.tickets.values()].every((t) => t.status === 'finished')).toBe(true);
    }
  });
});
