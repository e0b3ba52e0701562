import { NO_SHOW_UNDO_SECONDS } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { undoNoShow } from '../../src/domain';
import { TestHall, sh } from './fixtures';

// 撤销过号: a 过号 pressed by mistake is taken back for NO_SHOW_UNDO_SECONDS, while the window
// has called nobody since.

function hall(): TestHall {
  const h = new TestHall({}, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3]) h.signIn(no);
  return h;
}

const UNDO_MS = NO_SHOW_UNDO_SECONDS * 1000;
const undoAt = (windowNo: number, staffNo: string, number: string) => (s: Parameters<typeof undoNoShow>[0], c: Parameters<typeof undoNoShow>[2]) =>
  undoNoShow(s, { windowNo, staffNo, number }, c);

describe('undo no-show (撤销过号)', () => {
  it('is allowed for ten seconds: the ticket is in hand again, with its first call time', () => {
    expect(NO_SHOW_UNDO_SECONDS).toBe(10);
    const h = hall();
    h.take('A');
    h.take('A');
    const called = h.callNext(1).result;
    h.advance(2);
    h.noShow(1);
    expect(h.window(1).lastNoShow).toEqual({ ticketId: called.id, at: h.now });
    h.clock.advanceMs(UNDO_MS);
    const outcome = h.undoNoShow(1, 'A001');
    expect(outcome.result).toEqual({ ...called, status: 'called' });
    expect(outcome.windows).toEqual([expect.objectContaining({ no: 1, currentTicketId: called.id, lastNoShow: null })]);
    expect(outcome.events).toEqual([{ type: 'ticket.no_show_undone', at: h.now, serviceDate: '2026-03-02', ticketId: called.id, windowNo: 1, staffNo: '101' }]);
    // The visitor is served as if nothing happened; A002 is still next.
    h.finish(1);
    expect(h.ticket('A001').status).toBe('finished');
    expect(h.next(1)).toBe('A002');
  });

  it('is refused once the time is up', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.clock.advanceMs(UNDO_MS + 1);
    const error = h.refuse(undoAt(1, '101', 'A001'), 'NO_SHOW_UNDO_EXPIRED');
    expect(error.details).toMatchObject({ seconds: 10 });
    expect(h.ticket('A001').status).toBe('no_show');
  });

  it('is refused once the window has called someone else, even if already done with them', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1);
    expect(h.next(1)).toBe('A002');
    h.refuse(undoAt(1, '101', 'A001'), 'NO_SHOW_UNDO_CALLED_SINCE');
    h.finish(1);
    h.refuse(undoAt(1, '101', 'A001'), 'NO_SHOW_UNDO_CALLED_SINCE');
  });

  it('takes back only the window’s last 过号', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.next(1);
    h.noShow(1);
    h.refuse(undoAt(1, '101', 'A001'), 'NO_SHOW_UNDO_CALLED_SINCE');
    expect(h.undoNoShow(1, 'A002').result.status).toBe('called');
  });

  it('is refused at another window, for a ticket not no-show, and for staff not signed in there', () => {
    const h = hall();
    h.take('A');
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.refuse(undoAt(2, '102', 'A001'), 'NO_SHOW_UNDO_OTHER_WINDOW');
    h.refuse(undoAt(1, '101', 'A002'), 'TICKET_NOT_NO_SHOW');
    h.refuse(undoAt(1, '102', 'A001'), 'WRONG_WINDOW');
    // Reactivated meanwhile (the visitor went to the guide): it waits again, nothing to undo.
    h.reactivate(2, 'A001');
    h.refuse(undoAt(1, '101', 'A001'), 'TICKET_NOT_NO_SHOW');
  });

  it('is forgotten when the staff member signs out', () => {
    const h = hall();
    h.take('A');
    h.next(1);
    h.noShow(1);
    h.signOut(1);
    h.signIn(1);
    h.refuse(undoAt(1, '101', 'A001'), 'NO_SHOW_UNDO_CALLED_SINCE');
  });
});
