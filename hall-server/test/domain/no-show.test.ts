import { describe, expect, it } from 'vitest';
import { pickNext, reactivate } from '../../src/domain';
import { TestHall, eventsOf, expectDomainError, sh } from './fixtures';

function hall(): TestHall {
  const h = new TestHall({}, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3, 4, 5]) h.signIn(no);
  return h;
}

describe('no-show (过号)', () => {
  it('marks the ticket no_show and frees the window', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    const called = h.callNext(1).result;
    h.advance(2);
    const outcome = h.noShow(1);
    expect(outcome.result).toEqual({ ...called, status: 'no_show' });
    expect(outcome.tickets).toEqual([outcome.result]);
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 1, currentTicketId: null, state: 'open', staffNo: '101' })]);
    expect(outcome.events).toEqual([{ type: 'ticket.no_show', at: h.now, serviceDate: '2026-03-02', ticketId: called.id, windowNo: 1, staffNo: '101' }]);
    expect(h.next(1)).toBe('A002');
  });

  it('does not feed the handling times', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.advance(5);
    h.noShow(1);
    expect(h.state.handlingTimes).toEqual({});
  });
});

describe('reactivation', () => {
  it('puts the no-show back to waiting, stamped, by staff signed in at any window', () => {
    const h = hall();
    h.take('A');
    const called = h.callNext(1).result;
    h.noShow(1);
    h.advance(15);
    const outcome = h.reactivate(5, 'A001'); // window 5 serves C only: anyone on the floor may do it
    expect(outcome.result).toEqual({ ...called, status: 'waiting', calledAt: null, reactivatedAt: h.now });
    expect(outcome.tickets).toEqual([outcome.result]);
    expect(outcome.windows).toEqual([]);
    expect(outcome.events).toEqual([
      { type: 'ticket.reactivated', at: h.now, serviceDate: '2026-03-02', ticketId: called.id, windowNo: 5, staffNo: '105' },
    ]);
  });

  it('the reactivated ticket is called next at a window serving its category, before priority and older tickets', () => {
    const h = hall();
    h.take('A'); // A001
    h.advance(1);
    h.take('A'); // A002
    h.advance(1);
    expect(h.next(1)).toBe('A001');
    h.advance(1);
    h.take('A', 'green_channel'); // A003
    h.noShow(1);
    h.advance(10);
    h.reactivate(1, 'A001');
    expect(pickNext(h.state, 5, h.now)).toBeNull();
    const call = h.callNext(2);
    expect(call.result.number).toBe('A001');
    expect(eventsOf(call.events, 'ticket.called')[0]).toMatchObject({ how: 'reactivated', windowNo: 2, staffNo: '102' });
    expect(h.next(1)).toBe('A003');
    expect(h.next(3)).toBe('A002');
  });

  it('several reactivated tickets go in the order they came back', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1); // A001
    h.next(1);
    h.noShow(1); // A002
    h.advance(1);
    h.reactivate(1, 'A002');
    h.advance(1);
    h.reactivate(1, 'A001');
    expect(h.drain(1)).toEqual(['A002', 'A001', 'A003']);
  });

  it('beats the fairness rule, and does not count in the priority streak', () => {
    const h = hall();
    h.take('A'); // A001 ordinary, will be overdue
    for (let i = 0; i < 5; i++) h.take('A', 'appointment'); // A002..A006
    h.advance(30);
    for (let i = 0; i < 3; i++) {
      h.next(1);
      h.finish(1);
    }
    expect(h.window(1).priorityStreak).toBe(3);
    expect(h.next(2)).toBe('A005');
    h.noShow(2);
    h.reactivate(2, 'A005');
    const call = h.callNext(1);
    expect(call.result.number).toBe('A005');
    expect(eventsOf(call.events, 'ticket.called')[0]!.how).toBe('reactivated');
    expect(h.window(1).priorityStreak).toBe(3);
    h.finish(1);
    const fair = h.callNext(1);
    expect(fair.result.number).toBe('A001');
    expect(eventsOf(fair.events, 'ticket.called')[0]!.how).toBe('fairness');
  });

  it('answers TICKET_NOT_NO_SHOW for a waiting, called or finished ticket, TICKET_NOT_FOUND for an unknown one', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.take('A');
    const at = { windowNo: 2, staffNo: '102' };
    h.refuse((s, c) => reactivate(s, { ...at, number: 'A003' }, c), 'TICKET_NOT_NO_SHOW');
    h.next(1);
    const called = h.refuse((s, c) => reactivate(s, { ...at, number: 'A001' }, c), 'TICKET_NOT_NO_SHOW');
    expect(called.details).toMatchObject({ number: 'A001', status: 'called' });
    h.finish(1);
    h.refuse((s, c) => reactivate(s, { ...at, number: 'A001' }, c), 'TICKET_NOT_NO_SHOW');
    h.refuse((s, c) => reactivate(s, { ...at, number: 'A099' }, c), 'TICKET_NOT_FOUND');
    // Once reactivated it is no longer a no-show.
    h.next(1);
    h.noShow(1);
    h.reactivate(2, 'A002');
    h.refuse((s, c) => reactivate(s, { ...at, number: 'A002' }, c), 'TICKET_NOT_NO_SHOW');
  });

  it('needs staff signed in at the window they name', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.signOut(2);
    h.refuse((s, c) => reactivate(s, { windowNo: 2, staffNo: '102', number: 'A001' }, c), 'WRONG_WINDOW');
    h.refuse((s, c) => reactivate(s, { windowNo: 1, staffNo: '102', number: 'A001' }, c), 'WRONG_WINDOW');
    h.refuse((s, c) => reactivate(s, { windowNo: 42, staffNo: '102', number: 'A001' }, c), 'WINDOW_NOT_FOUND');
  });

  it('a reactivated ticket may miss its turn again and come back again', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.reactivate(1, 'A001');
    h.next(1);
    expect(h.noShow(1).result.status).toBe('no_show');
    h.advance(5);
    expect(h.reactivate(1, 'A001').result.reactivatedAt).toBe(h.now);
    expect(h.next(2)).toBe('A001');
    expect(h.finish(2).result.status).toBe('finished');
  });
});

describe('no-shows and the turn of the day', () => {
  it('a no-show from a previous day is gone: TICKET_NOT_FOUND', () => {
    const h = new TestHall({}, sh('2026-03-02 16:00'));
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1); // A001
    h.setClock(sh('2026-03-03 09:30'));
    h.refuse((s, c) => reactivate(s, { windowNo: 1, staffNo: '101', number: 'A002' }, c), 'TICKET_NOT_FOUND');
    h.take('A'); // today's A001, waiting
    h.refuse((s, c) => reactivate(s, { windowNo: 1, staffNo: '101', number: 'A001' }, c), 'TICKET_NOT_NO_SHOW');
    expect(h.ticket('A001').serviceDate).toBe('2026-03-03');
  });

  it('during extended service past midnight the old day’s no-show can still come back', () => {
    const h = new TestHall({}, sh('2026-03-02 16:00'));
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.setClock(sh('2026-03-02 17:20'));
    h.next(1); // a call after closing: window 1 is in extended service
    h.noShow(1); // A001; A002 still waiting keeps the day open
    h.setClock(sh('2026-03-03 00:40'));
    const back = h.reactivate(1, 'A001');
    expect(back.result).toMatchObject({ status: 'waiting', serviceDate: '2026-03-02' });
    expect(h.next(1)).toBe('A001');
    expectDomainError(() => h.callNext(1), 'TICKET_IN_SERVICE');
  });

  it('a window merely left signed in does not keep the old day: its no-show is gone after midnight', () => {
    const h = new TestHall({}, sh('2026-03-02 16:00'));
    h.signIn(1);
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1); // A001, called before closing; A002 still waiting
    h.setClock(sh('2026-03-03 00:40'));
    h.refuse((s, c) => reactivate(s, { windowNo: 1, staffNo: '101', number: 'A001' }, c), 'TICKET_NOT_FOUND');
    h.openDay();
    expect(h.state.serviceDate).toBe('2026-03-03');
  });
});
