import { isPoorRating, localDate, STARS, type EvaluationChannel, type PoorRatingReason, type SatisfactionLevel } from '@hall/shared';
import { begin, requireStaffAt } from './begin';
import { DomainError } from './errors';
import type { Draft, Outcome } from './outcome';
import { staffMember } from './state';
import type { CommandContext, Evaluation, FollowUp, HallState, Ticket } from './types';
import { addWorkingDays } from './working-days';

// 好差评, one rating per finished ticket. Finishing a ticket asks its window's pad; nobody
// answering within the hall's evaluation time leaves it 未评价 (never counted as satisfied),
// and the visitor may still rate from the ticket's phone page until the service day ends.
// A poor rating opens a follow-up (整改) with its deadlines.

/** A pad's answer sent just as its time ran out is still taken: the network is not instant. */
export const PAD_GRACE_MS = 5_000;
/** Provincial rules: call the visitor back within 1 working day, fix the matter within 15. */
export const CALLBACK_WORKING_DAYS = 1;
export const FIX_WORKING_DAYS = 15;

function facts(evaluation: Evaluation) {
  return { ticketId: evaluation.ticketId, windowNo: evaluation.windowNo, staffNo: evaluation.staffNo };
}

/**
 * Asks the window's pad about a ticket just finished there. Whatever the pad was still asking
 * about (the previous visitor walked away) is closed as 未评价.
 */
export function askForRating(draft: Draft, ticket: Ticket, windowNo: number, staffNo: string): Evaluation {
  const { now, serviceDate } = draft;
  for (const other of draft.state.evaluations.values()) {
    if (other.windowNo !== windowNo || other.status !== 'pending' || other.ticketId === ticket.id) continue;
    draft.putEvaluation({ ...other, status: 'unrated' });
    draft.emit({ ...facts(other), type: 'evaluation.unrated', at: now, serviceDate, reason: 'superseded' });
  }
  const closesAt = now + draft.state.setup.settings.evaluationSeconds * 1000;
  const evaluation: Evaluation = {
    ticketId: ticket.id,
    number: ticket.number,
    serviceDate,
    windowNo,
    staffNo,
    caseNo: ticket.caseNo,
    status: 'pending',
    level: null,
    reasons: [],
    comment: null,
    channel: null,
    deviceId: null,
    requestedAt: now,
    closesAt,
    ratedAt: null,
    followUpId: null,
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
  /** From a pad: the pad's device id and the window it faces. */
  pad: { deviceId: string; windowNo: number } | null;
}

/** The visitor's rating, from the window's pad or the ticket's phone page. */
export function rate(state: HallState, command: RateCommand, ctx: CommandContext): Outcome<{ evaluation: Evaluation; followUp: FollowUp | null }> {
  const draft = begin(state, ctx);
  const evaluation = draft.state.evaluations.get(command.ticketId);
  if (!evaluation) {
    const ticket = draft.state.tickets.get(command.ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId: command.ticketId });
    throw new DomainError('TICKET_NOT_FINISHED', { number: ticket.number, status: ticket.status });
  }
  if (command.pad && command.pad.windowNo !== evaluation.windowNo) {
    throw new DomainError('EVALUATION_WRONG_WINDOW', { number: evaluation.number, windowNo: evaluation.windowNo });
  }
  if (evaluation.status === 'rated') throw new DomainError('ALREADY_RATED', { number: evaluation.number });
  if (command.pad && (evaluation.status !== 'pending' || ctx.now > evaluation.closesAt + PAD_GRACE_MS)) {
    throw new DomainError('EVALUATION_CLOSED', { number: evaluation.number });
  }
  const poor = isPoorRating(command.level);
  const channel: EvaluationChannel = command.pad ? 'pad' : 'phone';
  const followUp = poor ? openFollowUp(draft, evaluation, command) : null;
  const rated: Evaluation = {
    ...evaluation,
    status: 'rated',
    level: command.level,
    reasons: poor ? command.reasons : [],
    comment: command.comment,
    channel,
    deviceId: command.pad?.deviceId ?? null,
    ratedAt: ctx.now,
    followUpId: followUp?.id ?? null,
  };
  draft.putEvaluation(rated);
  draft.emit({
    ...facts(rated),
    type: 'evaluation.rated',
    at: ctx.now,
    serviceDate: draft.serviceDate,
    level: command.level,
    stars: STARS[command.level],
    reasons: rated.reasons,
    comment: rated.comment,
    channel,
    deviceId: rated.deviceId,
  });
  if (followUp) draft.emit({ ...facts(rated), type: 'follow_up.opened', at: ctx.now, serviceDate: draft.serviceDate, followUpId: followUp.id });
  return draft.done({ evaluation: rated, followUp });
}

function openFollowUp(draft: Draft, evaluation: Evaluation, command: RateCommand): FollowUp {
  const { calendar, timezone } = draft.state.setup.settings;
  const ratedOn = localDate(draft.now, timezone);
  const followUp: FollowUp = {
    id: draft.ctx.newId(),
    ticketId: evaluation.ticketId,
    number: evaluation.number,
    serviceDate: evaluation.serviceDate,
    windowNo: evaluation.windowNo,
    staffNo: evaluation.staffNo,
    caseNo: evaluation.caseNo,
    level: command.level,
    reasons: command.reasons,
    comment: command.comment,
    openedAt: draft.now,
    callbackDue: addWorkingDays(ratedOn, CALLBACK_WORKING_DAYS, calendar),
    fixDue: addWorkingDays(ratedOn, FIX_WORKING_DAYS, calendar),
    callback: null,
    fix: null,
  };
  draft.writeFollowUp(followUp);
  return followUp;
}

/** Pads that were not answered in time: their tickets become 未评价. Run every second or so. */
export function closeUnansweredEvaluations(state: HallState, ctx: CommandContext): Outcome<Evaluation[]> {
  const draft = begin(state, ctx);
  const closed: Evaluation[] = [];
  for (const evaluation of draft.state.evaluations.values()) {
    if (evaluation.status !== 'pending' || evaluation.closesAt > ctx.now) continue;
    const unrated: Evaluation = { ...evaluation, status: 'unrated' };
    draft.putEvaluation(unrated);
    draft.emit({ ...facts(unrated), type: 'evaluation.unrated', at: ctx.now, serviceDate: draft.serviceDate, reason: 'timeout' });
    closed.push(unrated);
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

/** Where a follow-up stands on the hall's local date `today`. */
export function followUpProgress(followUp: FollowUp, today: string, timezone: string) {
  const doneOn = (step: FollowUp['callback']) => (step === null ? null : localDate(step.at, timezone));
  const calledBackOn = doneOn(followUp.callback);
  const fixedOn = doneOn(followUp.fix);
  return {
    status: followUp.callback === null ? 'awaiting_callback' : followUp.fix === null ? 'awaiting_fix' : 'closed',
    overdue: (calledBackOn === null && today > followUp.callbackDue) || (fixedOn === null && today > followUp.fixDue),
    callbackLate: (calledBackOn ?? today) > followUp.callbackDue,
    fixLate: (fixedOn ?? today) > followUp.fixDue,
  } as const;
}
