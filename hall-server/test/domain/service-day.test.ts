import { describe, expect, it } from 'vitest';
import { isLive, type Ticket } from '../../src/domain';
import { TestHall, eventsOf, sh } from './fixtures';

function liveNumbers(hall: TestHall): string[] {
  return [...hall.state.tickets.values()].filter(isLive).map((t) => t.number);
}

describe('isLive', () => {
  it('is true for waiting and called tickets only', () => {
    const base = { status: 'waiting' } as Ticket;
    expect(isLive({ ...base, status: 'waiting' })).toBe(true);
    expect(isLive({ ...base, status: 'called' })).toBe(true);
    for (const status of ['finished', 'no_show', 'cancelled', 'expired'] as const) {
      expect(isLive({ ...base, status })).toBe(false);
    }
  });
});

describe('day rollover', () => {
  /** A day at window 1: A001 waiting, A002 being served, A003 finished, A004 no-show, B001 waiting. */
  function busyDay(): TestHall {
    const hall = new TestHall({}, sh('2026-03-02 09:00'));
    hall.signIn(1);
    ['A', 'A', 'A', 'A', 'A'].forEach(() => hall.take('A'));
    hall.take('B');
    hall.advance(5);
    expect(hall.next(1)).toBe('A001');
    hall.noShow(1); // A001 no-show
    expect(hall.next(1)).toBe('A002');
    hall.finish(1);
    expect(hall.next(1)).toBe('A003');
    return hall; // A003 called at window 1; A004, A005, B001 waiting; A001 no-show; A002 finished
  }

  it('expires the old day’s live tickets, lists them, and opens the new day empty', () => {
    const hall = busyDay();
    const oldTickets = new Map([...hall.state.tickets.values()].map((t) => [t.number, t]));
    hall.setClock(sh('2026-03-03 09:30'));
    const outcome = hall.openDay();

    const expired = outcome.tickets.map((t) => t.number).sort();
    expect(expired).toEqual(['A003', 'A004', 'A005', 'B001']);
    for (const row of outcome.tickets) {
      expect(row).toEqual({ ...oldTickets.get(row.number)!, status: 'expired' });
    }
    const expiredEvents = eventsOf(outcome.events, 'ticket.expired');
    expect(expiredEvents.map((e) => e.ticketId).sort()).toEqual(outcome.tickets.map((t) => t.id).sort());
    for (const event of expiredEvents) {
      expect(event).toMatchObject({ serviceDate: '2026-03-02', at: sh('2026-03-03 09:30') });
    }
    const opened = eventsOf(outcome.events, 'day.opened');
    expect(opened).toEqual([{ type: 'day.opened', at: sh('2026-03-03 09:30'), serviceDate: '2026-03-03' }]);
    expect(outcome.events.at(-1)!.type).toBe('day.opened');

    expect(outcome.state.serviceDate).toBe('2026-03-03');
    expect(outcome.state.tickets.size).toBe(0);
    expect(outcome.state.counters).toEqual({});
  });

  it('frees the windows: the current ticket is cleared and the window listed; the staff stays signed in', () => {
    const hall = busyDay();
    hall.setClock(sh('2026-03-03 10:00'));
    const outcome = hall.openDay();
    expect(outcome.windows).toEqual([
      { no: 1, state: 'open', pauseReason: null, pauseUntil: null, staffNo: '101', currentTicketId: null, priorityStreak: 0, extendedServiceDate: null },
    ]);
    expect(hall.window(1).currentTicketId).toBeNull();
    // Untouched windows are not rewritten.
    expect(outcome.windows.map((w) => w.no)).toEqual([1]);
  });

  it('resets the priority streak and the extended-service mark of every window', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:30'));
    hall.signIn(1);
    hall.signIn(3);
    hall.take('A', 'green_channel');
    hall.take('A', 'appointment');
    hall.next(1);
    hall.finish(1);
    hall.advance(31); // 17:01
    hall.next(1);
    hall.finish(1);
    expect(hall.window(1)).toMatchObject({ priorityStreak: 2, extendedServiceDate: '2026-03-02' });
    expect(hall.window(3)).toMatchObject({ priorityStreak: 0, extendedServiceDate: null });

    hall.setClock(sh('2026-03-03 09:00'));
    const outcome = hall.openDay();
    expect(outcome.windows).toHaveLength(1);
    expect(outcome.windows[0]).toMatchObject({ no: 1, priorityStreak: 0, extendedServiceDate: null, currentTicketId: null, staffNo: '101', state: 'open' });
  });

  it('opens the day once: a second command the same day emits no day.opened', () => {
    const hall = new TestHall({}, sh('2026-03-03 08:00'));
    expect(hall.openDay().events.map((e) => e.type)).toEqual(['day.opened']);
    hall.advance(1);
    const again = hall.openDay();
    expect(again.events).toEqual([]);
    expect(again.tickets).toEqual([]);
    expect(again.windows).toEqual([]);
    expect(again.result).toBeNull();
  });

  it('rolls over on any command, e.g. a sign-in, before doing it', () => {
    const hall = new TestHall({}, sh('2026-03-02 10:00'));
    hall.take('A');
    hall.setClock(sh('2026-03-03 09:10'));
    const outcome = hall.signIn(1);
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket.expired', 'day.opened', 'window.signed_in']);
    expect(outcome.tickets).toEqual([expect.objectContaining({ number: 'A001', status: 'expired' })]);
    expect(hall.take('A')).toBe('A001');
  });

  it('keeps the recent handling times across days (the estimate needs them)', () => {
    const hall = new TestHall({}, sh('2026-03-02 10:00'));
    hall.signIn(1);
    hall.take('A');
    hall.next(1);
    hall.advance(7);
    hall.finish(1);
    hall.setClock(sh('2026-03-03 10:00'));
    hall.openDay();
    expect(hall.state.handlingTimes).toEqual({ A: [7 * 60_000] });
  });

  it('skips several days at once: everything live expires, numbering restarts', () => {
    const hall = new TestHall({}, sh('2026-03-06 16:00')); // a Friday
    hall.take('A');
    hall.take('B');
    hall.setClock(sh('2026-03-09 09:05')); // Monday
    const outcome = hall.issue('B');
    expect(outcome.result.ticket).toMatchObject({ number: 'B001', serviceDate: '2026-03-09' });
    expect(eventsOf(outcome.events, 'ticket.expired')).toHaveLength(2);
  });
});

describe('extended service carries the service day past midnight', () => {
  // The old day is kept after midnight only while a window that went into extended service
  // (called a ticket at or after closing) is still signed in, the old day still has live
  // tickets, it is the very next calendar day, and the hall has not opened yet.

  /** Window 1 went into extended service at 17:30 and is still serving at 23:00 with A003..A004 waiting. */
  function lateEvening(date = '2026-03-02'): TestHall {
    const hall = new TestHall({}, sh(`${date} 16:00`));
    hall.signIn(1);
    for (let i = 0; i < 4; i++) hall.take('A');
    hall.next(1);
    hall.finish(1);
    hall.setClock(sh(`${date} 17:30`));
    expect(eventsOf(hall.callNext(1).events, 'window.extended_service')).toHaveLength(1); // A002
    hall.setClock(sh(`${date} 23:00`));
    hall.finish(1);
    expect(hall.window(1)).toMatchObject({ state: 'open', extendedServiceDate: date });
    return hall; // A003, A004 waiting
  }

  it('keeps the old day after midnight while a window in extended service has live tickets: numbering continues', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-03 00:30'));
    const issued = hall.issue('A');
    expect(issued.result.ticket).toMatchObject({ number: 'A005', serviceDate: '2026-03-02' });
    expect(issued.events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(hall.state.serviceDate).toBe('2026-03-02');
    expect(hall.next(1)).toBe('A003');
    hall.setClock(sh('2026-03-03 08:59'));
    hall.finish(1);
    expect(hall.state.serviceDate).toBe('2026-03-02');
    expect(liveNumbers(hall).sort()).toEqual(['A004', 'A005']);
    expect(new Set([...hall.state.tickets.values()].map((t) => t.number)).size).toBe(hall.state.tickets.size);
  });

  it('continues the numbering of a short evening: A003 after midnight', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:50'));
    hall.signIn(2);
    hall.take('A');
    hall.take('A');
    hall.setClock(sh('2026-03-02 17:05'));
    hall.next(2); // A001, in extended service
    hall.setClock(sh('2026-03-03 00:10'));
    expect(hall.issue('A').result.ticket).toMatchObject({ number: 'A003', serviceDate: '2026-03-02' });
  });

  it('carries over across the end of a month', () => {
    const hall = lateEvening('2026-03-31');
    hall.setClock(sh('2026-04-01 00:30'));
    expect(hall.issue('A').result.ticket).toMatchObject({ number: 'A005', serviceDate: '2026-03-31' });
  });

  it('turns the day at opening time: what is left expires, numbering starts at 001', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-03 00:30'));
    hall.take('A'); // A005 of the old day
    hall.setClock(sh('2026-03-03 09:00'));
    const outcome = hall.issue('A');
    expect(outcome.tickets.filter((t) => t.status === 'expired').map((t) => t.number).sort()).toEqual(['A003', 'A004', 'A005']);
    expect(outcome.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(liveNumbers(hall)).toEqual(['A001']);
    expect(hall.window(1)).toMatchObject({ state: 'open', staffNo: '101', extendedServiceDate: null, currentTicketId: null });
  });

  it('does not carry over after opening time either, even with the window still in extended service', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-03 11:00'));
    const outcome = hall.issue('A');
    expect(outcome.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(eventsOf(outcome.events, 'ticket.expired')).toHaveLength(2);
  });

  it('uses the configured opening time', () => {
    const hall = new TestHall({ settings: { openingHours: { open: '08:00', close: '17:00' } } }, sh('2026-03-02 16:00'));
    hall.signIn(1);
    hall.take('A');
    hall.take('A');
    hall.setClock(sh('2026-03-02 17:05'));
    hall.next(1); // A001: extended service
    hall.setClock(sh('2026-03-03 07:59'));
    expect(hall.take('A')).toBe('A003');
    hall.setClock(sh('2026-03-03 08:00'));
    expect(hall.take('A')).toBe('A001');
    expect(hall.state.serviceDate).toBe('2026-03-03');
  });

  it('counts a paused window in extended service (paused is not closed), and leaves it paused', () => {
    const hall = lateEvening();
    hall.pause(1, '夜间休息');
    hall.setClock(sh('2026-03-03 01:00'));
    expect(hall.issue('A').result.ticket).toMatchObject({ number: 'A005', serviceDate: '2026-03-02' });
    expect(hall.window(1)).toMatchObject({ state: 'paused', pauseReason: '夜间休息', extendedServiceDate: '2026-03-02' });
  });

  it('carries over while a ticket is still being served, even with nobody waiting', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:00'));
    hall.signIn(1);
    hall.take('A');
    hall.setClock(sh('2026-03-02 17:10'));
    hall.next(1);
    hall.setClock(sh('2026-03-03 00:20'));
    const finished = hall.finish(1);
    expect(finished.result).toMatchObject({ number: 'A001', status: 'finished', serviceDate: '2026-03-02' });
    expect(eventsOf(finished.events, 'ticket.finished')[0]!.serviceDate).toBe('2026-03-02');
    // Nothing is live any more: the next command turns the day although it is before opening.
    hall.advance(1);
    const issued = hall.issue('A');
    expect(issued.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(eventsOf(issued.events, 'day.opened')).toHaveLength(1);
    expect(eventsOf(issued.events, 'ticket.expired')).toEqual([]);
  });

  it('a window merely left signed in does not keep the day: the first command after midnight rolls over and expires the leftovers', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:00'));
    hall.signIn(1);
    hall.signIn(2);
    for (let i = 0; i < 3; i++) hall.take('A');
    hall.next(1);
    hall.finish(1);
    hall.setClock(sh('2026-03-02 16:55'));
    hall.next(2); // A002, called before closing: no extended service, still in hand at midnight
    expect([hall.window(1).extendedServiceDate, hall.window(2).extendedServiceDate]).toEqual([null, null]);

    hall.setClock(sh('2026-03-03 00:30'));
    const outcome = hall.openDay();
    // A001's rating was never given at the pad: it is closed with the day, as 未评价.
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket.expired', 'ticket.expired', 'evaluation.unrated', 'day.opened']);
    expect(outcome.tickets.map((t) => t.number).sort()).toEqual(['A002', 'A003']);
    expect(hall.state.serviceDate).toBe('2026-03-03');
    // Still signed in, freed of yesterday's ticket.
    expect(hall.window(1)).toMatchObject({ state: 'open', staffNo: '101' });
    expect(hall.window(2)).toMatchObject({ state: 'open', staffNo: '102', currentTicketId: null });
    expect(hall.take('A')).toBe('A001');
  });

  it('does not carry over when the window that went into extended service has signed out, though another is signed in', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:00'));
    hall.signIn(1);
    hall.signIn(2);
    for (let i = 0; i < 3; i++) hall.take('A');
    hall.setClock(sh('2026-03-02 17:10'));
    hall.next(1);
    hall.finish(1);
    hall.signOut(1);
    expect(hall.window(1)).toMatchObject({ state: 'closed', extendedServiceDate: '2026-03-02' });
    hall.setClock(sh('2026-03-03 00:30'));
    const outcome = hall.issue('A');
    expect(outcome.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(outcome.tickets.filter((t) => t.status === 'expired').map((t) => t.number).sort()).toEqual(['A002', 'A003']);
    // Two live A001s never coexist.
    expect(liveNumbers(hall)).toEqual(['A001']);
  });

  it('never carries over two days later, even before opening', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-04 00:30'));
    const outcome = hall.issue('A');
    expect(outcome.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-04' });
    expect(outcome.tickets.filter((t) => t.status === 'expired').map((t) => t.number).sort()).toEqual(['A003', 'A004']);
    expect(eventsOf(outcome.events, 'ticket.expired').every((e) => e.serviceDate === '2026-03-02')).toBe(true);
  });

  it('a day carried past midnight does not carry on into the night after', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-03 00:30'));
    hall.next(1); // A003, still the old day
    expect(hall.state.serviceDate).toBe('2026-03-02');
    hall.setClock(sh('2026-03-04 00:10'));
    const outcome = hall.openDay();
    expect(hall.state.serviceDate).toBe('2026-03-04');
    expect(outcome.tickets.map((t) => t.number).sort()).toEqual(['A003', 'A004']);
  });

  it('does not carry over when nothing of the old day is live', () => {
    const hall = new TestHall({}, sh('2026-03-02 16:00'));
    hall.signIn(1);
    hall.take('A');
    hall.setClock(sh('2026-03-02 17:10'));
    hall.next(1);
    hall.noShow(1);
    expect(hall.window(1).extendedServiceDate).toBe('2026-03-02');
    hall.setClock(sh('2026-03-03 00:30'));
    const outcome = hall.issue('A');
    expect(outcome.result.ticket).toMatchObject({ number: 'A001', serviceDate: '2026-03-03' });
    expect(eventsOf(outcome.events, 'ticket.expired')).toEqual([]);
  });

  it('lets the window in extended service work through the old queue after midnight, then ends it', () => {
    const hall = lateEvening();
    hall.setClock(sh('2026-03-03 00:05'));
    expect(hall.drain(1)).toEqual(['A003', 'A004']);
    expect(hall.state.serviceDate).toBe('2026-03-02');
    hall.advance(1);
    expect(hall.take('A')).toBe('A001');
    expect(hall.state.serviceDate).toBe('2026-03-03');
  });
});
