import { IssueTicketBody, type IssueTicketReply, type TicketReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../app';
import { idempotencyKeyOf, parse } from '../parse';

const TicketPath = z.object({ id: z.string().min(1).max(64) });

export const ticketRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** 取号. A kiosk sends a fresh Idempotency-Key per tap, so retries never make a second ticket. */
    app.post('/api/tickets', async (request, reply): Promise<IssueTicketReply> => {
      const body = parse(IssueTicketBody, request.body);
      const { replayed, ...issued } = hall.issueTicket(body, idempotencyKeyOf(request.headers));
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      reply.status(201);
      return issued;
    });

    app.get('/api/tickets/:id', async (request): Promise<TicketReply> => {
      const { id } = parse(TicketPath, request.params);
      return hall.ticket(id);
    });
  };
