import { HELD_RATING_SECONDS, isPoorRating, localDate, type PoorRatingReason, type RatingFollowUpState, type SatisfactionLevel } from '@hall/shared';
import { begin, requireStaffAt } from './begin';
import { DomainError } from './errors';
import type { Draft, Outcome } from './outcome';
import { closeQuestion, recordRating } from './recorded-rating';
import { staffMember } from './state';
import type { CommandContext, Evaluation, FollowUp, HallState, Ticket } from './types';

export { CALLBACK_WORKING_DAYS, FIX_WORKING_DAYS } from './recorded-rating';

// 好差评, one rating per finished ticket. Finishing a ticket asks its window's pad; nobody
// answering within the hall's evaluation time leaves it 未评价 (never counted as satisfied),
// and the visitor may still rate from the ticket's phone page until the service day ends.
// A poor rating opens a follow-up (整改) with its deadlines. Once the visitor touches a poor
// level at the pad, the pad holds each further touch here and the clock restarts: a level once
// touched is recorded even if the time, the pad's power or its network runs out mid-way.

/** A pad's answer sent just as its time ran out is still taken: the network is not instant. */
export const PAD_GRACE_MS = 5_000;

function facts(evaluation: Evaluation) {
  return { ticketId: evaluation.ticketId, windowNo: evaluation.windowNo, staffNo: evaluation.staffNo };
}

/**
 * Asks the window's pad about a ticket just finished there. Whatever the pad was still asking
 * about (the previous visitor walked away) is closed as 未评价.
 */
export function askForRating(draft: Draft, ticket: Ticket, windowNo: number, staffNo: string): Evaluation {
  const { now, serviceDate } = draft;
  const live = { serviceDate, put: (e: Evaluation) => draft.putEvaluation(e) };
  for (const other of draft.state.evaluations.values()) {
    if (other.windowNo !== windowNo || other.status !== 'pending' || other.ticketId === ticket.id) continue;
    closeQuestion(draft, other, 'superseded', live);
  }
  const closesAt = now + draft.state.setup.settings.evaluationSeconds * 1000;
  // 请评价 while the visitor is still choosing reasons: what they chose stays, and so does their time.
  const asking = draft.state.evaluations.get(ticket.id);
  if (asking?.status === 'pending' && asking.held) {
    const again: Evaluation = { ...asking, closesAt: Math.max(asking.closesAt, closesAt) };
    draft.putEvaluation(again);
    draft.emit({ ...facts(again), type: 'evaluation.requested', at: now, serviceDate, closesAt: again.closesAt });
    return again;
  }
  const evaluation: Evaluation = {
    ticketId: ticket.id,
    number: ticket.number,
    serviceDate,
    windowNo,
    staffNo,
    caseNo: ticket.caseNo,
    itemCode: ticket.itemCode,
    status: 'pending',
    level: null,
    reasons: [],
    comment: null,
    callbackPhone: null,
    channel: null,
    deviceId: null,
    requestedAt: now,
    closesAt,
    ratedAt: null,
    followUpId: null,
    held: null,
  };
  draft.putEvaluation(evaluation);
  draft.emit({ ...facts(evaluation), type: 'evaluation.requested', at: now, serviceDate, closesAt });
  return evaluation;
}

/** 请评价: the staff ask the pad again about the window's last finished ticket. */
export function requestEvaluation(state: HallState, at: { windowNo: number; staffNo: string }, ctx: CommandContext): Outcome<Evaluation> {
  const draft = begin(state, ctx);
  requireStaffAt(draft, at.windowNo, at.staffNo);
  let last: Evaluation | null = null;
  for (const evaluation of draft.state.evaluations.values()) {
    if (evaluation.windowNo === at.windowNo && (last === null || evaluation.requestedAt >= last.requestedAt)) last = evaluation;
  }
  if (last === null) throw new DomainError('NO_TICKET_TO_EVALUATE', { windowNo: at.windowNo });
  if (last.status === 'rated') throw new DomainError('ALREADY_RATED', { number: last.number });
  const ticket = draft.state.tickets.get(last.ticketId);
  if (!ticket) throw new DomainError('NO_TICKET_TO_EVALUATE', { windowNo: at.windowNo });
  // The rating is of the visit, so of whoever served it, even if someone else now asks again.
  return draft.done(askForRating(draft, ticket, at.windowNo, last.staffNo));
}

export interface RateCommand {
  ticketId: string;
  level: SatisfactionLevel;
  reasons: readonly PoorRatingReason[];
  comment: string | null;
  callbackPhone?: string | null;
  /** From a pad: the pad's device id and the window it faces. */
  pad: { deviceId: string; windowNo: number } | null;
}

/** The question a rating answers, if it may still be answered (a pad: only its own, while asking). */
function openQuestion(draft: Draft, ticketId: string, pad: RateCommand['pad']): Evaluation {
  const evaluation = draft.state.evaluations.get(ticketId);
  if (!evaluation) {
    const ticket = draft.state.tickets.get(ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId });
    throw new DomainError('TICKET_NOT_FINISHED', { number: ticket.number, status: ticket.status });
  }
  if (pad && pad.windowNo !== evaluation.windowNo) {
    throw new DomainError('EVALUATION_WRONG_WINDOW', { number: evaluation.number, windowNo: evaluation.windowNo });
  }
  if (evaluation.status === 'rated') throw new DomainError('ALREADY_RATED', { number: evaluation.number });
  if (pad && (evaluation.status !== 'pending' || draft.now > evaluation.closesAt + PAD_GRACE_MS)) {
    throw new DomainError('EVALUATION_CLOSED', { number: evaluation.number });
  }
  return evaluation;
}

/** The visitor's rating, from the window's pad or the ticket's phone page. */
export function rate(state: HallState, command: RateCommand, ctx: CommandContext): Outcome<{ evaluation: Evaluation; followUp: FollowUp | null }> {
  const draft = begin(state, ctx);
  const evaluation = openQuestion(draft, command.ticketId, command.pad);
  const rating = {
    level: command.level,
    reasons: command.reasons,
    comment: command.comment,
    callbackPhone: command.callbackPhone ?? null,
    channel: command.pad ? ('pad' as const) : ('phone' as const),
    deviceId: command.pad?.deviceId ?? null,
  };
  return draft.done(recordRating(draft, evaluation, rating, { serviceDate: draft.serviceDate, put: (e) => draft.putEvaluation(e) }));
}

export interface HoldRatingCommand {
  ticketId: string;
  level: SatisfactionLevel;
  reasons: readonly PoorRatingReason[];
  comment: string | null;
  callbackPhone: string | null;
  pad: { deviceId: string; windowNo: number };
}

/**
 * A touch at the pad once a poor level is chosen: what the visitor has chosen so far is kept, and
 * the pad keeps asking at least `HELD_RATING_SECONDS` (or the hall's evaluation time, if longer)
 * from now. Each hold replaces the one before; the visitor's own 提交 still decides.
 */
export function holdRating(state: HallState, command: HoldRatingCommand, ctx: CommandContext): Outcome<Evaluation> {
  const draft = begin(state, ctx);
  const evaluation = openQuestion(draft, command.ticketId, command.pad);
  const poor = isPoorRating(command.level);
  const seconds = Math.max(HELD_RATING_SECONDS, draft.state.setup.settings.evaluationSeconds);
  const held: Evaluation = {
    ...evaluation,
    closesAt: Math.max(evaluation.closesAt, ctx.now + seconds * 1000),
    held: {
      level: command.level,
      reasons: poor ? command.reasons : [],
      comment: command.comment,
      callbackPhone: poor ? command.callbackPhone : null,
      deviceId: command.pad.deviceId,
      at: ctx.now,
    },
  };
  draft.putEvaluation(held);
  draft.emit({
    ...facts(held),
    type: 'evaluation.held',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    level: command.level,
    reasons: held.held?.reasons ?? [],
    closesAt: held.closesAt,
  });
  return draft.done(held);
}

export interface ReleaseHeldRatingCommand {
  ticketId: string;
  pad: { deviceId: string; windowNo: number };
}

/**
 * 返回 from the reasons at the pad: the visitor took back the poor level, so nothing is held any
 * more. If they now walk away the ticket is 未评价, not a poor rating nobody chose. The time
 * already allowed stays: the visitor is still at the pad.
 */
export function releaseHeldRating(state: HallState, command: ReleaseHeldRatingCommand, ctx: CommandContext): Outcome<Evaluation> {
  const draft = begin(state, ctx);
  const evaluation = openQuestion(draft, command.ticketId, command.pad);
  if (evaluation.held === null) return draft.done(evaluation);
  const released: Evaluation = { ...evaluation, held: null };
  draft.putEvaluation(released);
  draft.emit({ ...facts(released), type: 'evaluation.released', at: ctx.now, serviceDate: draft.serviceDate });
  return draft.done(released);
}

/**
 * Pads not answered in time: a level touched there is recorded with the reasons chosen so far;
 * otherwise the ticket becomes 未评价. Run every second or so.
 */
export function closeUnansweredEvaluations(state: HallState, ctx: CommandContext): Outcome<Evaluation[]> {
  const draft = begin(state, ctx);
  const closed: Evaluation[] = [];
  const live = { serviceDate: draft.serviceDate, put: (e: Evaluation) => draft.putEvaluation(e) };
  for (const evaluation of draft.state.evaluations.values()) {
    if (evaluation.status !== 'pending' || evaluation.closesAt > ctx.now) continue;
    closed.push(closeQuestion(draft, evaluation, 'timeout', live));
  }
  return draft.done(closed);
}

/** A duty captain or administrator records the call-back to the visitor, or the fix. */
export function recordFollowUpStep(
  state: HallState,
  followUp: FollowUp | null,
  command: { step: 'callback' | 'fix'; staffNo: string; note: string },
  ctx: CommandContext,
): Outcome<FollowUp> {
  const draft = begin(state, ctx);
  if (!followUp) throw new DomainError('FOLLOW_UP_NOT_FOUND');
  const roles = staffMember(draft.state, command.staffNo)?.roles ?? [];
  if (!roles.includes('captain') && !roles.includes('admin')) throw new DomainError('FORBIDDEN');
  if (followUp[command.step] !== null) throw new DomainError('FOLLOW_UP_STEP_DONE', { step: command.step });
  if (command.step === 'fix' && followUp.callback === null) throw new DomainError('FOLLOW_UP_CALLBACK_FIRST');
  const step = { at: ctx.now, staffNo: command.staffNo, note: command.note };
  const recorded: FollowUp = { ...followUp, [command.step]: step };
  draft.writeFollowUp(recorded);
  draft.emit({
    type: command.step === 'callback' ? 'follow_up.called_back' : 'follow_up.fixed',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    ticketId: followUp.ticketId,
    followUpId: followUp.id,
    staffNo: command.staffNo,
    note: command.note,
  });
  return draft.done(recorded);
}

/** What deciding where a follow-up stands needs: its deadlines and when each step was done. */
export interface FollowUpDeadlines {
  callbackDue: string;
  fixDue: string;
  callback: { at: number } | null;
  fix: { at: number } | null;
}

/** Where a follow-up stands on the hall's local date `today`. */
export function followUpProgress(followUp: FollowUpDeadlines, today: string, timezone: string) {
  const doneOn = (step: FollowUpDeadlines['callback']) => (step === null ? null : localDate(step.at, timezone));
  const calledBackOn = doneOn(followUp.callback);
  const fixedOn = doneOn(followUp.fix);
  return {
    status: followUp.callback === null ? 'awaiting_callback' : followUp.fix === null ? 'awaiting_fix' : 'closed',
    overdue: (calledBackOn === null && today > followUp.callbackDue) || (fixedOn === null && today > followUp.fixDue),
    callbackLate: (calledBackOn ?? today) > followUp.callbackDue,
    fixLate: (fixedOn ?? today) > followUp.fixDue,
  } as const;
}

/**
 * A rating's 整改 as handed to the province: closed on time or late by its fix deadline (as the
 * monthly report counts 整改按时), otherwise overdue past either deadline, else open or called back.
 */
export function ratingFollowUpState(followUp: FollowUpDeadlines | null, today: string, timezone: string): RatingFollowUpState {
  if (followUp === null) return 'none';
  const progress = followUpProgress(followUp, today, timezone);
  if (progress.status === 'closed') return progress.fixLate ? 'closed_late' : 'closed_on_time';
  if (progress.overdue) return 'overdue';
  return progress.status === 'awaiting_callback' ? 'open' : 'called_back';
}
