import { describe, expect, it } from 'vitest';
import { callNumber, pickNext, type CommandContext, type HallState } from '../../src/domain';
import { TestHall, eventsOf, expectDomainError, sh } from './fixtures';

// Default hall: windows 1, 2 serve A (fifo); 3 serves A+B (fifo); 4 serves B then A (ordered); 5 serves C.

function hall(): TestHall {
  const h = new TestHall({}, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3, 4, 5]) h.signIn(no);
  return h;
}

describe('callNext', () => {
  it('calls the ticket: status called at this window, the window serves it, the event says so', () => {
    const h = hall();
    const issued = h.issue('A').result.ticket;
    h.advance(3);
    const call = h.callNext(1);
    expect(call.result).toEqual({ ...issued, status: 'called', windowNo: 1, calledAt: h.now });
    expect(call.tickets).toEqual([call.result]);
    expect(call.windows).toEqual([
      { no: 1, state: 'open', pauseReason: null, pauseUntil: null, staffNo: '101', currentTicketId: issued.id, priorityStreak: 0, extendedServiceDate: null },
    ]);
    expect(call.events).toEqual([
      { type: 'ticket.called', at: h.now, serviceDate: '2026-03-02', ticketId: issued.id, windowNo: 1, staffNo: '101', how: 'next' },
    ]);
  });

  it('answers QUEUE_EMPTY when nothing waits for the window', () => {
    const h = hall();
    expect(pickNext(h.state, 1, h.now)).toBeNull();
    const refused = expectDomainError(() => h.callNext(1), 'QUEUE_EMPTY');
    expect(refused.details).toEqual({ windowNo: 1 });
    expect(h.window(1).currentTicketId).toBeNull();
  });

  it('pickNext only looks: the state is not changed', () => {
    const h = hall();
    h.take('A');
    const before = h.state;
    const pick = pickNext(h.state, 1, h.now);
    expect(pick).toMatchObject({ how: 'next', ticket: { number: 'A001', status: 'waiting' } });
    expect(h.state).toBe(before);
    expect(h.ticket('A001').status).toBe('waiting');
  });
});

describe('a window only calls tickets of its categories', () => {
  it('leaves other categories alone', () => {
    const h = hall();
    h.take('B');
    h.take('C');
    expect(pickNext(h.state, 1, h.now)).toBeNull();
    expectDomainError(() => h.callNext(1), 'QUEUE_EMPTY');
    expectDomainError(() => h.callNext(2), 'QUEUE_EMPTY');
    expect(h.next(5)).toBe('C001');
    expect(h.next(3)).toBe('B001');
  });

  it('does not call a ticket already called at another window, nor a finished one', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    expect(h.next(1)).toBe('A001');
    expect(h.next(2)).toBe('A002');
    h.finish(1);
    expectDomainError(() => h.callNext(1), 'QUEUE_EMPTY');
  });

  it('answers WINDOW_NOT_FOUND for pickNext on an unknown window', () => {
    const h = hall();
    h.take('A');
    expectDomainError(() => pickNext(h.state, 99, h.now), 'WINDOW_NOT_FOUND');
  });
});

describe('fifo windows', () => {
  it('call the oldest waiting ticket', () => {
    const h = hall();
    ['A001', 'A002', 'A003'].forEach((n) => {
      expect(h.take('A')).toBe(n);
      h.advance(1);
    });
    expect(h.drain(1)).toEqual(['A001', 'A002', 'A003']);
  });

  it('take the oldest across all their categories', () => {
    const h = hall();
    h.take('B'); // B001 first
    h.advance(1);
    h.take('A'); // A001
    h.advance(1);
    h.take('B'); // B002
    h.advance(1);
    h.take('A'); // A002
    expect(h.drain(3)).toEqual(['B001', 'A001', 'B002', 'A002']);
  });

  it('break a tie of the same instant by sequence', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.take('A');
    expect(h.drain(1)).toEqual(['A001', 'A002', 'A003']);
  });

  it('put priority tickets (green channel, appointment) ahead of ordinary ones, across categories', () => {
    const h = hall();
    h.take('A'); // A001 ordinary, oldest
    h.advance(1);
    h.take('A'); // A002 ordinary
    h.advance(1);
    h.take('B', 'green_channel'); // B001
    h.advance(1);
    h.take('A', 'appointment'); // A003
    h.advance(1);
    const calls: string[] = [];
    for (let i = 0; i < 4; i++) {
      calls.push(h.next(3));
      h.finish(3);
    }
    expect(calls).toEqual(['B001', 'A003', 'A001', 'A002']);
  });

  it('serve priority tickets among themselves by issue time, whatever the kind', () => {
    const h = hall();
    h.take('A', 'appointment'); // A001
    h.advance(1);
    h.take('A', 'green_channel'); // A002
    h.advance(1);
    h.take('A', 'appointment'); // A003
    expect(h.drain(1)).toEqual(['A001', 'A002', 'A003']);
  });
});

describe('ordered windows', () => {
  it('take the first category in their list with anyone waiting, then the oldest in it', () => {
    const h = hall();
    h.take('A'); // A001, the oldest of all
    h.advance(1);
    h.take('B'); // B001
    h.advance(1);
    h.take('B'); // B002
    h.advance(1);
    h.take('A'); // A002
    expect(h.drain(4)).toEqual(['B001', 'B002', 'A001', 'A002']);
  });

  it('go back to the first category as soon as someone is waiting there', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    expect(h.next(4)).toBe('A001');
    h.finish(4);
    h.advance(1);
    h.take('B');
    expect(h.next(4)).toBe('B001');
  });

  it('apply priority within the chosen category only', () => {
    const h = hall();
    h.take('A', 'green_channel'); // A001 priority, oldest
    h.advance(1);
    h.take('B'); // B001 ordinary
    h.advance(1);
    h.take('B', 'appointment'); // B002 priority
    h.advance(1);
    h.take('A'); // A002
    h.advance(1);
    h.take('A', 'appointment'); // A003
    const calls: string[] = [];
    for (let i = 0; i < 5; i++) {
      calls.push(h.next(4));
      h.finish(4);
    }
    expect(calls).toEqual(['B002', 'B001', 'A001', 'A003', 'A002']);
  });

  it('differ from fifo on the same queue', () => {
    const h = hall();
    h.take('A');
    h.advance(1);
    h.take('B');
    const fifo = pickNext(h.state, 3, h.now)!;
    const ordered = pickNext(h.state, 4, h.now)!;
    expect(fifo.ticket.number).toBe('A001');
    expect(ordered.ticket.number).toBe('B001');
    expect(fifo.how).toBe('next');
    expect(ordered.how).toBe('next');
  });
});

describe('several windows on one category', () => {
  it('share the queue in order', () => {
    const h = hall();
    for (let i = 0; i < 5; i++) {
      h.take('A');
      h.advance(1);
    }
    expect(h.next(1)).toBe('A001');
    expect(h.next(2)).toBe('A002');
    expect(h.next(3)).toBe('A003');
    expect(h.next(4)).toBe('A004'); // no B waiting: A
    h.finish(2);
    expect(h.next(2)).toBe('A005');
    expectDomainError(() => h.callNext(1), 'TICKET_IN_SERVICE');
    h.finish(1);
    expectDomainError(() => h.callNext(1), 'QUEUE_EMPTY');
  });
});

describe('call by number (点号)', () => {
  it('calls that waiting ticket, ahead of older ones, how by_number', () => {
    const h = hall();
    ['A', 'A', 'A'].forEach(() => {
      h.take('A');
      h.advance(1);
    });
    const call = h.callNumber(1, 'A003');
    expect(call.result).toMatchObject({ number: 'A003', status: 'called', windowNo: 1, calledAt: h.now });
    expect(eventsOf(call.events, 'ticket.called')).toEqual([
      expect.objectContaining({ ticketId: call.result.id, windowNo: 1, staffNo: '101', how: 'by_number' }),
    ]);
    expect(h.window(1).currentTicketId).toBe(call.result.id);
    h.finish(1);
    expect(h.drain(1)).toEqual(['A001', 'A002']);
  });

  it('answers TICKET_NOT_WAITING for a ticket called elsewhere, finished or a no-show', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.take('A');
    h.next(1); // A001 called at 1
    h.refuse((s, c) => callNumberAt(s, c, 2, 'A001'), 'TICKET_NOT_WAITING');
    h.finish(1);
    h.refuse((s, c) => callNumberAt(s, c, 2, 'A001'), 'TICKET_NOT_WAITING');
    h.next(1); // A002
    h.noShow(1);
    const error = h.refuse((s, c) => callNumberAt(s, c, 2, 'A002'), 'TICKET_NOT_WAITING');
    expect(error.details).toMatchObject({ number: 'A002', status: 'no_show' });
    // The window itself stayed free.
    expect(h.window(2).currentTicketId).toBeNull();
  });

  it('answers TICKET_NOT_SERVED_HERE for a category the window does not serve', () => {
    const h = hall();
    h.take('B');
    h.take('C');
    h.refuse((s, c) => callNumberAt(s, c, 1, 'B001'), 'TICKET_NOT_SERVED_HERE');
    h.refuse((s, c) => callNumberAt(s, c, 3, 'C001'), 'TICKET_NOT_SERVED_HERE');
    expect(h.callNumber(3, 'B001').result.status).toBe('called');
  });

  it('answers TICKET_NOT_FOUND for an unknown number', () => {
    const h = hall();
    h.take('A');
    h.refuse((s, c) => callNumberAt(s, c, 1, 'A002'), 'TICKET_NOT_FOUND');
    h.refuse((s, c) => callNumberAt(s, c, 1, 'Z001'), 'TICKET_NOT_FOUND');
    h.refuse((s, c) => callNumberAt(s, c, 1, ''), 'TICKET_NOT_FOUND');
  });

  it('does not find yesterday’s numbers once the day has turned', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.signOut(1);
    h.signOut(2);
    h.signOut(3);
    h.signOut(4);
    h.signOut(5);
    h.setClock(sh('2026-03-03 09:10'));
    h.signIn(1);
    h.take('A'); // today's A001
    h.refuse((s, c) => callNumberAt(s, c, 1, 'A002'), 'TICKET_NOT_FOUND');
    expect(h.callNumber(1, 'A001').result.serviceDate).toBe('2026-03-03');
  });

  it('needs a free, open window with its own staff', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.refuse((s, c) => callNumberAt(s, c, 1, 'A002', '102'), 'WRONG_WINDOW');
    h.next(1);
    h.refuse((s, c) => callNumberAt(s, c, 1, 'A002'), 'TICKET_IN_SERVICE');
    h.pause(2);
    h.refuse((s, c) => callNumberAt(s, c, 2, 'A002'), 'WINDOW_PAUSED');
  });
});

function callNumberAt(state: HallState, ctx: CommandContext, windowNo: number, number: string, staffNo = `10${windowNo}`) {
  return callNumber(state, { windowNo, staffNo, number }, ctx);
}
