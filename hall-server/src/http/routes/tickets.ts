import { IssueTicketBody, ReprintBody, type IssueTicketReply, type PhoneRatingReply, type TicketReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import type { HttpDeps } from '../app';
import { SecretPath } from '../paths';
import { idempotencyKeyOf, parse, pinAttempt } from '../parse';
import { callingDevice } from '../principal';

/**
 * The ticket's id a phone page's path names by the secret in the QR code (never by the id). A
 * malformed secret is answered like a wrong one: TICKET_NOT_FOUND, nothing more.
 */
function ticketOfPath(hall: HttpDeps['hall'], params: unknown): string {
  const path = SecretPath.safeParse(params);
  if (!path.success) throw new DomainError('TICKET_NOT_FOUND');
  return hall.ticketIdBySecret(path.data.secret);
}

export const ticketRoutes =
  ({ hall, sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** 取号. A kiosk sends a fresh Idempotency-Key per tap, so retries never make a second ticket. */
    app.post('/api/tickets', async (request, reply): Promise<IssueTicketReply> => {
      const body = parse(IssueTicketBody, request.body);
      const { replayed, ...issued } = hall.issueTicket(body, idempotencyKeyOf(request));
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      reply.status(201);
      return issued;
    });

    /** 补打 at a kiosk (its own device id in the body): the staff member's PIN is checked and the reprint goes on record. */
    app.post('/api/tickets/reprint', async (request): Promise<IssueTicketReply> => {
      const { staffNo, pin, number, deviceId } = parse(ReprintBody, request.body);
      if (deviceId !== callingDevice(request.principal).id) throw new DomainError('FORBIDDEN');
      await sessions.checkPin(staffNo, pin, pinAttempt(request));
      return hall.recordReprint({ number, staffNo, deviceId });
    });

    /** The phone page: its ticket, by secret. A secret that names no ticket is TICKET_NOT_FOUND, nothing more. */
    app.get('/api/tickets/:secret', { config: { secretInPath: true } }, async (request): Promise<TicketReply> => {
      return hall.ticketProgress(ticketOfPath(hall, request.params));
    });

    /** The phone page: its ticket's rating, and until when it may still rate, by secret. */
    app.get('/api/tickets/:secret/evaluation', { config: { secretInPath: true } }, async (request): Promise<PhoneRatingReply> => {
      return hall.phoneRating(ticketOfPath(hall, request.params));
    });
  };
