import { describe, expect, it } from 'vitest';
import { callNumber, pickNext, transfer } from '../../src/domain';
import { TestHall, eventsOf, expectDomainError, sh } from './fixtures';

// Default hall: windows 1, 2 serve A (fifo); 3 serves A+B (fifo); 4 serves B then A (ordered);
// 5 serves C; nobody serves D.

function hall(): TestHall {
  const h = new TestHall({}, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3, 4, 5]) h.signIn(no);
  return h;
}

describe('transfer to a category', () => {
  it('puts the ticket back to waiting in the new category, keeping its number and issue time', () => {
    const h = hall();
    const issued = h.issue('A').result.ticket;
    h.advance(5);
    h.next(1);
    h.advance(3);
    const outcome = h.transfer(1, { toCategory: 'B' }, '需不动产登记');
    expect(outcome.result).toEqual({
      ...issued,
      category: 'B',
      status: 'waiting',
      targetWindowNo: null,
      windowNo: 1,
      calledAt: null,
      // Where it came from and why, for the staff who call it next.
      transfer: { fromWindowNo: 1, fromCategory: 'A', note: '需不动产登记', at: h.now },
    });
    expect(outcome.tickets).toEqual([outcome.result]);
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 1, currentTicketId: null, state: 'open' })]);
    expect(outcome.events).toEqual([
      {
        type: 'ticket.transferred',
        at: h.now,
        serviceDate: '2026-03-02',
        ticketId: issued.id,
        windowNo: 1,
        staffNo: '101',
        toCategory: 'B',
        toWindowNo: null,
        note: '需不动产登记',
      },
    ]);
    // No new number: the B sequence is untouched.
    expect(h.state.counters).toEqual({ A: 1 });
    expect(h.take('B')).toBe('B001');
  });

  it('goes ahead of tickets issued after it in the target category, behind older ones', () => {
    const h = hall();
    h.take('B'); // B001 09:00
    h.advance(1);
    h.take('A'); // A001 09:01
    h.advance(1);
    h.take('B'); // B002 09:02
    h.advance(1);
    h.take('B'); // B003 09:03
    h.advance(10);
    expect(h.next(1)).toBe('A001');
    h.transfer(1, { toCategory: 'B' });
    expect(h.drain(4)).toEqual(['B001', 'A001', 'B002', 'B003']);
  });

  it('is no longer called by windows of its old category only', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toCategory: 'C' });
    expectDomainError(() => h.callNext(1), 'QUEUE_EMPTY');
    expectDomainError(() => h.callNext(2), 'QUEUE_EMPTY');
    expect(h.next(5)).toBe('A001');
    expect(h.ticket('A001').category).toBe('C');
  });

  it('refuses the same category (unless the ticket was sent to a window by name)', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    const error = h.refuse((s, c) => transfer(s, { windowNo: 1, staffNo: '101', target: { toCategory: 'A' }, note: null }, c), 'TRANSFER_TARGET_INVALID');
    expect(error.details).toEqual({ toCategory: 'A' });
  });

  it('refuses a category no window serves, and an unknown one', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.refuse((s, c) => transfer(s, { windowNo: 1, staffNo: '101', target: { toCategory: 'D' }, note: null }, c), 'TRANSFER_TARGET_INVALID');
    h.refuse((s, c) => transfer(s, { windowNo: 1, staffNo: '101', target: { toCategory: 'Z' }, note: null }, c), 'CATEGORY_NOT_FOUND');
    expect(h.ticket('A001').status).toBe('called');
  });
});

describe('transfer to a named window', () => {
  it('keeps the category and sends the ticket to that window', () => {
    const h = hall();
    const issued = h.issue('A').result.ticket;
    h.next(1);
    h.advance(2);
    const outcome = h.transfer(1, { toWindowNo: 3 }, '并联审批');
    expect(outcome.result).toEqual({
      ...issued,
      status: 'waiting',
      targetWindowNo: 3,
      windowNo: 1,
      calledAt: null,
      transfer: { fromWindowNo: 1, fromCategory: 'A', note: '并联审批', at: h.now },
    });
    expect(eventsOf(outcome.events, 'ticket.transferred')[0]).toMatchObject({ toCategory: 'A', toWindowNo: 3, note: '并联审批', windowNo: 1, staffNo: '101' });
  });

  it('keeps its origin and note once called there; a second transfer names the latest origin', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 3 }, '并联审批');
    const movedAt = h.now;
    h.advance(4);
    expect(h.next(3)).toBe('A001');
    expect(h.ticket('A001')).toMatchObject({ status: 'called', windowNo: 3, transfer: { fromWindowNo: 1, fromCategory: 'A', note: '并联审批', at: movedAt } });
    h.transfer(3, { toCategory: 'B' });
    expect(h.ticket('A001').transfer).toEqual({ fromWindowNo: 3, fromCategory: 'A', note: null, at: h.now });
  });

  it('is called only at that window, not at others serving its category', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 3 });
    expect(pickNext(h.state, 1, h.now)).toBeNull();
    expect(pickNext(h.state, 2, h.now)).toBeNull();
    expect(pickNext(h.state, 4, h.now)).toBeNull();
    expectDomainError(() => h.callNext(2), 'QUEUE_EMPTY');
    h.refuse((s, c) => callNumber(s, { windowNo: 2, staffNo: '102', number: 'A001' }, c), 'TICKET_NOT_SERVED_HERE');
    expect(h.next(3)).toBe('A001');
  });

  it('comes first there among later-issued tickets, behind older ones', () => {
    const h = hall();
    h.take('B'); // B001 09:00
    h.advance(1);
    h.take('A'); // A001 09:01
    h.advance(1);
    h.take('A'); // A002 09:02
    h.advance(1);
    h.take('B'); // B002 09:03
    h.advance(5);
    expect(h.next(1)).toBe('A001');
    h.transfer(1, { toWindowNo: 3 });
    // Other A windows carry on with the general queue.
    expect(h.next(2)).toBe('A002');
    h.take('A'); // A003, later
    expect(h.drain(3)).toEqual(['B001', 'A001', 'B002', 'A003']);
  });

  it('reaches a window outside its category, which calls it (first, on an ordered window)', () => {
    const h = hall();
    h.take('C'); // C001
    h.advance(1);
    h.take('B'); // B001
    h.advance(1);
    h.next(5);
    h.transfer(5, { toWindowNo: 4 });
    expect(h.ticket('C001')).toMatchObject({ category: 'C', targetWindowNo: 4, status: 'waiting' });
    expect(h.next(4)).toBe('C001');
    h.finish(4);
    expect(h.next(4)).toBe('B001');

    const g = hall();
    g.take('C');
    g.next(5);
    g.transfer(5, { toWindowNo: 1 });
    expect(g.callNumber(1, 'C001').result.windowNo).toBe(1);
  });

  it('can be sent back to the general queue of its own category', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 3 });
    h.next(3);
    h.transfer(3, { toCategory: 'A' });
    expect(h.ticket('A001')).toMatchObject({ targetWindowNo: null, category: 'A', status: 'waiting' });
    expect(h.next(2)).toBe('A001');
  });

  it('a ticket sent to a window then to a category leaves the named window behind', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 2 });
    h.next(2);
    h.transfer(2, { toCategory: 'C' });
    expect(h.ticket('A001').targetWindowNo).toBeNull();
    expectDomainError(() => h.callNext(2), 'QUEUE_EMPTY');
    expect(h.next(5)).toBe('A001');
  });

  it('refuses the window itself and an unknown window', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.refuse((s, c) => transfer(s, { windowNo: 1, staffNo: '101', target: { toWindowNo: 1 }, note: null }, c), 'TRANSFER_TARGET_INVALID');
    h.refuse((s, c) => transfer(s, { windowNo: 1, staffNo: '101', target: { toWindowNo: 99 }, note: null }, c), 'WINDOW_NOT_FOUND');
    expect(h.window(1).currentTicketId).toBe(h.ticket('A001').id);
  });

  it('may name a window that is closed; the ticket waits for it', () => {
    const h = hall();
    h.signOut(2);
    h.take('A');
    h.next(1);
    h.transfer(1, { toWindowNo: 2 });
    expect(pickNext(h.state, 1, h.now)).toBeNull();
    h.signIn(2);
    expect(h.next(2)).toBe('A001');
  });
});

describe('transfer and the rest of the queue', () => {
  it('the transferring window is free to call again', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.next(1);
    h.transfer(1, { toCategory: 'B' });
    expect(h.next(1)).toBe('A002');
  });

  it('a transferred ticket can be transferred again, finished, or marked a no-show', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.transfer(1, { toCategory: 'B' });
    h.next(4);
    h.transfer(4, { toWindowNo: 5 });
    h.next(5);
    h.noShow(5);
    expect(h.ticket('A001')).toMatchObject({ status: 'no_show', category: 'B', targetWindowNo: 5, windowNo: 5 });
  });
});
