import { AppointmentReply, BookAppointmentBody, CheckInBody, type IssueTicketReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { idempotencyKeyOf, parse } from '../parse';

export const appointmentRoutes =
  ({ hall, sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** Bookings taken by phone are entered by a signed-in staff member. */
    app.post('/api/appointments', async (request, reply): Promise<AppointmentReply> => {
      const { staffNo } = sessions.authenticate(request.headers.authorization);
      const appointment = hall.bookAppointment(parse(BookAppointmentBody, request.body), staffNo);
      reply.status(201);
      return { appointment };
    });

    /** 预约签到 at the kiosk: a priority ticket in the booked category. */
    app.post('/api/appointments/check-in', async (request, reply): Promise<IssueTicketReply> => {
      const body = parse(CheckInBody, request.body);
      const { replayed, ...issued } = hall.checkIn(body, idempotencyKeyOf(request));
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      reply.status(201);
      return issued;
    });
  };
