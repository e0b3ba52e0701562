import { HeldRatingBody, RateBody, ReleaseHeldRatingBody, type EvaluationReply, type HeldRatingReply, type RateReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import type { HttpDeps } from '../app';
import { TicketIdPath } from '../paths';
import { parse } from '../parse';
import type { Principal } from '../principal';


/**
 * The pad calling, by its enrolled device's id; anyone else is refused (FORBIDDEN), a bad or
 * revoked credential with its own refusal. A `Device-Id` header is only a name and proves nothing.
 */
function callingPad(principal: Principal): string {
  if (principal.kind === 'device' && principal.device.kind === 'pad') return principal.device.id;
  if (principal.kind === 'anonymous' && principal.refused !== null) throw new DomainError(principal.refused);
  throw new DomainError('FORBIDDEN');
}

export const evaluationRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /**
     * 好差评. The window's pad (its device credential) names the ticket by id: only its own
     * window's ticket, while it is asking. The phone page names its ticket by the visitor's
     * secret, until the end of the ticket's day. A ticket id from anyone but a pad is FORBIDDEN.
     */
    app.post('/api/evaluations', async (request, reply): Promise<RateReply> => {
      const body = parse(RateBody, request.body);
      const deviceId = body.ticketId === undefined ? undefined : callingPad(request.principal);
      const evaluation = hall.rate(body, deviceId);
      reply.status(201);
      return { evaluation };
    });

    /**
     * A pad only: what the visitor has chosen so far after touching a poor level, on every touch.
     * Kept on the server and recorded if the time runs out; the reply carries the time now left.
     */
    app.post('/api/evaluations/held', async (request): Promise<HeldRatingReply> => {
      const deviceId = callingPad(request.principal);
      return { evaluation: hall.holdRating(parse(HeldRatingBody, request.body), deviceId) };
    });

    /** A pad only: 返回 from the reasons; the poor level held so far is let go. */
    app.post('/api/evaluations/held/release', async (request): Promise<HeldRatingReply> => {
      const deviceId = callingPad(request.principal);
      return { evaluation: hall.releaseHeldRating(parse(ReleaseHeldRatingBody, request.body), deviceId) };
    });

    /** Duty captains and administrators (the access table): the rating as recorded, 办件编号 and comment too. */
    app.get('/api/evaluations/:ticketId', async (request): Promise<EvaluationReply> => hall.evaluation(parse(TicketIdPath, request.params).ticketId));
  };
