import {
  EvaluationRecorded,
  EvaluationRequested,
  HallSnapshot,
  isPoorRating,
  type ServerEventName,
  type PoorRatingReason,
  type RateBody,
  type SatisfactionLevel,
} from '@hall/shared';

// The evaluation pad's screens, as a pure reducer so every turn can be tested without a browser.
// The server is the judge of every rating and of the time allowed; the pad only follows it.
// Times are the pad's own clock: a request's deadline is `secondsLeft` from when it arrived.

/** Long enough to read a thank-you, short enough to be idle before the next visitor sits down. */
export const THANKS_MS = 4_000;
/** A refusal stays up a while longer: the visitor may need to show it to the staff. */
export const PROBLEM_MS = 8_000;

interface Question {
  request: EvaluationRequested;
  /** When the pad stops asking (ms, pad clock). */
  deadline: number;
  /** A rating is on its way to the server: no second one, and no giving up on the clock. */
  sending: boolean;
  /** Why the last try did not reach the server; the visitor may try again. */
  problem: string | null;
}

export type PadScreen =
  | { kind: 'idle' }
  | ({ kind: 'asking' } & Question)
  | ({ kind: 'reason'; level: SatisfactionLevel; reasons: PoorRatingReason[]; comment: string } & Question)
  | { kind: 'thanks'; ticketId: string; level: SatisfactionLevel; until: number }
  | { kind: 'problem'; ticketId: string; message: string; until: number };

export interface PadState {
  screen: PadScreen;
  now: number;
}

export type PadAction =
  /** `evaluation:requested`: a ticket was finished here, or the staff pressed 请评价. */
  | { type: 'requested'; request: EvaluationRequested; now: number }
  /** `hall:snapshot` (connect, reconnect, reload): what the window's pad should be asking now. */
  | { type: 'snapshot'; evaluation: EvaluationRequested | null; now: number }
  /** `evaluation:recorded`: the server closed a request (rated, or 未评价 when its time passed). */
  | { type: 'recorded'; recorded: EvaluationRecorded }
  | { type: 'tick'; now: number }
  /** A level tapped. Only a poor one changes screens here; a good one is sent at once. */
  | { type: 'pick'; level: SatisfactionLevel }
  | { type: 'toggleReason'; reason: PoorRatingReason }
  | { type: 'comment'; text: string }
  | { type: 'back' }
  | { type: 'sending'; ticketId: string }
  | { type: 'rated'; ticketId: string; level: SatisfactionLevel; now: number }
  /** `retry`: the server never answered, so the visitor may tap again; otherwise it said no. */
  | { type: 'refused'; ticketId: string; message: string; retry: boolean; now: number };

export const initialPadState = (now: number): PadState => ({ screen: { kind: 'idle' }, now });

const IDLE: PadScreen = { kind: 'idle' };

function isQuestion(screen: PadScreen): screen is Extract<PadScreen, { kind: 'asking' | 'reason' }> {
  return screen.kind === 'asking' || screen.kind === 'reason';
}

function ask(screen: PadScreen, request: EvaluationRequested, now: number): PadScreen {
  const deadline = now + request.secondsLeft * 1000;
  // The same ticket again (a reconnect, or 请评价 pressed while still asking): the visitor keeps
  // what they were doing, with the time the server now gives.
  if (isQuestion(screen) && screen.request.ticketId === request.ticketId) return { ...screen, request, deadline };
  if (request.secondsLeft <= 0) return screen;
  return { kind: 'asking', request, deadline, sending: false, problem: null };
}

function screenAfter(screen: PadScreen, action: PadAction, now: number): PadScreen {
  switch (action.type) {
    case 'requested':
      return ask(screen, action.request, now);
    case 'snapshot':
      if (action.evaluation) return ask(screen, action.evaluation, now);
      // Closed while the line was down; a rating on its way gets its own answer.
      return isQuestion(screen) && !screen.sending ? IDLE : screen;
    case 'recorded':
      // Also a rating from the ticket's phone page: the visitor has answered there.
      if (isQuestion(screen) && screen.request.ticketId === action.recorded.ticketId && !screen.sending) return IDLE;
      return screen;
    case 'tick':
      if (isQuestion(screen) && !screen.sending && now >= screen.deadline) return IDLE;
      if ((screen.kind === 'thanks' || screen.kind === 'problem') && now >= screen.until) return IDLE;
      return screen;
    case 'pick':
      if (screen.kind !== 'asking' || screen.sending || !isPoorRating(action.level)) return screen;
      return { ...screen, kind: 'reason', level: action.level, reasons: [], comment: '', problem: null };
    case 'toggleReason': {
      if (screen.kind !== 'reason' || screen.sending) return screen;
      const has = screen.reasons.includes(action.reason);
      return { ...screen, reasons: has ? screen.reasons.filter((r) => r !== action.reason) : [...screen.reasons, action.reason] };
    }
    case 'comment':
      return screen.kind === 'reason' && !screen.sending ? { ...screen, comment: action.text } : screen;
    case 'back':
      if (screen.kind !== 'reason' || screen.sending) return screen;
      return { kind: 'asking', request: screen.request, deadline: screen.deadline, sending: false, problem: null };
    case 'sending':
      return isQuestion(screen) && screen.request.ticketId === action.ticketId ? { ...screen, sending: true, problem: null } : screen;
    case 'rated':
    case 'refused': {
      // An answer about a ticket the pad no longer shows (the next visitor's request came in
      // meanwhile) changes nothing: that visitor comes first.
      if (!isQuestion(screen) || screen.request.ticketId !== action.ticketId) return screen;
      if (action.type === 'rated') return { kind: 'thanks', ticketId: action.ticketId, level: action.level, until: now + THANKS_MS };
      if (action.retry) return { ...screen, sending: false, problem: action.message };
      return { kind: 'problem', ticketId: action.ticketId, message: action.message, until: now + PROBLEM_MS };
    }
  }
}

export function padReducer(state: PadState, action: PadAction): PadState {
  const now = 'now' in action ? action.now : state.now;
  const screen = screenAfter(state.screen, action, now);
  return screen === state.screen && now === state.now ? state : { screen, now };
}

/** Whole seconds the pad keeps asking, for the countdown; 0 on other screens. */
export function secondsLeft(state: PadState): number {
  const { screen, now } = state;
  return isQuestion(screen) ? Math.max(0, Math.ceil((screen.deadline - now) / 1000)) : 0;
}

/** What a reason screen submits, or null while no reason is chosen (the server needs one). */
export function poorRatingBody(screen: PadScreen): RateBody | null {
  if (screen.kind !== 'reason' || screen.reasons.length === 0) return null;
  // The text belongs to 其他: a comment typed and then 其他 unticked is not sent.
  const comment = screen.reasons.includes('other') ? screen.comment.trim() : '';
  return { ticketId: screen.request.ticketId, level: screen.level, reasons: screen.reasons, ...(comment ? { comment } : {}) };
}

/**
 * The feed's events that concern the pad of `windowNo`, as actions. Payloads are parsed here:
 * the shared feed keeps no evaluation state of its own beyond the snapshot.
 */
export function actionForEvent(windowNo: number, event: ServerEventName, payload: unknown, now: number): PadAction | null {
  switch (event) {
    case 'hall:snapshot': {
      const snapshot = HallSnapshot.safeParse(payload);
      if (!snapshot.success) return null;
      const evaluation = snapshot.data.evaluation?.windowNo === windowNo ? snapshot.data.evaluation : null;
      return { type: 'snapshot', evaluation, now };
    }
    case 'evaluation:requested': {
      const request = EvaluationRequested.safeParse(payload);
      return request.success && request.data.windowNo === windowNo ? { type: 'requested', request: request.data, now } : null;
    }
    case 'evaluation:recorded': {
      const recorded = EvaluationRecorded.safeParse(payload);
      return recorded.success && recorded.data.windowNo === windowNo ? { type: 'recorded', recorded: recorded.data } : null;
    }
    default:
      return null;
  }
}
