import { DeviceId, HeldRatingBody, RateBody, ReleaseHeldRatingBody, type EvaluationReply, type HeldRatingReply, type RateReply } from '@hall/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

const TicketPath = z.object({ ticketId: z.string().min(1).max(64) });

/**
 * The pad rating: the device its credential names (issue 15), or, until every caller sends one,
 * the `Device-Id` it names itself; none for the phone page.
 */
function padOf(request: FastifyRequest): string | undefined {
  if (request.principal.kind === 'device') return request.principal.device.id;
  const header = request.headers['device-id'];
  return header === undefined ? undefined : parse(DeviceId, header);
}

export const evaluationRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /**
     * 好差评. A pad sends its `Device-Id`, and may rate only its own window's ticket while it is
     * asking; the phone page sends none, and may rate until the end of the ticket's day.
     */
    app.post('/api/evaluations', async (request, reply): Promise<RateReply> => {
      const evaluation = hall.rate(parse(RateBody, request.body), padOf(request));
      reply.status(201);
      return { evaluation };
    });

    /**
     * A pad only: what the visitor has chosen so far after touching a poor level, on every touch.
     * Kept on the server and recorded if the time runs out; the reply carries the time now left.
     */
    app.post('/api/evaluations/held', async (request): Promise<HeldRatingReply> => {
      return { evaluation: hall.holdRating(parse(HeldRatingBody, request.body), padOf(request) ?? parse(DeviceId, request.headers['device-id'])) };
    });

    /** A pad only: 返回 from the reasons; the poor level held so far is let go. */
    app.post('/api/evaluations/held/release', async (request): Promise<HeldRatingReply> => {
      return { evaluation: hall.releaseHeldRating(parse(ReleaseHeldRatingBody, request.body), padOf(request) ?? parse(DeviceId, request.headers['device-id'])) };
    });

    app.get('/api/evaluations/:ticketId', async (request): Promise<EvaluationReply> => hall.evaluation(parse(TicketPath, request.params).ticketId));
  };
