import { DeviceId, RateBody, type EvaluationReply, type RateReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

const TicketPath = z.object({ ticketId: z.string().min(1).max(64) });

export const evaluationRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /**
     * 好差评. A pad sends its `Device-Id`, and may rate only its own window's ticket while it is
     * asking; the phone page sends none, and may rate until the end of the ticket's day.
     */
    app.post('/api/evaluations', async (request, reply): Promise<RateReply> => {
      const header = request.headers['device-id'];
      const deviceId = header === undefined ? undefined : parse(DeviceId, header);
      const evaluation = hall.rate(parse(RateBody, request.body), deviceId);
      reply.status(201);
      return { evaluation };
    });

    app.get('/api/evaluations/:ticketId', async (request): Promise<EvaluationReply> => hall.evaluation(parse(TicketPath, request.params).ticketId));
  };
