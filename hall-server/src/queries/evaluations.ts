import { dayAfter, startOfLocalDate, type EvaluationReply, type EvaluationRequested, type FollowUpView, type HallReport, type PhoneRatingReply } from '@hall/shared';
import { DomainError, type Evaluation, type FollowUp } from '../domain';
import type { FollowUpSelection } from '../db/evaluation-store';
import type { HallRuntime } from '../runtime/hall-runtime';
import { evaluationRequest, evaluationView, followUpView, publicEvaluationView } from '../services/evaluation-views';
import { hallReport } from '../services/hall-report';
import { staffOrNumber } from '../services/views';

// 好差评 and 整改 as the pads, phones and the office see them, and the hall's figures.

/** What a window's pad is asking about right now, for a pad or console that (re)connects. */
export function pendingEvaluation(rt: HallRuntime, windowNo: number): EvaluationRequested | null {
  for (const evaluation of rt.state.evaluations.values()) {
    if (evaluation.windowNo === windowNo && evaluation.status === 'pending') return evaluationRequest(rt.state, evaluation, rt.now());
  }
  return null;
}

export const officeFollowUpView = (rt: HallRuntime, followUp: FollowUp): FollowUpView => followUpView(rt.state, followUp, rt.today());

/** A ticket's rating (null: not asked for yet), and until when the phone page may still give one. */
function ratingOf(rt: HallRuntime, ticketId: string): { evaluation: Evaluation | null; phoneRatingUntil: string | null } {
  const { state, stores } = rt;
  const live = state.evaluations.get(ticketId);
  const evaluation = live ?? stores.hall.evaluations.evaluation(ticketId);
  if (!evaluation && !state.tickets.has(ticketId) && !stores.hall.ticket(ticketId)) throw new DomainError('TICKET_NOT_FOUND');
  const open = live !== undefined && live.status !== 'rated';
  const { timezone } = state.setup.settings;
  return { evaluation, phoneRatingUntil: open ? new Date(startOfLocalDate(dayAfter(live.serviceDate), timezone)).toISOString() : null };
}

export const evaluationQueries = (rt: HallRuntime) => ({
  /** A ticket's rating as recorded (办件编号, comment), for duty captains and administrators. */
  evaluation(ticketId: string): EvaluationReply {
    const { evaluation, phoneRatingUntil } = ratingOf(rt, ticketId);
    return { evaluation: evaluation ? evaluationView(rt.state, evaluation) : null, phoneRatingUntil };
  },
  /** A ticket's rating as its phone page (which named it by secret) sees it. */
  phoneRating(ticketId: string): PhoneRatingReply {
    const { evaluation, phoneRatingUntil } = ratingOf(rt, ticketId);
    return { evaluation: evaluation ? publicEvaluationView(rt.state, evaluation) : null, phoneRatingUntil };
  },
  pendingEvaluation: (windowNo: number): EvaluationRequested | null => pendingEvaluation(rt, windowNo),
  followUps(selection: Omit<FollowUpSelection, 'today'>): FollowUpView[] {
    const today = rt.today();
    return rt.stores.hall.evaluations.followUps({ ...selection, today }).map((f) => followUpView(rt.state, f, today));
  },
  followUpView: (followUp: FollowUp): FollowUpView => officeFollowUpView(rt, followUp),
  /** The hall's figures over service days `from`..`to`. */
  report(from: string, to: string): HallReport {
    const { state } = rt;
    const names = {
      windowName: (no: number) => state.setup.windows.find((w) => w.no === no)?.name ?? rt.stores.hall.setup.windowName(no) ?? String(no),
      staff: (staffNo: string) => staffOrNumber(state, staffNo),
    };
    return hallReport(from, to, rt.stores.reports.counts(from, to, rt.today()), names);
  },
});
