import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimatedWaitMinutes, type HallState } from '../../src/domain';
import { CONTINUATIONS, SAMPLED_MAX_WAITING, drawnRemaining } from '../../src/domain/estimate';
import { seededRandom } from '../../src/domain/seeded-random';
import { MINUTE, SMALL_HALL, TestHall, sh } from './fixtures';

// With at most SAMPLED_MAX_WAITING tickets waiting, the estimate is the median over CONTINUATIONS
// continuations of the queue in which every service takes a time drawn from the category's
// recent handling times: a whole one for a service to come; for one in hand, one of the recent
// times longer than it has run, less what it has run. Fallbacks: fewer than two recent times,
// the mean path's time (the configured default, or the one time); a service in hand longer than
// every recent time, the mean path's rule (a quarter of the mean). The seed comes from the ticket
// and the instant, so the same state, ticket and instant give the same estimate.

function hall(): TestHall {
  return new TestHall(SMALL_HALL, sh('2026-03-02 09:00'));
}

/** Puts the given recent handling times (minutes) in place for a category. */
function withTimes(h: TestHall, category: string, minutes: number[]): void {
  h.state = { ...h.state, handlingTimes: { ...h.state.handlingTimes, [category]: minutes.map((m) => m * MINUTE) } };
}

function estimate(h: TestHall, number: string, state: HallState = h.state): number | null {
  return estimatedWaitMinutes(state, h.ticket(number), h.now);
}

const repeat = (n: number, minutes: number): number[] => Array.from({ length: n }, () => minutes);

/** One window serving A, A001 in hand from now, `waiting` more A tickets (A002...). */
function oneBusyWindow(times: number[], waiting: number): TestHall {
  const h = hall();
  withTimes(h, 'A', times);
  h.signIn(1);
  h.take('A');
  h.next(1);
  for (let i = 0; i < waiting; i++) h.take('A');
  return h;
}

afterEach(() => vi.restoreAllMocks());

describe('the sampled estimate', () => {
  it('takes 31 continuations while at most 60 tickets wait', () => {
    expect(CONTINUATIONS).toBe(31);
    expect(SAMPLED_MAX_WAITING).toBe(60);
  });

  it('is below the mean path when times are skewed to the right: most short, a few far longer', () => {
    // Mean 10 minutes: 19 of 5 and one of 105. The mean path says 10 per service; in most
    // continuations each service takes 5.
    const h = oneBusyWindow([...repeat(19, 5), 105], 3);
    expect(estimate(h, 'A002')).toBe(5); // mean path 10
    expect(estimate(h, 'A003')).toBe(10); // mean path 20
    expect(estimate(h, 'A004')).toBe(15); // mean path 30
  });

  it('is above the mean path when times are skewed to the left: most long, a few far shorter', () => {
    // Mean 10 minutes: 19 of 10.4 and one of 2.4.
    const h = oneBusyWindow([...repeat(19, 10.4), 2.4], 5);
    expect(estimate(h, 'A004')).toBe(31); // 3 x 10.4; mean path 30
    expect(estimate(h, 'A006')).toBe(52); // 5 x 10.4; mean path 50
  });

  it('draws what is left of a service in hand from the recent times longer than it has run', () => {
    // 14 services of 5 minutes, 6 of 20 (mean 9.5). Before it has run, the service in hand is
    // most likely a short one; six minutes in, it is one of the long ones: 14 to go. The mean
    // path says 9.5 - 6 = 3.5.
    const h = oneBusyWindow([...repeat(14, 5), ...repeat(6, 20)], 1);
    expect(estimate(h, 'A002')).toBe(5);
    h.advance(6);
    expect(estimate(h, 'A002')).toBe(14);
  });

  it('takes a service in hand longer than every recent time to need a quarter of the mean', () => {
    const h = oneBusyWindow([6, 8, 10, 6, 10], 2); // mean 8
    h.advance(11);
    expect(estimate(h, 'A002')).toBe(2); // nothing longer than 11 to draw from: 8 / 4
    // A003: 2, then A002's service, one of 6, 8 or 10 (the median continuation: 8).
    expect(estimate(h, 'A003')).toBe(10);
  });

  it('with fewer than five recent times of its own, takes the mean path with the configured default', () => {
    const none = oneBusyWindow([], 2);
    expect(estimate(none, 'A002')).toBe(10);
    expect(estimate(none, 'A003')).toBe(20);
    const four = oneBusyWindow(repeat(4, 12), 1);
    four.advance(11);
    // Drawn from the four, it would be 12 - 11 = 1; the default, 10, keeps a quarter of itself.
    expect(estimate(four, 'A002')).toBe(3);
    const five = oneBusyWindow(repeat(5, 12), 1);
    five.advance(11);
    expect(estimate(five, 'A002')).toBe(1);
  });

  it('is not made zero by a few very quick services', () => {
    // Two visitors who only asked a question at the counter: their half minutes say nothing yet
    // of how long the category takes.
    const h = oneBusyWindow([0.5, 0.5], 3);
    expect(estimate(h, 'A002')).toBe(10);
    expect(estimate(h, 'A004')).toBe(30);
  });

  it('draws each category from its own times', () => {
    const h = hall();
    withTimes(h, 'A', [...repeat(19, 5), 105]);
    withTimes(h, 'B', repeat(20, 30));
    h.signIn(1);
    h.signIn(3);
    h.take('A');
    h.take('B');
    h.next(1);
    h.next(3);
    h.take('A');
    h.take('B');
    expect(estimate(h, 'A002')).toBe(5);
    expect(estimate(h, 'B002')).toBe(30); // B has no spread: every draw is 30
  });

  it('gives the same estimate for the same state, ticket and instant, without Math.random or the clock', () => {
    const times = [3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 16, 19, 23, 28, 35];
    const build = (): TestHall => {
      const h = hall();
      withTimes(h, 'A', times);
      h.signIn(1);
      h.signIn(2);
      for (let i = 0; i < 2; i++) {
        h.take('A');
        h.advance(1);
      }
      h.next(1);
      h.advance(2);
      h.next(2);
      h.advance(3);
      for (let i = 0; i < 8; i++) h.take('A');
      return h;
    };
    const random = vi.spyOn(Math, 'random');
    const clock = vi.spyOn(Date, 'now');
    const [first, second] = [build(), build()];
    const estimates = (h: TestHall) => Array.from({ length: 8 }, (_, i) => estimate(h, `A${String(i + 3).padStart(3, '0')}`));
    const once = estimates(first);
    expect(estimates(first)).toEqual(once);
    expect(estimates(second)).toEqual(once);
    expect(random).not.toHaveBeenCalled();
    expect(clock).not.toHaveBeenCalled();
    for (let i = 1; i < once.length; i++) expect(once[i]!).toBeGreaterThanOrEqual(once[i - 1]!);
  });

  it('draws different continuations from different seeds', () => {
    const h = oneBusyWindow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0);
    const draw = (seed: number) => {
      const { remaining } = drawnRemaining(h.state, seededRandom(seed));
      return Array.from({ length: 10 }, () => remaining('A', 0) / MINUTE);
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const minutes of draw(3)) expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).toContain(minutes);
    const { remaining } = drawnRemaining(h.state, seededRandom(4));
    for (let i = 0; i < 20; i++) expect([1, 2, 3]).toContain(remaining('A', 7 * MINUTE) / MINUTE);
  });

  it('beyond 60 tickets waiting, takes the mean path', () => {
    const h = oneBusyWindow([...repeat(19, 5), 105], SAMPLED_MAX_WAITING);
    expect(h.state.tickets.waitingCount).toBe(SAMPLED_MAX_WAITING);
    expect(estimate(h, 'A002')).toBe(5); // sampled
    h.take('A');
    expect(estimate(h, 'A002')).toBe(10); // the mean path
  });
});
