import { peopleAhead, servesTicket } from './routing';
import { categoryConfig } from './state';
import type { HallState, Ticket } from './types';
import { expectedCallAt } from './wait-lookahead';

// The waiting time printed on a ticket: the queue as it stands, played forward until the
// ticket is called (wait-lookahead.ts), every service taking the category's recent mean
// handling time (its configured default before the hall has any). A service already in hand
// still needs its mean less the time it has run, but at least a quarter of the mean: one that
// has run past its mean is not about to end on the spot. (What it really has left depends on
// how variable services are: a whole mean if exponential, about half a mean if lognormal with
// a coefficient of variation of 0.5. A quarter, because the first of several busy windows to
// free frees sooner than any one of them is expected to; from 0.2 to 0.4 the benchmark's
// error moves by less than a point, see BENCHMARKS.md.)

/** The least share of its mean a service in hand is taken still to need. */
const LEAST_REMAINING_SHARE = 0.25;

/**
 * Playing the queue forward costs time in the square of the tickets waiting: beyond this many
 * (far more than a county hall ever has) the estimate shares the people ahead among the
 * windows serving the ticket instead.
 */
const LOOKAHEAD_MAX_WAITING = 300;

export function meanHandlingMs(state: HallState, category: string): number {
  const samples = state.handlingTimes[category] ?? [];
  if (samples.length === 0) return categoryConfig(state, category).defaultHandlingMinutes * 60_000;
  return samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
}

/** Minutes until the waiting ticket is expected to be called, as a whole number, at least 0. */
export function estimatedWaitMinutes(state: HallState, ticket: Ticket, now: number): number {
  if (ticket.status !== 'waiting') return 0;
  const calledAt =
    state.tickets.waitingCount > LOOKAHEAD_MAX_WAITING
      ? null
      : expectedCallAt(state, ticket, now, (category, elapsedMs) => {
          const mean = meanHandlingMs(state, category);
          return Math.max(mean - elapsedMs, LEAST_REMAINING_SHARE * mean);
        });
  const waitMs = calledAt === null ? sharedOut(state, ticket) : calledAt - now;
  return Math.max(0, Math.round(waitMs / 60_000));
}

/**
 * The rough estimate for a crowd too large to play forward, or a ticket no window serves: the
 * people ahead and the ticket itself shared among the windows serving it (the open ones; all
 * of them if none is open; one if there are none), one mean handling time each.
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
