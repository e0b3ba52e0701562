import { isTicketUnattended } from './attended';
import { peopleAhead, servesTicket } from './routing';
import { seedOf, seededRandom, type Random } from './seeded-random';
import { categoryConfig } from './state';
import type { HallState, Ticket } from './types';
import { expectedCallAt, type RemainingMs } from './wait-lookahead';

// The waiting time printed on a ticket: the queue as it stands, played forward until the
// ticket is called (wait-lookahead.ts). How long each service takes is what is not known, and
// the estimate treats it one of three ways, by how many tickets wait:
//
// - Up to SAMPLED_MAX_WAITING: the median over CONTINUATIONS sampled continuations of the
//   queue. In each, every service takes a time drawn from the category's recent handling times
//   (bootstrap: one of them, each as likely): a whole one for a service still to start; for one
//   in hand, a recent time longer than it has already run, less what it has run. The ticket's
//   estimate is the median of the instants it is called at. The printed figure is judged by its
//   absolute error, which the median of what may happen minimises, not a mean; and with times
//   skewed to the right (most services about the usual time, a few far longer) the median wait
//   is shorter than the wait of the path where every service takes its mean.
// - Up to LOOKAHEAD_MAX_WAITING: one path, every service taking the category's recent mean
//   handling time. A service already in hand still needs its mean less the time it has run,
//   but at least a quarter of the mean: one that has run past its mean is not about to end on
//   the spot. (What it really has left depends on how variable services are: a whole mean if
//   exponential, about half a mean if lognormal with a coefficient of variation of 0.5. A
//   quarter, because the first of several busy windows to free frees sooner than any one of
//   them is expected to; from 0.2 to 0.4 the benchmark's error moves by less than a point, see
//   BENCHMARKS.md.)
// - Beyond: the people ahead shared among the windows serving the ticket (sharedOut).
//
// A category with fewer than OWN_TIMES_NEEDED recent handling times takes its configured default
// (defaultHandlingMinutes), as a fixed time, and the sampled continuations all come out as the
// mean path. A ticket that no window will call (attended.ts: every window serving it paused or
// closed after opening time, or none serving it at all) has no estimate: null, never 0.

/** The least share of its mean a service in hand is taken still to need. */
const LEAST_REMAINING_SHARE = 0.25;

/**
 * Playing the queue forward costs time in the tickets waiting: beyond this many (far more than
 * a county hall ever has) the estimate shares the people ahead among the windows serving the
 * ticket instead.
 */
const LOOKAHEAD_MAX_WAITING = 300;

/**
 * The sampled continuations cost CONTINUATIONS look-aheads, each in the tickets waiting. In the
 * demo hall (23 windows, all busy) an estimate took about 0.2 ms with 5 waiting, 0.45 with 20,
 * 0.9 with 60 (one mean-path look-ahead: 0.01 to 0.03 ms; 0.2 ms with 300): about a millisecond
 * for a ticket printed at a kiosk is well spent, tens of milliseconds would not be. And the longer
 * the queue, the less the median gains over the mean path: the wait of a ticket with n services
 * before it is a sum of n times, whose spread relative to its mean, and whose skew (what puts
 * the median below the mean), shrink like 1/√n.
 */
export const SAMPLED_MAX_WAITING = 60;

/**
 * How many continuations the median is taken over: odd, so the median is one of them. The
 * median of K draws misses the true median by about 1.25·σ/√K (σ the spread of the wait), which
 * adds about 0.8/K to the error of an estimate relative to the one the true median would give
 * (for a roughly normal spread: E|X − m̂| − E|X − m| ≈ f(m)·Var(m̂)). With 31: about 2.5%
 * more error than the exact median (27% of the mean wait would become about 27.7%); doubling K
 * would win about half of that back for twice the cost (on the benchmark's hall: 29.4% with 31,
 * 29.3% with 41, 29.15% with 63, 60 days of seeds 1 to 3).
 */
export const CONTINUATIONS = 31;

/**
 * How many recent handling times of its own a category needs before they replace its configured
 * default. Five: one or two quick services (a question answered at the counter, a visitor who
 * had the wrong papers) would otherwise make every estimate of the morning near zero; by five
 * the mean of services varying by half their mean is known to about a fifth, better than a
 * default set once a year. A hall keeping fewer samples (handlingSamples) needs all it keeps.
 */
export const OWN_TIMES_NEEDED = 5;

/** The category's recent handling times, once there are enough of them to go by; else none. */
function ownTimes(state: HallState, category: string): readonly number[] {
  const samples = state.handlingTimes[category] ?? [];
  const needed = Math.min(OWN_TIMES_NEEDED, state.setup.settings.rules.handlingSamples);
  return samples.length >= needed ? samples : [];
}

export function meanHandlingMs(state: HallState, category: string): number {
  const samples = ownTimes(state, category);
  if (samples.length === 0) return categoryConfig(state, category).defaultHandlingMinutes * 60_000;
  return samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
}

/**
 * Minutes until the waiting ticket is expected to be called, as a whole number, at least 0; null
 * when no window will call it (unattended: the wait is unknown).
 */
export function estimatedWaitMinutes(state: HallState, ticket: Ticket, now: number): number | null {
  if (ticket.status !== 'waiting') return 0;
  if (isTicketUnattended(state, ticket, now)) return null;
  const waiting = state.tickets.waitingCount;
  const calledAt =
    waiting > LOOKAHEAD_MAX_WAITING
      ? null
      : waiting > SAMPLED_MAX_WAITING
        ? expectedCallAt(state, ticket, now, meanRemaining(state))
        : medianCallAt(state, ticket, now);
  const waitMs = calledAt === null ? sharedOut(state, ticket) : calledAt - now;
  return Math.max(0, Math.round(waitMs / 60_000));
}

/**
 * The mean path: a service takes the category's mean, or what is left of it (see above). Each
 * category's mean is worked out once per estimate, not once per service played forward.
 */
function meanRemaining(state: HallState): RemainingMs {
  const means = new Map<string, number>();
  return (category, elapsedMs) => {
    let mean = means.get(category);
    if (mean === undefined) {
      mean = meanHandlingMs(state, category);
      means.set(category, mean);
    }
    return Math.max(mean - elapsedMs, LEAST_REMAINING_SHARE * mean);
  };
}

/**
 * The median instant the ticket is called at over CONTINUATIONS sampled continuations; null if
 * no window would ever call it. The draws come from a generator seeded with the ticket and the
 * instant: the same state, ticket and instant give the same estimate (a reprint a second later
 * may differ by the draws, as it may by the queue having moved).
 */
function medianCallAt(state: HallState, ticket: Ticket, now: number): number | null {
  const draws = drawnRemaining(state, seededRandom(seedOf(ticket.id, now)));
  const first = expectedCallAt(state, ticket, now, draws.remaining);
  // Nothing drawn (no category met had two handling times to draw from): every continuation
  // would be this one.
  if (first === null || !draws.drew) return first;
  const calls = [first];
  for (let k = 1; k < CONTINUATIONS; k++) {
    // Whether some window calls the ticket depends on who serves what, not on how long
    // services take: null in one continuation is null in all.
    const at = expectedCallAt(state, ticket, now, draws.remaining);
    if (at === null) return null;
    calls.push(at);
  }
  calls.sort((a, b) => a - b);
  return calls[(calls.length - 1) >> 1]!;
}

/**
 * Service times drawn from the categories' recent handling times, for sampled continuations.
 * `drew` tells whether any draw used the generator.
 */
export function drawnRemaining(state: HallState, random: Random): { remaining: RemainingMs; drew: boolean } {
  const sortedSamples = new Map<string, readonly number[]>();
  const mean = meanRemaining(state);
  const draws = {
    drew: false,
    remaining: (category: string, elapsedMs: number): number => {
      let sorted = sortedSamples.get(category);
      if (sorted === undefined) {
        sorted = [...ownTimes(state, category)].sort((a, b) => a - b);
        sortedSamples.set(category, sorted);
      }
      // Too few times of its own yet: the mean path's time, from the configured default.
      if (sorted.length === 0) return mean(category, elapsedMs);
      // The recent times longer than what the service in hand has run: those it may still turn
      // out to be (all of them for one about to start).
      const from = elapsedMs <= 0 ? 0 : firstAbove(sorted, elapsedMs);
      // It has run longer than every recent time: nothing to draw from. The mean path's rule,
      // which for a service past its mean is a quarter of the mean (see above): the recent
      // times say nothing of how much longer, and it is not about to end on the spot.
      if (from === sorted.length) return mean(category, elapsedMs);
      draws.drew = true;
      return sorted[from + Math.floor(random() * (sorted.length - from))]! - elapsedMs;
    },
  };
  return draws;
}

/** The index of the first of the ascending `sorted` greater than `value` (its length if none). */
function firstAbove(sorted: readonly number[], value: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rough estimate for a crowd too large to play forward: the people ahead and the ticket
 * itself shared among the windows serving it (the open ones; before opening time, when none is
 * open yet, all of them), one mean handling time each.
 */
function sharedOut(state: HallState, ticket: Ticket): number {
  const serving = state.setup.windows.filter((w) => servesTicket(w, ticket));
  const open = serving.filter((w) => state.windows.get(w.no)?.state === 'open');
  const windows = Math.max(1, open.length > 0 ? open.length : serving.length);
  return ((peopleAhead(state, ticket) + 1) * meanHandlingMs(state, ticket.category)) / windows;
}

/** Adds a finished service's duration to the category's recent handling times. */
export function withHandlingTime(state: HallState, category: string, ms: number): HallState {
  const keep = state.setup.settings.rules.handlingSamples;
  const samples = [...(state.handlingTimes[category] ?? []), ms].slice(-keep);
  return { ...state, handlingTimes: { ...state.handlingTimes, [category]: samples } };
}
