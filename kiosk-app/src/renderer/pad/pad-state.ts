import {
  CallbackPhone,
  EvaluationRecorded,
  EvaluationRequested,
  HallSnapshot,
  isPoorRating,
  type HeldRatingBody,
  type ReleaseHeldRatingBody,
  type ServerEventName,
  type PoorRatingReason,
  type RateBody,
  type SatisfactionLevel,
} from '@hall/shared';
import type { PadPhrase } from './phrases';

// The evaluation pad's screens, as a pure reducer so every turn can be tested without a browser.
// The server is the judge of every rating and of the time allowed; the pad only follows it.
// Times are the pad's own clock: a request's deadline is `secondsLeft` from when it arrived.
// Once a poor level is touched, the pad holds what was chosen so far on the server (heldChange),
// which restarts the clock there and records it if the time, the pad's power or its network runs
// out. The pad's deadline is only ever the server's: from the request, then from each answer to a
// hold, so a hold that never arrived cannot leave the pad asking after the server has closed.

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

/** The server takes up to 200 characters of comment. */
export const COMMENT_MAX = 200;
/** The longest number a landline with its area code and a dash can be. */
const PHONE_MAX = 13;

/** What the reason screen shows below the reasons: nothing more, the comment's phrases, or the phone keypad. */
export type ReasonPanel = 'reasons' | 'comment' | 'phone';

export interface ReasonChoice {
  level: SatisfactionLevel;
  reasons: PoorRatingReason[];
  /** The comment as the pieces tapped (phrases and digits), so 删除 takes back the last one. */
  comment: string[];
  /** Digits typed for the call-back; sent only once they make a valid number. */
  phone: string;
  panel: ReasonPanel;
  /** 完成 was tapped on a number that is not one. */
  phoneInvalid: boolean;
}

export type PadScreen =
  | { kind: 'idle' }
  | ({ kind: 'asking' } & Question)
  | ({ kind: 'reason' } & ReasonChoice & Question)
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
  | { type: 'recorded'; recorded: EvaluationRecorded; now: number }
  | { type: 'tick'; now: number }
  /** A level tapped. Only a poor one changes screens here; a good one is sent at once. */
  | { type: 'pick'; level: SatisfactionLevel; now: number }
  | { type: 'toggleReason'; reason: PoorRatingReason; now: number }
  /** A common phrase tapped (its text in the pad's language): added to the comment, its reason ticked. */
  | { type: 'phrase'; phrase: PadPhrase; text: string; separator: string; now: number }
  /** A digit: of the number on the phone keypad, or of the comment (separated as a phrase is). */
  | { type: 'digit'; digit: string; separator: string; now: number }
  /** 删除: the last phrase or digit of the comment, or the last digit of the number. */
  | { type: 'delete'; now: number }
  | { type: 'panel'; panel: ReasonPanel; now: number }
  /** 不留电话: the number is dropped. */
  | { type: 'noPhone'; now: number }
  | { type: 'back'; now: number }
  /** The server's answer to a hold: the time it now allows. */
  | { type: 'held'; request: EvaluationRequested; now: number }
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

function withReason(reasons: PoorRatingReason[], reason: PoorRatingReason): PoorRatingReason[] {
  return reasons.includes(reason) ? reasons : [...reasons, reason];
}

/** The reason screen after a touch of its own (none while a rating is on its way). */
function reasonAfter(screen: Extract<PadScreen, { kind: 'reason' }>, action: PadAction): Extract<PadScreen, { kind: 'reason' }> {
  switch (action.type) {
    case 'toggleReason': {
      const has = screen.reasons.includes(action.reason);
      return { ...screen, reasons: has ? screen.reasons.filter((r) => r !== action.reason) : [...screen.reasons, action.reason] };
    }
    case 'phrase': {
      const comment = [...screen.comment, piece(screen.comment, action.text, action.separator)];
      if (commentText(comment).length > COMMENT_MAX) return screen;
      return { ...screen, comment, reasons: withReason(screen.reasons, action.phrase.reason) };
    }
    case 'digit': {
      if (screen.panel === 'phone') return screen.phone.length >= PHONE_MAX ? screen : { ...screen, phone: screen.phone + action.digit, phoneInvalid: false };
      const comment = [...screen.comment, piece(screen.comment, action.digit, action.separator)];
      if (screen.panel !== 'comment' || commentText(comment).length > COMMENT_MAX) return screen;
      return { ...screen, comment };
    }
    case 'delete':
      if (screen.panel === 'phone') return { ...screen, phone: screen.phone.slice(0, -1), phoneInvalid: false };
      return { ...screen, comment: screen.comment.slice(0, -1) };
    case 'panel':
      // Leaving the keypad checks the number: a wrong one is said at once, while the visitor is there.
      if (screen.panel === 'phone' && action.panel !== 'phone' && screen.phone !== '' && !CallbackPhone.safeParse(screen.phone).success) {
        return { ...screen, phoneInvalid: true };
      }
      return { ...screen, panel: action.panel, phoneInvalid: false };
    case 'noPhone':
      return { ...screen, phone: '', phoneInvalid: false, panel: 'reasons' };
    default:
      return screen;
  }
}

function screenAfter(screen: PadScreen, action: PadAction, now: number): PadScreen {
  switch (action.type) {
    case 'requested':
      return ask(screen, action.request, now);
    case 'snapshot':
      if (action.evaluation) return ask(screen, action.evaluation, now);
      // Closed while the line was down; a rating on its way gets its own answer.
      return isQuestion(screen) && !screen.sending ? IDLE : screen;
    case 'recorded': {
      // Also a rating from the ticket's phone page: the visitor has answered there.
      const { recorded } = action;
      if (!isQuestion(screen) || screen.request.ticketId !== recorded.ticketId || screen.sending) return screen;
      // The pad's time ran out while the visitor was choosing reasons: what they chose is on record.
      if (screen.kind === 'reason' && recorded.status === 'rated' && recorded.channel === 'pad' && recorded.level) {
        return { kind: 'thanks', ticketId: recorded.ticketId, level: recorded.level, until: now + THANKS_MS };
      }
      return IDLE;
    }
    case 'tick':
      if (isQuestion(screen) && !screen.sending && now >= screen.deadline) return IDLE;
      if ((screen.kind === 'thanks' || screen.kind === 'problem') && now >= screen.until) return IDLE;
      return screen;
    case 'pick':
      if (screen.kind !== 'asking' || screen.sending || !isPoorRating(action.level)) return screen;
      return { ...screen, kind: 'reason', level: action.level, reasons: [], comment: [], phone: '', panel: 'reasons', phoneInvalid: false, problem: null };
    case 'toggleReason':
    case 'phrase':
    case 'digit':
    case 'delete':
    case 'panel':
    case 'noPhone':
      if (screen.kind !== 'reason' || screen.sending) return screen;
      return reasonAfter(screen, action);
    case 'back':
      if (screen.kind !== 'reason' || screen.sending) return screen;
      return { kind: 'asking', request: screen.request, deadline: screen.deadline, sending: false, problem: null };
    case 'held':
      // The server's time, counted from its answer: the pad never asks longer than the server
      // does (the server never shortens it, and answers come back in the order sent).
      if (!isQuestion(screen) || screen.request.ticketId !== action.request.ticketId) return screen;
      return { ...screen, deadline: now + action.request.secondsLeft * 1000 };
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

function commentText(pieces: readonly string[]): string {
  return pieces.join('');
}

/**
 * The next piece of the comment: a phrase or a digit, after the language's separator (，) unless
 * it is a digit after a digit (so 4 then 0 reads 40).
 */
function piece(pieces: readonly string[], text: string, separator: string): string {
  const last = pieces.at(-1) ?? '';
  const runsOn = pieces.length === 0 || (/^\d$/.test(text) && /\d$/.test(last));
  return runsOn ? text : separator + text;
}

/** The comment as it will be sent. */
export function commentOf(screen: ReasonChoice): string {
  return commentText(screen.comment);
}

function choiceBody(screen: ReasonChoice & Question) {
  const comment = commentOf(screen).trim();
  const phone = CallbackPhone.safeParse(screen.phone);
  return {
    ticketId: screen.request.ticketId,
    level: screen.level,
    reasons: screen.reasons,
    ...(comment ? { comment } : {}),
    ...(phone.success ? { callbackPhone: phone.data } : {}),
  };
}

/** A pad's rating: it names the ticket it was asked about by id (a phone names its own by secret). */
export type PadRateBody = RateBody & { ticketId: string };

/** What a reason screen submits, or null while no reason is chosen (the server needs one). */
export function poorRatingBody(screen: PadScreen): PadRateBody | null {
  if (screen.kind !== 'reason' || screen.reasons.length === 0) return null;
  return choiceBody(screen);
}

/** What the pad holds on the server after a touch: the poor level and all chosen so far. */
export function heldRatingBody(screen: PadScreen): HeldRatingBody | null {
  if (screen.kind !== 'reason' || screen.sending) return null;
  return choiceBody(screen);
}

/** What the server should hold after a turn: all chosen so far, or nothing once 返回 is tapped. */
export type HeldChange = { kind: 'hold'; body: HeldRatingBody } | { kind: 'release'; body: ReleaseHeldRatingBody };

/** The change to what the server holds that a turn from `before` to `after` makes, if any. */
export function heldChange(before: PadScreen, after: PadScreen): HeldChange | null {
  const body = heldRatingBody(after);
  if (body) return { kind: 'hold', body };
  // 返回: the poor level is taken back, so a visitor who now walks away is 未评价.
  if (before.kind === 'reason' && after.kind === 'asking' && after.request.ticketId === before.request.ticketId) {
    return { kind: 'release', body: { ticketId: before.request.ticketId } };
  }
  return null;
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
      return recorded.success && recorded.data.windowNo === windowNo ? { type: 'recorded', recorded: recorded.data, now } : null;
    }
    default:
      return null;
  }
}
