import type { EvaluationRecorded, EvaluationRequested, EvaluationView, FollowUpView, PublicEvaluationView } from '@hall/shared';
import { STARS } from '@hall/shared';
import { followUpProgress, type Evaluation, type FollowUp, type HallState } from '../domain';
import { iso, isoOrNull, staffOrNumber, staffView } from './views';

// Ratings and follow-ups as pads, phone pages and the office see them.

export function evaluationRequest(state: HallState, evaluation: Evaluation, now: number): EvaluationRequested {
  return {
    ticketId: evaluation.ticketId,
    number: evaluation.number,
    windowNo: evaluation.windowNo,
    staff: staffView(state, evaluation.staffNo),
    caseNo: evaluation.caseNo,
    secondsLeft: Math.max(0, Math.round((evaluation.closesAt - now) / 1000)),
  };
}

export function evaluationRecorded(evaluation: Evaluation): EvaluationRecorded {
  return {
    ticketId: evaluation.ticketId,
    number: evaluation.number,
    windowNo: evaluation.windowNo,
    status: evaluation.status === 'rated' ? 'rated' : 'unrated',
    level: evaluation.level,
    channel: evaluation.channel,
  };
}

export function evaluationView(state: HallState, evaluation: Evaluation): EvaluationView {
  return {
    ticketId: evaluation.ticketId,
    number: evaluation.number,
    serviceDate: evaluation.serviceDate,
    windowNo: evaluation.windowNo,
    staff: staffView(state, evaluation.staffNo),
    caseNo: evaluation.caseNo,
    status: evaluation.status,
    level: evaluation.level,
    stars: evaluation.level === null ? null : STARS[evaluation.level],
    reasons: [...evaluation.reasons],
    comment: evaluation.comment,
    channel: evaluation.channel,
    requestedAt: iso(evaluation.requestedAt),
    ratedAt: isoOrNull(evaluation.ratedAt),
    followUpId: evaluation.followUpId,
  };
}

/** A rating as the pad and the phone page are answered with: what the window screen showed, and the level. */
export function publicEvaluationView(state: HallState, evaluation: Evaluation): PublicEvaluationView {
  return {
    number: evaluation.number,
    serviceDate: evaluation.serviceDate,
    windowNo: evaluation.windowNo,
    staff: staffView(state, evaluation.staffNo),
    status: evaluation.status,
    level: evaluation.level,
    stars: evaluation.level === null ? null : STARS[evaluation.level],
    channel: evaluation.channel,
    ratedAt: isoOrNull(evaluation.ratedAt),
  };
}

export function followUpView(state: HallState, followUp: FollowUp, today: string): FollowUpView {
  const step = (s: FollowUp['callback']) =>
    s === null ? null : { at: iso(s.at), by: staffOrNumber(state, s.staffNo), note: s.note };
  return {
    id: followUp.id,
    ticketId: followUp.ticketId,
    number: followUp.number,
    serviceDate: followUp.serviceDate,
    windowNo: followUp.windowNo,
    windowName: state.setup.windows.find((w) => w.no === followUp.windowNo)?.name ?? `${followUp.windowNo}`,
    staff: staffView(state, followUp.staffNo),
    caseNo: followUp.caseNo,
    level: followUp.level,
    reasons: [...followUp.reasons],
    comment: followUp.comment,
    callbackPhone: followUp.callbackPhone,
    openedAt: iso(followUp.openedAt),
    callbackDue: followUp.callbackDue,
    fixDue: followUp.fixDue,
    callback: step(followUp.callback),
    fix: step(followUp.fix),
    ...followUpProgress(followUp, today, state.setup.settings.timezone),
  };
}
