import { clockToMinutes, dayAfter, startOfLocalDate, type CategoryCode } from '@hall/shared';
import { DomainError, callNext, finish, initialState, issueTicket, pause, resume, signIn, signOut, type CommandContext, type HallSetup, type HallState } from '../../src/domain';
import { staffEveryWindow } from '../support/demo-hall';
import { exponential, type Random } from '../support/random';

// Simulated days of a hall, through the real queue rules (the pure domain core) on a simulated
// clock: Poisson arrivals per category, every window staffed all day (or by its shift: opening
// late, pausing for lunch, closing early), each window calling the next ticket the moment it is
// free and holding it for a time drawn by the handling sampler (exponential unless told otherwise).

const MINUTE = 60_000;

/** Draws one handling time (ms) with the given mean. */
export type HandlingSampler = (random: Random, meanMs: number) => number;

/** Exponential handling: what M/M/c queueing theory (Erlang C) assumes. */
export const exponentialHandling: HandlingSampler = exponential;

/**
 * Lognormal handling with the given mean and coefficient of variation (standard deviation over
 * mean): never negative, skewed to the right like real counter times, and as variable as told.
 */
export function lognormalHandling(cv: number): HandlingSampler {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return (random, meanMs) => {
    // Box-Muller: one standard normal from two uniforms (1 - u keeps the logarithm finite).
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return meanMs * Math.exp(sigma * normal - (sigma * sigma) / 2);
  };
}

export interface SimulatedHall {
  setup: HallSetup;
  /** Mean arrivals per minute, by category, while tickets are issued. */
  arrivalsPerMinute: Readonly<Record<CategoryCode, number>>;
  /** Mean handling time in minutes, by category. */
  handlingMinutes: Readonly<Record<CategoryCode, number>>;
  /** Local times between which tickets are issued; windows then serve until no one waits. */
  issuing: { from: string; until: string };
  /** Windows not staffed all day, by number; the others open when issuing begins. */
  shifts?: Readonly<Record<number, WindowShift>>;
}

/**
 * A window's day, in local times: it opens, pauses for lunch and closes. A window pauses or
 * closes once its service in hand is done. `close` null: it serves until no one waits.
 */
export interface WindowShift {
  open: string;
  lunch: { from: string; until: string } | null;
  close: string | null;
}

type ShiftStep = 'open' | 'pause' | 'resume' | 'close';

function shiftSteps(hall: SimulatedHall, midnight: number): { at: number; windowNo: number; step: ShiftStep }[] {
  const at = (clock: string) => midnight + clockToMinutes(clock) * MINUTE;
  const steps = Object.entries(hall.shifts ?? {}).flatMap(([no, shift]) => {
    const windowNo = Number(no);
    return [
      { at: at(shift.open), windowNo, step: 'open' as const },
      ...(shift.lunch ? [{ at: at(shift.lunch.from), windowNo, step: 'pause' as const }, { at: at(shift.lunch.until), windowNo, step: 'resume' as const }] : []),
      ...(shift.close ? [{ at: at(shift.close), windowNo, step: 'close' as const }] : []),
    ];
  });
  return steps.sort((a, b) => a.at - b.at);
}

/** One visitor: what their ticket said, and what happened. */
export interface Visit {
  category: CategoryCode;
  /** Minutes after issuing began that day. */
  issuedMinute: number;
  /** null: the ticket said no window was serving it (unattended). */
  estimateMinutes: number | null;
  waitMinutes: number;
}

function arrivalsOfDay(hall: SimulatedHall, from: number, until: number, random: Random): { at: number; category: CategoryCode }[] {
  const arrivals: { at: number; category: CategoryCode }[] = [];
  for (const [category, perMinute] of Object.entries(hall.arrivalsPerMinute)) {
    if (perMinute <= 0) continue;
    for (let at = from + exponential(random, MINUTE / perMinute); at < until; at += exponential(random, MINUTE / perMinute)) {
      arrivals.push({ at, category });
    }
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

export function simulateDays(
  hall: SimulatedHall,
  options: { firstDate: string; days: number; random: Random; handling?: HandlingSampler },
): Visit[] {
  const { setup } = hall;
  const handling = options.handling ?? exponentialHandling;
  const { timezone } = setup.settings;
  const staffAt = staffEveryWindow(setup);
  let ids = 0;
  const ctx = (now: number): CommandContext => ({ now, newId: () => `t${++ids}` });
  let state: HallState = initialState(setup);
  const visits: Visit[] = [];

  let date = options.firstDate;
  for (let day = 0; day < options.days; day++, date = dayAfter(date)) {
    const midnight = startOfLocalDate(date, timezone);
    const from = midnight + clockToMinutes(hall.issuing.from) * MINUTE;
    const until = midnight + clockToMinutes(hall.issuing.until) * MINUTE;
    const shifted = hall.shifts ?? {};
    const at = (windowNo: number) => ({ windowNo, staffNo: staffAt.get(windowNo)! });
    for (const window of setup.windows) {
      const isOpen = state.windows.get(window.no)?.state === 'open';
      // A shifted window left open overnight (it serves until no one waits) opens again on its shift.
      if (shifted[window.no] && isOpen) state = signOut(state, at(window.no), ctx(from)).state;
      if (shifted[window.no] || isOpen) continue;
      state = signIn(state, at(window.no), ctx(from)).state;
    }

    /** When each busy window will be done with its visitor. */
    const doneAt = new Map<number, number>();
    /** Free windows and since when, so the one free longest takes a newcomer. */
    const freeSince = new Map(setup.windows.filter((w) => !shifted[w.no]).map((w) => [w.no, from]));
    /** A lunch pause or a closing waiting for the window's service in hand to end. */
    const whenFree = new Map<number, 'pause' | 'close'>();
    const steps = shiftSteps(hall, midnight);
    let nextStep = 0;
    const issued = new Map<string, { issuedMinute: number; estimateMinutes: number | null }>();

    const tryCall = (windowNo: number, now: number): boolean => {
      let outcome;
      try {
        outcome = callNext(state, { windowNo, staffNo: staffAt.get(windowNo)! }, ctx(now));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'QUEUE_EMPTY') return false;
        throw error;
      }
      state = outcome.state;
      const ticket = outcome.result;
      const { issuedMinute, estimateMinutes } = issued.get(ticket.id)!;
      visits.push({ category: ticket.category, issuedMinute, estimateMinutes, waitMinutes: (now - ticket.issuedAt) / MINUTE });
      freeSince.delete(windowNo);
      doneAt.set(windowNo, now + handling(options.random, hall.handlingMinutes[ticket.category]! * MINUTE));
      return true;
    };

    const arrivals = arrivalsOfDay(hall, from, until, options.random);
    let next = 0;
    for (;;) {
      let finishing: [number, number] | null = null;
      for (const entry of doneAt) if (finishing === null || entry[1] < finishing[1]) finishing = entry;
      const arrival = arrivals[next];
      const step = steps[nextStep];
      // A shift's step comes first when it is due before the next finish and arrival.
      if (step !== undefined && (finishing === null || step.at <= finishing[1]) && (arrival === undefined || step.at <= arrival.at)) {
        nextStep++;
        const busy = doneAt.has(step.windowNo);
        if (step.step === 'resume' && whenFree.get(step.windowNo) === 'pause') {
          // Its service ran through the whole lunch: it never paused, and carries on.
          whenFree.delete(step.windowNo);
        } else if (step.step === 'open' || step.step === 'resume') {
          state = (step.step === 'open' ? signIn : resume)(state, at(step.windowNo), ctx(step.at)).state;
          if (!tryCall(step.windowNo, step.at)) freeSince.set(step.windowNo, step.at);
        } else if (busy) {
          whenFree.set(step.windowNo, step.step);
        } else {
          freeSince.delete(step.windowNo);
          state = (step.step === 'pause' ? pause(state, { ...at(step.windowNo), reason: '午休' }, ctx(step.at)) : signOut(state, at(step.windowNo), ctx(step.at))).state;
        }
        continue;
      }
      if (finishing === null && arrival === undefined) break;

      if (finishing !== null && (arrival === undefined || finishing[1] <= arrival.at)) {
        const [windowNo, now] = finishing;
        state = finish(state, { windowNo, staffNo: staffAt.get(windowNo)!, caseNo: null }, ctx(now)).state;
        doneAt.delete(windowNo);
        const pending = whenFree.get(windowNo);
        whenFree.delete(windowNo);
        if (pending === 'pause') state = pause(state, { ...at(windowNo), reason: '午休' }, ctx(now)).state;
        else if (pending === 'close') state = signOut(state, at(windowNo), ctx(now)).state;
        else if (!tryCall(windowNo, now)) freeSince.set(windowNo, now);
      } else if (arrival !== undefined) {
        next++;
        const { result, state: after } = issueTicket(state, { category: arrival.category, priority: null, secret: `s${next}` }, ctx(arrival.at));
        state = after;
        issued.set(result.ticket.id, { issuedMinute: (arrival.at - from) / MINUTE, estimateMinutes: result.estimatedWaitMinutes });
        const free = setup.windows
          .filter((w) => freeSince.has(w.no) && w.categories.includes(arrival.category))
          .sort((a, b) => freeSince.get(a.no)! - freeSince.get(b.no)!);
        for (const window of free) if (tryCall(window.no, arrival.at)) break;
      }
    }
  }
  return visits;
}
