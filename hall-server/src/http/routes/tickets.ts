import { IssueTicketBody, ReprintBody, type IssueTicketReply, type TicketReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../app';
import { idempotencyKeyOf, parse, pinAttempt } from '../parse';

const TicketPath = z.object({ id: z.string().min(1).max(64) });

export const ticketRoutes =
  ({ hall, sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** 取号. A kiosk sends a fresh Idempotency-Key per tap, so retries never make a second ticket. */
    app.post('/api/tickets', async (request, reply): Promise<IssueTicketReply> => {
      const body = parse(IssueTicketBody, request.body);
      const { replayed, ...issued } = hall.issueTicket(body, idempotencyKeyOf(request.headers));
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      reply.status(201);
      return issued;
    });

    /** 补打 at a kiosk: the staff member's PIN is checked and the reprint goes on record. */
    app.post('/api/tickets/reprint', async (request): Promise<IssueTicketReply> => {
      const { staffNo, pin, number, deviceId } = parse(ReprintBody, request.body);
      await sessions.checkPin(staffNo, pin, pinAttempt(request));
      return hall.recordReprint({ number, staffNo, deviceId });
    });

    app.get('/api/tickets/:id', async (request): Promise<TicketReply> => {
      const { id } = parse(TicketPath, request.params);
      return hall.ticket(id);
    });
  };
