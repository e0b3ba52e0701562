import { IdempotencyKey, IssueTicketBody, type IssueTicketReply, type TicketReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

const TicketPath = z.object({ id: z.string().min(1).max(64) });

export const ticketRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** 取号. A kiosk sends a fresh Idempotency-Key per tap, so retries never make a second ticket. */
    app.post('/api/tickets', async (request, reply): Promise<IssueTicketReply> => {
      const body = parse(IssueTicketBody, request.body);
      const header = request.headers['idempotency-key'];
      const key = header === undefined ? undefined : parse(IdempotencyKey, header);
      const { replayed, ...issued } = hall.issueTicket(body, key);
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      reply.status(201);
      return issued;
    });

    app.get('/api/tickets/:id', async (request): Promise<TicketReply> => {
      const { id } = parse(TicketPath, request.params);
      return hall.ticket(id);
    });
  };
