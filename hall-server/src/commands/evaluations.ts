import type { EvaluationRequested, FollowUpView, HeldRatingBody, PublicEvaluationView, RateBody, ReleaseHeldRatingBody } from '@hall/shared';
import * as domain from '../domain';
import { DomainError, type Ticket } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { officeFollowUpView } from '../queries/evaluations';
import { evaluationRequest, publicEvaluationView } from '../services/evaluation-views';
import type { AtWindow } from './windows';

// 好差评 from pads and phones, 请评价 from the console, and the office's 整改 of a poor rating.

/** What a pad or phone sent, about the ticket it named, as the domain's rating and hold commands take it. */
function ratingCommand<P>(ticketId: string, body: RateBody | HeldRatingBody, pad: P) {
  return {
    ticketId,
    level: body.level,
    reasons: body.reasons ?? [],
    comment: body.comment || null,
    callbackPhone: body.callbackPhone ?? null,
    pad,
  };
}

export const evaluationCommands = (rt: HallRuntime) => {
  const registeredPad = (deviceId: string): { deviceId: string; windowNo: number } => {
    const pad = rt.state.setup.pads?.find((p) => p.deviceId === deviceId);
    if (!pad) throw new DomainError('DEVICE_NOT_REGISTERED', { deviceId });
    return { deviceId, windowNo: pad.windowNo };
  };
  /** A ticket of an earlier service day: its time to be rated is over. */
  const refuseEarlierDay = (ticketId: string): void => {
    if (rt.state.tickets.has(ticketId)) return;
    const earlier = rt.stores.hall.evaluations.evaluation(ticketId);
    if (earlier?.status === 'rated') throw new DomainError('ALREADY_RATED', { number: earlier.number });
    if (earlier || rt.stores.hall.ticket(ticketId)) throw new DomainError('EVALUATION_CLOSED');
  };

  return {
    /**
     * A rating from a pad, naming the ticket by id (only its own window's tickets), or from a phone
     * page, naming it by the visitor's secret. A ticket id from anyone but a pad is refused: ids
     * are no proof of holding a ticket.
     */
    rate(body: RateBody, deviceId: string | undefined): PublicEvaluationView {
      let ticketId: string;
      let pad: { deviceId: string; windowNo: number } | null = null;
      if (body.secret !== undefined) {
        ticketId = rt.stores.hall.ticketBySecret(body.secret)?.id ?? '';
        if (ticketId === '') throw new DomainError('TICKET_NOT_FOUND');
      } else {
        if (deviceId === undefined || body.ticketId === undefined) throw new DomainError('FORBIDDEN');
        pad = registeredPad(deviceId);
        ticketId = body.ticketId;
      }
      refuseEarlierDay(ticketId);
      const command = ratingCommand(ticketId, body, pad);
      return publicEvaluationView(rt.state, rt.run((s, ctx) => domain.rate(s, command, ctx)).result.evaluation);
    },
    /** A pad's touch once a poor level is chosen: kept, and the pad asks on from now. */
    holdRating(body: HeldRatingBody, deviceId: string): EvaluationRequested {
      const pad = registeredPad(deviceId);
      refuseEarlierDay(body.ticketId);
      const command = ratingCommand(body.ticketId, body, pad);
      const held = rt.run((s, ctx) => domain.holdRating(s, command, ctx)).result;
      return evaluationRequest(rt.state, held, rt.now());
    },
    /** A pad's 返回 from the reasons: the poor level is no longer held. */
    releaseHeldRating(body: ReleaseHeldRatingBody, deviceId: string): EvaluationRequested {
      const command = { ticketId: body.ticketId, pad: registeredPad(deviceId) };
      refuseEarlierDay(body.ticketId);
      const released = rt.run((s, ctx) => domain.releaseHeldRating(s, command, ctx)).result;
      return evaluationRequest(rt.state, released, rt.now());
    },
    /** 请评价 from the console; answers the ticket the pad now asks about. */
    requestEvaluation(at: AtWindow): Ticket {
      const { ticketId } = rt.run((s, ctx) => domain.requestEvaluation(s, at, ctx)).result;
      const ticket = rt.state.tickets.get(ticketId);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId });
      return ticket;
    },
    /** Pads left unanswered past their time: those tickets become 未评价. */
    closeUnansweredEvaluations(): void {
      rt.run((s, ctx) => domain.closeUnansweredEvaluations(s, ctx));
    },
    /** The call-back to the visitor, or the fix, recorded by a duty captain or administrator. */
    recordFollowUpStep(id: string, step: 'callback' | 'fix', staffNo: string, note: string): FollowUpView {
      const followUp = rt.stores.hall.evaluations.followUp(id);
      return officeFollowUpView(rt, rt.run((s, ctx) => domain.recordFollowUpStep(s, followUp, { step, staffNo, note }, ctx)).result);
    },
  };
};
