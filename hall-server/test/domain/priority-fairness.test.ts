import { describe, expect, it } from 'vitest';
import { pickNext } from '../../src/domain';
import { MINUTE, TestHall, eventsOf, sh, type SettingsInput } from './fixtures';

// Priority (绿色通道, appointments) goes first, but never starves the others: after
// `priorityStreakLimit` priority calls in a row at a window, an ordinary ticket that has waited
// `ordinaryMaxWaitMinutes` is called next.

function hall(settings: SettingsInput = {}): TestHall {
  const h = new TestHall({ settings }, sh('2026-03-02 09:00'));
  for (const no of [1, 2, 3, 4]) h.signIn(no);
  return h;
}

/** Calls next at the window, finishes, and returns [number, how, streak after the call]. */
function serve(h: TestHall, windowNo: number): [string, string, number] {
  const call = h.callNext(windowNo);
  const how = eventsOf(call.events, 'ticket.called')[0]!.how;
  const streak = h.window(windowNo).priorityStreak;
  h.finish(windowNo);
  return [call.result.number, how, streak];
}

/** A001 ordinary at 09:00, then `n` priority tickets A002.. one minute apart. */
function ordinaryThenPriority(h: TestHall, n: number): void {
  h.take('A');
  for (let i = 0; i < n; i++) {
    h.advance(1);
    h.take('A', i % 2 === 0 ? 'green_channel' : 'appointment');
  }
}

describe('priority streak and fairness', () => {
  it('defaults to a streak of 3 and 20 minutes', () => {
    expect(hall().state.setup.settings.rules).toEqual({ priorityStreakLimit: 3, ordinaryMaxWaitMinutes: 20, handlingSamples: 50 });
  });

  it('after three priority calls, an ordinary ticket that has waited 20 minutes goes next, and the streak resets', () => {
    const h = hall();
    ordinaryThenPriority(h, 6); // A001 ordinary; A002..A007 priority
    h.setClock(sh('2026-03-02 09:25'));
    expect(serve(h, 1)).toEqual(['A002', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A003', 'next', 2]);
    expect(serve(h, 1)).toEqual(['A004', 'next', 3]);
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
    expect(serve(h, 1)).toEqual(['A005', 'next', 1]);
  });

  it('lets priority continue while the oldest ordinary ticket has waited less than the limit', () => {
    const h = hall();
    ordinaryThenPriority(h, 6);
    h.setClock(sh('2026-03-02 09:10'));
    expect(serve(h, 1)[0]).toBe('A002');
    expect(serve(h, 1)[0]).toBe('A003');
    expect(serve(h, 1)[0]).toBe('A004');
    expect(serve(h, 1)).toEqual(['A005', 'next', 4]);
    // One millisecond short of 20 minutes: still priority.
    h.setClock(sh('2026-03-02 09:20') - 1);
    expect(pickNext(h.state, 1, h.now)).toMatchObject({ how: 'next', ticket: { number: 'A006' } });
    // At exactly 20 minutes the ordinary ticket is due.
    h.setClock(sh('2026-03-02 09:20'));
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
  });

  it('does not apply before the streak is reached', () => {
    const h = hall();
    ordinaryThenPriority(h, 4);
    h.setClock(sh('2026-03-02 10:30')); // A001 has waited 90 minutes
    expect(serve(h, 1)).toEqual(['A002', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A003', 'next', 2]);
    expect(serve(h, 1)).toEqual(['A004', 'next', 3]);
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
  });

  it('counts the streak per window', () => {
    const h = hall();
    ordinaryThenPriority(h, 8);
    h.setClock(sh('2026-03-02 09:30'));
    expect(serve(h, 1)).toEqual(['A002', 'next', 1]);
    expect(serve(h, 2)).toEqual(['A003', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A004', 'next', 2]);
    expect(serve(h, 2)).toEqual(['A005', 'next', 2]);
    // Four priority calls in the hall, but only two at each window.
    expect(serve(h, 1)).toEqual(['A006', 'next', 3]);
    expect(serve(h, 2)).toEqual(['A007', 'next', 3]);
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
    expect(h.window(2).priorityStreak).toBe(3);
    expect(serve(h, 2)).toEqual(['A008', 'next', 4]);
  });

  it('an ordinary call resets the streak', () => {
    const h = hall();
    h.take('A', 'green_channel'); // A001
    h.take('A', 'green_channel'); // A002
    h.advance(1);
    h.take('A'); // A003 ordinary
    h.advance(1);
    for (let i = 0; i < 3; i++) h.take('A', 'appointment'); // A004..A006
    h.advance(1);
    h.take('A'); // A007 ordinary
    expect(serve(h, 1)).toEqual(['A001', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A002', 'next', 2]);
    const byNumber = h.callNumber(1, 'A003');
    expect(h.window(1).priorityStreak).toBe(0);
    expect(eventsOf(byNumber.events, 'ticket.called')[0]!.how).toBe('by_number');
    h.finish(1);
    h.setClock(sh('2026-03-02 10:00')); // A007 has waited long, but the streak starts again
    expect(serve(h, 1)).toEqual(['A004', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A005', 'next', 2]);
    expect(serve(h, 1)).toEqual(['A006', 'next', 3]);
    // Nothing but A007 is left: an overdue ordinary ticket, but routing picks it anyway, so it
    // is a plain call (no fairness), and the streak is over.
    expect(serve(h, 1)).toEqual(['A007', 'next', 0]);
  });

  it('a priority ticket called by number counts towards the streak', () => {
    const h = hall();
    h.take('A');
    h.advance(1);
    for (let i = 0; i < 3; i++) h.take('A', 'green_channel'); // A002..A004
    h.setClock(sh('2026-03-02 09:30'));
    h.callNumber(1, 'A004');
    expect(h.window(1).priorityStreak).toBe(1);
    h.finish(1);
    expect(serve(h, 1)).toEqual(['A002', 'next', 2]);
    expect(serve(h, 1)).toEqual(['A003', 'next', 3]);
    h.take('A', 'green_channel'); // A005
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
    expect(serve(h, 1)).toEqual(['A005', 'next', 1]);
  });

  it('follows the configured limit and wait', () => {
    const h = hall({ rules: { priorityStreakLimit: 1, ordinaryMaxWaitMinutes: 0 } });
    h.take('A'); // A001
    h.take('A'); // A002
    h.take('A', 'green_channel'); // A003
    h.take('A', 'green_channel'); // A004
    expect(serve(h, 1)).toEqual(['A003', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
    expect(serve(h, 1)).toEqual(['A004', 'next', 1]);
    // Only A002 is left: routing picks it anyway, so it is a plain call.
    expect(serve(h, 1)).toEqual(['A002', 'next', 0]);

    const strict = hall({ rules: { priorityStreakLimit: 5, ordinaryMaxWaitMinutes: 45 } });
    strict.take('A');
    for (let i = 0; i < 6; i++) strict.take('A', 'appointment');
    strict.advance(44);
    for (let i = 0; i < 5; i++) expect(serve(strict, 1)[1]).toBe('next');
    expect(strict.window(1).priorityStreak).toBe(5);
    expect(pickNext(strict.state, 1, strict.now)!.ticket.number).toBe('A007');
    strict.advance(1);
    expect(serve(strict, 1)).toEqual(['A001', 'fairness', 0]);
  });

  it('only reaches for ordinary tickets the window serves', () => {
    const h = hall();
    h.take('B'); // B001 ordinary, old, but window 1 does not serve B
    for (let i = 0; i < 5; i++) h.take('A', 'green_channel');
    h.advance(60);
    for (let i = 0; i < 5; i++) expect(serve(h, 1)[1]).toBe('next');
    expect(h.window(1).priorityStreak).toBe(5);
    expect(h.ticket('B001').status).toBe('waiting');
  });

  it('takes the oldest ordinary ticket across a fifo window’s categories', () => {
    const h = hall();
    h.take('B'); // B001 09:00
    h.advance(1);
    h.take('A'); // A001 09:01
    h.advance(1);
    for (let i = 0; i < 4; i++) h.take('A', 'green_channel');
    h.advance(30);
    serve(h, 3);
    serve(h, 3);
    serve(h, 3);
    expect(serve(h, 3)).toEqual(['B001', 'fairness', 0]);
  });

  it('on an ordered window, the overdue ordinary ticket comes even from a later category', () => {
    const h = hall();
    h.take('A'); // A001 ordinary, 09:00
    h.advance(1);
    for (let i = 0; i < 5; i++) h.take('B', 'appointment'); // B001..B005
    h.setClock(sh('2026-03-02 09:40'));
    expect(serve(h, 4)).toEqual(['B001', 'next', 1]);
    expect(serve(h, 4)).toEqual(['B002', 'next', 2]);
    expect(serve(h, 4)).toEqual(['B003', 'next', 3]);
    expect(serve(h, 4)).toEqual(['A001', 'fairness', 0]);
    expect(serve(h, 4)).toEqual(['B004', 'next', 1]);
  });

  it('keeps counting while only priority tickets wait', () => {
    const h = hall();
    for (let i = 0; i < 5; i++) h.take('A', 'green_channel');
    h.advance(30);
    for (let i = 1; i <= 5; i++) expect(serve(h, 1)).toEqual([`A00${i}`, 'next', i]);
    h.take('A'); // A006, fresh
    h.take('A', 'green_channel'); // A007
    expect(serve(h, 1)).toEqual(['A007', 'next', 6]);
    h.advance(20);
    h.take('A', 'green_channel'); // A008
    expect(serve(h, 1)).toEqual(['A006', 'fairness', 0]);
    expect(h.now - h.ticket('A006').issuedAt).toBe(20 * MINUTE);
  });
  it('is a plain next call, not fairness, when routing already picks an ordinary ticket after the streak', () => {
    const h = hall();
    h.take('A'); // A001 ordinary, 09:00
    h.advance(1);
    for (let i = 0; i < 3; i++) h.take('A', 'green_channel'); // A002..A004
    h.setClock(sh('2026-03-02 09:30')); // A001 has waited 30 minutes
    for (let i = 0; i < 3; i++) serve(h, 1);
    expect(h.window(1).priorityStreak).toBe(3);
    expect(pickNext(h.state, 1, h.now)).toMatchObject({ how: 'next', ticket: { number: 'A001' } });
    const call = h.callNext(1);
    expect(call.result.number).toBe('A001');
    expect(eventsOf(call.events, 'ticket.called')).toEqual([expect.objectContaining({ how: 'next', windowNo: 1 })]);
    expect(h.window(1).priorityStreak).toBe(0);
  });

  it('on an ordered window whose routing picks an ordinary ticket, that ticket is called as next, not the older overdue one', () => {
    const h = hall();
    h.take('A'); // A001 ordinary, 09:00: overdue by 09:40
    h.advance(1);
    for (let i = 0; i < 3; i++) h.take('B', 'appointment'); // B001..B003
    h.advance(1);
    h.take('B'); // B004 ordinary, 09:02
    h.take('A', 'green_channel'); // A002: priority, but window 4 takes B first
    h.setClock(sh('2026-03-02 09:40'));
    expect(serve(h, 4)).toEqual(['B001', 'next', 1]);
    expect(serve(h, 4)).toEqual(['B002', 'next', 2]);
    expect(serve(h, 4)).toEqual(['B003', 'next', 3]);
    // Routing picks B004 (ordinary): no fairness, the streak resets.
    expect(serve(h, 4)).toEqual(['B004', 'next', 0]);
    // Now routing picks the priority A002 and the streak is 0: no fairness either.
    expect(serve(h, 4)).toEqual(['A002', 'next', 1]);
    expect(serve(h, 4)).toEqual(['A001', 'next', 0]);
  });

  it('takes the overdue ordinary ticket with fairness only while routing would pick a priority ticket', () => {
    const h = hall({ rules: { priorityStreakLimit: 2, ordinaryMaxWaitMinutes: 10 } });
    h.take('A'); // A001 ordinary
    h.take('A'); // A002 ordinary
    h.advance(1);
    for (let i = 0; i < 3; i++) h.take('A', 'green_channel'); // A003..A005
    h.advance(15);
    expect(serve(h, 1)).toEqual(['A003', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A004', 'next', 2]);
    expect(pickNext(h.state, 1, h.now)).toMatchObject({ how: 'fairness', ticket: { number: 'A001' } });
    expect(serve(h, 1)).toEqual(['A001', 'fairness', 0]);
    expect(serve(h, 1)).toEqual(['A005', 'next', 1]);
    expect(serve(h, 1)).toEqual(['A002', 'next', 0]);
  });
});
