import { describe, expect, it } from 'vitest';
import {
  callNext,
  callNumber,
  finish,
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
} from '../../src/domain';
import { MINUTE, TestHall, eventsOf, sh } from './fixtures';

function hall(): TestHall {
  return new TestHall({}, sh('2026-03-02 09:00'));
}

type AtWindowCommand = (state: HallState, at: { windowNo: number; staffNo: string }, ctx: CommandContext) => Outcome<unknown>;

/** Every command that acts at a window, with whatever else it needs filled in. */
const windowCommands: Record<string, AtWindowCommand> = {
  callNext: (s, at, c) => callNext(s, at, c),
  callNumber: (s, at, c) => callNumber(s, { ...at, number: 'A001' }, c),
  recall: (s, at, c) => recall(s, at, c),
  finish: (s, at, c) => finish(s, { ...at, caseNo: null }, c),
  markNoShow: (s, at, c) => markNoShow(s, at, c),
  transfer: (s, at, c) => transfer(s, { ...at, target: { toCategory: 'B' }, note: null }, c),
  reactivate: (s, at, c) => reactivate(s, { ...at, number: 'A001' }, c),
  pause: (s, at, c) => pause(s, { ...at, reason: '午休' }, c),
  resume: (s, at, c) => resume(s, at, c),
  signOut: (s, at, c) => signOut(s, at, c),
};

describe('sign in', () => {
  it('opens the window for the staff member and logs it', () => {
    const h = hall();
    const outcome = h.signIn(1, '101');
    const open = { no: 1, state: 'open', pauseReason: null, pauseUntil: null, staffNo: '101', currentTicketId: null, priorityStreak: 0, extendedServiceDate: null, lastNoShow: null };
    expect(outcome.result).toEqual(open);
    expect(outcome.windows).toEqual([open]);
    expect(eventsOf(outcome.events, 'window.signed_in')).toEqual([
      { type: 'window.signed_in', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101' },
    ]);
  });

  it('refuses a window not in the staff member’s list, and unknown staff', () => {
    const h = hall();
    h.refuse((s, c) => signIn(s, { windowNo: 2, staffNo: '101' }, c), 'STAFF_NOT_AUTHORISED_FOR_WINDOW');
    h.refuse((s, c) => signIn(s, { windowNo: 1, staffNo: '999' }, c), 'STAFF_NOT_AUTHORISED_FOR_WINDOW');
    h.refuse((s, c) => signIn(s, { windowNo: 1, staffNo: '300' }, c), 'STAFF_NOT_AUTHORISED_FOR_WINDOW');
    expect(h.window(1).state).toBe('closed');
    expect(h.window(2).state).toBe('closed');
  });

  it('refuses an unknown window', () => {
    const h = hall();
    h.refuse((s, c) => signIn(s, { windowNo: 99, staffNo: '199' }, c), 'WINDOW_NOT_FOUND');
  });

  it('signing in at a second window signs out the first (moved)', () => {
    const h = hall();
    h.signIn(1, '199');
    h.advance(1);
    const outcome = h.signIn(2, '199');
    expect(outcome.events.map((e) => e.type)).toEqual(['window.signed_out', 'window.signed_in']);
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([
      { type: 'window.signed_out', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '199', reason: 'moved' },
    ]);
    expect(eventsOf(outcome.events, 'window.signed_in')[0]).toMatchObject({ windowNo: 2, staffNo: '199' });
    expect(h.window(1)).toMatchObject({ state: 'closed', staffNo: null });
    expect(h.window(2)).toMatchObject({ state: 'open', staffNo: '199' });
    expect(outcome.windows.map((w) => w.no).sort()).toEqual([1, 2]);
    expect([...h.state.windows.values()].filter((w) => w.staffNo === '199')).toHaveLength(1);
  });

  it('signing in where someone else is signs them out (replaced)', () => {
    const h = hall();
    h.signIn(1, '101');
    h.advance(1);
    const outcome = h.signIn(1, '199');
    expect(eventsOf(outcome.events, 'window.signed_out')).toEqual([
      { type: 'window.signed_out', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101', reason: 'replaced' },
    ]);
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 1, state: 'open', staffNo: '199' })]);
    h.refuse((s, c) => callNext(s, { windowNo: 1, staffNo: '101' }, c), 'WRONG_WINDOW');
  });

  it('moving onto an occupied window does both', () => {
    const h = hall();
    h.signIn(2, '199');
    h.signIn(1, '101');
    const outcome = h.signIn(1, '199');
    const outs = eventsOf(outcome.events, 'window.signed_out').map((e) => [e.windowNo, e.staffNo, e.reason]);
    expect(outs).toEqual(expect.arrayContaining([[2, '199', 'moved'], [1, '101', 'replaced']]));
    expect(outs).toHaveLength(2);
    expect(h.window(2)).toMatchObject({ state: 'closed', staffNo: null });
    expect(h.window(1)).toMatchObject({ state: 'open', staffNo: '199' });
  });

  it('moving is refused with TICKET_IN_SERVICE while a ticket is served at the old window (as sign-out is)', () => {
    const h = hall();
    h.signIn(1, '199');
    h.take('A');
    h.next(1);
    const error = h.refuse((s, c) => signIn(s, { windowNo: 2, staffNo: '199' }, c), 'TICKET_IN_SERVICE');
    expect(error.details).toEqual({ windowNo: 1 });
    expect(h.window(1)).toMatchObject({ state: 'open', staffNo: '199' });
    h.finish(1);
    h.signIn(2, '199');
    expect(h.window(1)).toMatchObject({ state: 'closed', staffNo: null, currentTicketId: null });
  });

  it('a colleague replacing someone at a window takes over the ticket being served there', () => {
    const h = hall();
    h.signIn(1, '101');
    h.take('A');
    const called = h.callNext(1).result;
    h.signIn(1, '199');
    expect(h.window(1)).toMatchObject({ state: 'open', staffNo: '199', currentTicketId: called.id });
    expect(h.finish(1, null, '199').result.status).toBe('finished');
  });

  it('signing in again at one’s own window signs nobody out', () => {
    const h = hall();
    h.signIn(1, '101');
    const again = h.signIn(1, '101');
    expect(again.events.map((e) => e.type)).toEqual(['window.signed_in']);
    expect(h.window(1)).toMatchObject({ state: 'open', staffNo: '101' });
  });

  it('signing in again at one’s own paused window keeps it paused, with its reason: no silent resume', () => {
    const h = hall();
    h.signIn(1, '101');
    h.take('A');
    h.pause(1, '午休');
    h.advance(5);
    const again = h.signIn(1, '101');
    expect(again.events).toEqual([{ type: 'window.signed_in', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101' }]);
    const paused = { no: 1, state: 'paused', pauseReason: '午休', pauseUntil: null, staffNo: '101', currentTicketId: null, priorityStreak: 0, extendedServiceDate: null, lastNoShow: null };
    expect(again.result).toEqual(paused);
    expect(h.window(1)).toEqual(paused);
    h.refuse((s, c) => callNext(s, { windowNo: 1, staffNo: '101' }, c), 'WINDOW_PAUSED');
    // Only an explicit resume opens it, and that is logged.
    expect(eventsOf(h.resume(1).events, 'window.resumed')).toHaveLength(1);
    expect(h.next(1)).toBe('A001');
  });

  it('signing in at a closed window opens it, even one that was paused before its sign-out', () => {
    const h = hall();
    h.signIn(1, '101');
    h.pause(1, '午休');
    h.signOut(1);
    expect(h.window(1)).toMatchObject({ state: 'closed', pauseReason: null });
    const outcome = h.signIn(1, '101');
    expect(outcome.result).toMatchObject({ state: 'open', pauseReason: null, pauseUntil: null, staffNo: '101' });
    expect(outcome.events.map((e) => e.type)).toEqual(['window.signed_in']);
  });

  it('replacing someone at a paused window ends their pause with their sign-out: the window opens for the newcomer', () => {
    const h = hall();
    h.signIn(1, '101');
    h.take('A');
    h.take('A');
    const called = h.callNext(1).result;
    h.pause(1, '午休');
    h.advance(1);
    const outcome = h.signIn(1, '199');
    expect(outcome.events).toEqual([
      { type: 'window.signed_out', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101', reason: 'replaced' },
      { type: 'window.signed_in', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '199' },
    ]);
    expect(outcome.result).toMatchObject({ state: 'open', pauseReason: null, pauseUntil: null, staffNo: '199', currentTicketId: called.id });
    expect(outcome.windows).toEqual([outcome.result]);
    h.finish(1, null, '199');
    expect(h.next(1)).toBe('A002');
  });

  it('moving away from one’s paused window closes it (pause cleared) and opens the new one', () => {
    const h = hall();
    h.signIn(1, '199');
    h.pause(1, '午休');
    const outcome = h.signIn(2, '199');
    expect(outcome.events.map((e) => e.type)).toEqual(['window.signed_out', 'window.signed_in']);
    expect(h.window(1)).toMatchObject({ state: 'closed', pauseReason: null, pauseUntil: null, staffNo: null });
    expect(h.window(2)).toMatchObject({ state: 'open', pauseReason: null, pauseUntil: null, staffNo: '199' });
  });
});

describe('sign out', () => {
  it('closes the window and logs a logout', () => {
    const h = hall();
    h.signIn(1);
    const outcome = h.signOut(1);
    const closed = { no: 1, state: 'closed', pauseReason: null, pauseUntil: null, staffNo: null, currentTicketId: null, priorityStreak: 0, extendedServiceDate: null, lastNoShow: null };
    expect(outcome.result).toEqual(closed);
    expect(outcome.windows).toEqual([closed]);
    expect(outcome.events).toEqual([{ type: 'window.signed_out', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101', reason: 'logout' }]);
  });

  it('is refused while a ticket is being served, allowed once it is finished', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.next(1);
    h.refuse((s, c) => signOut(s, { windowNo: 1, staffNo: '101' }, c), 'TICKET_IN_SERVICE');
    h.finish(1);
    expect(h.signOut(1).result.state).toBe('closed');
  });

  it('works from a paused window and clears the pause', () => {
    const h = hall();
    h.signIn(1);
    h.pause(1, '午休');
    expect(h.signOut(1).result).toMatchObject({ state: 'closed', pauseReason: null, pauseUntil: null, staffNo: null });
  });
});

describe('every window action checks who is at the window', () => {
  for (const [name, command] of Object.entries(windowCommands)) {
    it(`${name}: WRONG_WINDOW for someone else, for a closed window; WINDOW_NOT_FOUND for an unknown one`, () => {
      const h = hall();
      h.take('A');
      h.signIn(1, '101');
      h.refuse((s, c) => command(s, { windowNo: 1, staffNo: '102' }, c), 'WRONG_WINDOW');
      h.refuse((s, c) => command(s, { windowNo: 1, staffNo: '199' }, c), 'WRONG_WINDOW');
      // Window 2 is closed: even staff authorised there must sign in first.
      h.refuse((s, c) => command(s, { windowNo: 2, staffNo: '102' }, c), 'WRONG_WINDOW');
      h.refuse((s, c) => command(s, { windowNo: 99, staffNo: '101' }, c), 'WINDOW_NOT_FOUND');
    });
  }

  for (const name of ['recall', 'finish', 'markNoShow', 'transfer'] as const) {
    it(`${name}: NO_CURRENT_TICKET with nothing called`, () => {
      const h = hall();
      h.take('A');
      h.signIn(1);
      const command = windowCommands[name]!;
      h.refuse((s, c) => command(s, { windowNo: 1, staffNo: '101' }, c), 'NO_CURRENT_TICKET');
      h.next(1);
      h.finish(1);
      h.refuse((s, c) => command(s, { windowNo: 1, staffNo: '101' }, c), 'NO_CURRENT_TICKET');
    });
  }
});

describe('call next at a busy or paused window', () => {
  it('is refused with TICKET_IN_SERVICE while a ticket is called there', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.next(1);
    const error = h.refuse((s, c) => callNext(s, { windowNo: 1, staffNo: '101' }, c), 'TICKET_IN_SERVICE');
    expect(error.details).toEqual({ windowNo: 1 });
    expect(h.ticket('A002').status).toBe('waiting');
  });

  it('is refused with WINDOW_PAUSED while paused, and works again after resume', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.pause(1);
    h.refuse((s, c) => callNext(s, { windowNo: 1, staffNo: '101' }, c), 'WINDOW_PAUSED');
    h.resume(1);
    expect(h.next(1)).toBe('A001');
  });
});

describe('recall (重呼)', () => {
  it('emits ticket.recalled and keeps the ticket called, changing no row', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    const called = h.callNext(1).result;
    h.advance(1);
    const outcome = h.recall(1);
    expect(outcome.result).toEqual(called);
    expect(outcome.events).toEqual([
      { type: 'ticket.recalled', at: h.now, serviceDate: '2026-03-02', ticketId: called.id, windowNo: 1, staffNo: '101' },
    ]);
    expect(outcome.tickets).toEqual([]);
    expect(outcome.windows).toEqual([]);
    expect(h.ticket('A001')).toEqual(called);
    expect(h.window(1).currentTicketId).toBe(called.id);
    h.advance(1);
    expect(h.recall(1).events).toHaveLength(1);
  });
});

describe('finish (办结)', () => {
  it('records the case number and the handling time from the call', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.advance(2);
    const called = h.callNext(1).result;
    h.advance(3);
    h.recall(1); // the handling time still counts from the first call
    h.clock.advanceMs(4.5 * MINUTE);
    const outcome = h.finish(1, 'HY-2026-000123');
    expect(outcome.result).toEqual({ ...called, status: 'finished', finishedAt: h.now, caseNo: 'HY-2026-000123' });
    expect(outcome.events).toEqual([
      {
        type: 'ticket.finished',
        at: h.now,
        serviceDate: '2026-03-02',
        ticketId: called.id,
        windowNo: 1,
        staffNo: '101',
        caseNo: 'HY-2026-000123',
        itemCode: null,
        handlingMs: 7.5 * MINUTE,
      },
      // The window's pad asks the visitor for a rating straight away.
      {
        type: 'evaluation.requested',
        at: h.now,
        serviceDate: '2026-03-02',
        ticketId: called.id,
        windowNo: 1,
        staffNo: '101',
        closesAt: h.now + 30_000,
      },
    ]);
    expect(outcome.tickets).toEqual([outcome.result]);
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 1, currentTicketId: null, state: 'open', staffNo: '101' })]);
    expect(h.state.handlingTimes).toEqual({ A: [7.5 * MINUTE] });
  });

  it('accepts no case number, and feeds each category’s handling times in order', () => {
    const h = hall();
    h.signIn(3);
    h.take('A');
    h.take('B');
    h.take('A');
    for (const minutes of [4, 12, 6]) {
      h.next(3);
      h.advance(minutes);
      expect(h.finish(3, null).result.caseNo).toBeNull();
    }
    expect(h.state.handlingTimes).toEqual({ A: [4 * MINUTE, 6 * MINUTE], B: [12 * MINUTE] });
  });

  it('is allowed at a paused window: the ticket in hand can be finished, the next one not called', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.next(1);
    h.pause(1, '系统故障');
    expect(h.finish(1).result.status).toBe('finished');
    expect(h.window(1)).toMatchObject({ state: 'paused', currentTicketId: null });
    h.refuse((s, c) => callNext(s, { windowNo: 1, staffNo: '101' }, c), 'WINDOW_PAUSED');
  });
});

describe('pause and resume (暂停)', () => {
  it('pause records the reason and logs it', () => {
    const h = hall();
    h.signIn(1);
    const outcome = h.pause(1, '午休');
    expect(outcome.result).toMatchObject({ no: 1, state: 'paused', pauseReason: '午休', staffNo: '101' });
    expect(outcome.windows).toEqual([outcome.result]);
    expect(outcome.events).toEqual([{ type: 'window.paused', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101', reason: '午休', until: null }]);
  });

  it('keeps when the window expects to reopen, the hall’s clock time today, until it resumes', () => {
    const h = hall();
    h.signIn(1);
    h.advance(2 * 60 + 10); // 11:10 in the hall
    const outcome = h.run((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '午休', until: '13:30' }, c));
    expect(outcome.result).toMatchObject({ state: 'paused', pauseReason: '午休', pauseUntil: sh('2026-03-02 13:30') });
    expect(outcome.events).toEqual([
      { type: 'window.paused', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101', reason: '午休', until: sh('2026-03-02 13:30') },
    ]);
    expect(h.resume(1).result).toMatchObject({ state: 'open', pauseReason: null, pauseUntil: null });
  });

  it('refuses a reopening time that is not later than now (PAUSE_UNTIL_PAST)', () => {
    const h = hall();
    h.signIn(1);
    h.advance(2 * 60 + 10); // 11:10
    h.refuse((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '午休', until: '11:10' }, c), 'PAUSE_UNTIL_PAST');
    h.refuse((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '午休', until: '08:00' }, c), 'PAUSE_UNTIL_PAST');
    expect(h.run((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '午休', until: '11:11' }, c)).result.pauseUntil).toBe(sh('2026-03-02 11:11'));
  });

  it('forgets the reopening time when the window is signed out', () => {
    const h = hall();
    h.signIn(1);
    h.run((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '午休', until: '13:30' }, c));
    expect(h.signOut(1).result).toMatchObject({ state: 'closed', pauseReason: null, pauseUntil: null });
  });

  it('pausing twice answers WINDOW_PAUSED', () => {
    const h = hall();
    h.signIn(1);
    h.pause(1, '午休');
    h.refuse((s, c) => pause(s, { windowNo: 1, staffNo: '101', reason: '又午休' }, c), 'WINDOW_PAUSED');
    expect(h.window(1).pauseReason).toBe('午休');
  });

  it('resume opens the window again and logs it', () => {
    const h = hall();
    h.signIn(1);
    h.pause(1, '午休');
    h.advance(30);
    const outcome = h.resume(1);
    expect(outcome.result).toMatchObject({ no: 1, state: 'open', pauseReason: null, pauseUntil: null, staffNo: '101' });
    expect(outcome.windows).toEqual([outcome.result]);
    expect(outcome.events).toEqual([{ type: 'window.resumed', at: h.now, serviceDate: '2026-03-02', windowNo: 1, staffNo: '101' }]);
  });

  it('resuming an open window answers WINDOW_NOT_PAUSED', () => {
    const h = hall();
    h.signIn(1);
    h.refuse((s, c) => resume(s, { windowNo: 1, staffNo: '101' }, c), 'WINDOW_NOT_PAUSED');
  });

  it('a paused window keeps the ticket it is serving', () => {
    const h = hall();
    h.signIn(1);
    h.take('A');
    const called = h.callNext(1).result;
    h.pause(1);
    expect(h.window(1).currentTicketId).toBe(called.id);
    expect(h.ticket('A001').status).toBe('called');
  });
});
