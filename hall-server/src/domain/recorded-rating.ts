import { isPoorRating, localDate, STARS, type EvaluationChannel, type RecordedReason, type SatisfactionLevel } from '@hall/shared';
import type { Draft } from './outcome';
import type { Evaluation, FollowUp } from './types';
import { addWorkingDays } from './working-days';

// How a rating is put on record, and how a question the pad is still asking is closed. Shared by
// the visitor's own answer, the pad's time running out, the next visit at the window and the turn
// of the day: a poor level once touched at the pad is never lost on any of those paths.

/** Provincial rules: call the visitor back within 1 working day, fix the matter within 15. */
export const CALLBACK_WORKING_DAYS = 1;
export const FIX_WORKING_DAYS = 15;

export interface Rating {
  level: SatisfactionLevel;
  reasons: readonly RecordedReason[];
  comment: string | null;
  callbackPhone: string | null;
  channel: EvaluationChannel;
  deviceId: string | null;
}

/** Why a question still open is closed without the visitor's last word. */
export type CloseReason = 'timeout' | 'superseded' | 'day_end';

interface Where {
  /** The service day the question belongs to (the old one at the turn of the day). */
  serviceDate: string;
  /** How the evaluation row is kept: in the live state, or written only (an old day's). */
  put: (evaluation: Evaluation) => void;
}

function facts(evaluation: Evaluation) {
  return { ticketId: evaluation.ticketId, windowNo: evaluation.windowNo, staffNo: evaluation.staffNo };
}

/** Puts a rating on record; a poor one opens its follow-up (整改). */
export function recordRating(
  draft: Draft,
  evaluation: Evaluation,
  rating: Rating,
  where: Where,
  fromHeld?: CloseReason,
): { evaluation: Evaluation; followUp: FollowUp | null } {
  const poor = isPoorRating(rating.level);
  const reasons = poor ? rating.reasons : [];
  const callbackPhone = poor ? rating.callbackPhone : null;
  const followUp = poor ? openFollowUp(draft, evaluation, { ...rating, reasons, callbackPhone }) : null;
  const rated: Evaluation = {
    ...evaluation,
    status: 'rated',
    level: rating.level,
    reasons,
    comment: rating.comment,
    callbackPhone,
    channel: rating.channel,
    deviceId: rating.deviceId,
    ratedAt: draft.now,
    followUpId: followUp?.id ?? null,
    held: null,
  };
  where.put(rated);
  draft.emit({
    ...facts(rated),
    type: 'evaluation.rated',
    at: draft.now,
    serviceDate: where.serviceDate,
    level: rating.level,
    stars: STARS[rating.level],
    reasons,
    comment: rated.comment,
    channel: rating.channel,
    deviceId: rated.deviceId,
    ...(fromHeld ? { fromHeld } : {}),
  });
  if (followUp) draft.emit({ ...facts(rated), type: 'follow_up.opened', at: draft.now, serviceDate: where.serviceDate, followUpId: followUp.id });
  return { evaluation: rated, followUp };
}

/**
 * Closes a question nobody finished answering: with the level the visitor touched at the pad and
 * the reasons chosen so far (未说明原因 when none), or as 未评价 when no level was touched.
 */
export function closeQuestion(draft: Draft, evaluation: Evaluation, why: CloseReason, where: Where): Evaluation {
  const { held } = evaluation;
  if (held) {
    const reasons: readonly RecordedReason[] = held.reasons.length > 0 ? held.reasons : ['not_given'];
    const rating: Rating = { ...held, reasons, channel: 'pad' };
    return recordRating(draft, evaluation, rating, where, why).evaluation;
  }
  const unrated: Evaluation = { ...evaluation, status: 'unrated' };
  where.put(unrated);
  draft.emit({ ...facts(unrated), type: 'evaluation.unrated', at: draft.now, serviceDate: where.serviceDate, reason: why });
  return unrated;
}

function openFollowUp(draft: Draft, evaluation: Evaluation, rating: Rating): FollowUp {
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
    level: rating.level,
    reasons: rating.reasons,
    comment: rating.comment,
    callbackPhone: rating.callbackPhone,
    openedAt: draft.now,
    callbackDue: addWorkingDays(ratedOn, CALLBACK_WORKING_DAYS, calendar),
    fixDue: addWorkingDays(ratedOn, FIX_WORKING_DAYS, calendar),
    callback: null,
    fix: null,
  };
  draft.writeFollowUp(followUp);
  return followUp;
}
