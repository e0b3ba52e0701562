import { describe, expect, it } from 'vitest';
import { LISTED, windowDay } from '../../src/domain';
import { TestHall, sh } from './fixtures';

// What a console offers to pick from: the tickets the window would call, in that order, and
// the day's no-shows it called or could call.

function hall(): TestHall {
  const h = new TestHall({}, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3, 4, 5]) h.signIn(no);
  return h;
}
const numbers = (tickets: readonly { number: string }[]) => tickets.map((t) => t.number);

describe('the window’s queue, for 点号', () => {
  it('lists whom the window would call, in the order it would call them', () => {
    const h = hall();
    h.take('B'); // B001
    h.advance(1);
    h.take('A'); // A001, sent to window 4 by name below
    h.advance(1);
    h.take('A'); // A002
    h.take('C'); // C001: neither window's
    h.advance(1);
    h.take('A', 'green_channel'); // A003, priority
    expect(h.next(1)).toBe('A003');
    h.finish(1);
    expect(h.next(1)).toBe('A001');
    h.transfer(1, { toWindowNo: 4 }, '需自然资源局核验');
    // Window 4 is ordered (B, then A): B001 first; then A, where A001 keeps its early place.
    expect(numbers(windowDay(h.state, 4, h.now).queue)).toEqual(['B001', 'A001', 'A002']);
    // Window 3 (fifo, A and B) may not call A001: it was sent to window 4 by name.
    expect(numbers(windowDay(h.state, 3, h.now).queue)).toEqual(['B001', 'A002']);
    expect(windowDay(h.state, 4, h.now).queue[1]?.transfer).toMatchObject({ fromWindowNo: 1, note: '需自然资源局核验' });
  });

  it('follows the fairness and priority rules as 叫号 would', () => {
    const h = hall();
    h.take('C'); // C001
    h.take('C', 'green_channel'); // C002
    h.take('C', 'green_channel'); // C003
    expect(numbers(windowDay(h.state, 5, h.now).queue)).toEqual(['C002', 'C003', 'C001']);
  });

  it('lists at most LISTED tickets', () => {
    const h = hall();
    for (let i = 0; i < LISTED + 5; i++) h.take('C');
    const day = windowDay(h.state, 5, h.now);
    expect(day.queue).toHaveLength(LISTED);
    expect(day.waiting).toEqual([{ code: 'C', waiting: LISTED + 5 }]);
  });
});

describe('the window’s no-shows, for 恢复过号', () => {
  it('lists the no-shows of its categories and its own, latest called first', () => {
    const h = hall();
    for (const category of ['A', 'A', 'C']) h.take(category);
    h.next(1);
    h.noShow(1); // A001 at window 1
    h.advance(1);
    h.next(2);
    h.noShow(2); // A002 at window 2
    h.next(5);
    h.noShow(5); // C001: not window 1's category
    expect(numbers(windowDay(h.state, 1, h.now).noShows)).toEqual(['A002', 'A001']);
    expect(numbers(windowDay(h.state, 5, h.now).noShows)).toEqual(['C001']);
    h.reactivate(1, 'A002');
    expect(numbers(windowDay(h.state, 1, h.now).noShows)).toEqual(['A001']);
  });
});
