import { ChangePinBody, LoginBody, type LoginReply, type SessionReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import type { HttpDeps } from '../app';
import { parse, parseNewPinBody } from '../parse';

export const authRoutes =
  ({ hall, sessions, office }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/auth/login', async (request): Promise<LoginReply> => sessions.login(parse(LoginBody, request.body)));

    /** Who a token signed in, at which window: a console coming back after a reload. */
    app.get('/api/auth/session', async (request): Promise<SessionReply> => {
      const { staffNo, windowNo } = sessions.authenticate(request.headers.authorization);
      return { staff: hall.staff(staffNo), window: hall.window(windowNo) };
    });

    /** Whoever a window session or an office session signed in: a console's or the office page's. */
    const signedInPerson = (authorization: string | undefined): string => {
      try {
        return sessions.authenticate(authorization).staffNo;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'UNAUTHORIZED') throw error;
        return office.authenticate(authorization).staff.staffNo;
      }
    };

    /** A person changes their own PIN. A new PIN the shared rules refuse is PIN_TOO_WEAK. */
    app.post('/api/auth/pin', async (request, reply) => {
      const staffNo = signedInPerson(request.headers.authorization);
      const { currentPin, newPin } = parseNewPinBody(ChangePinBody, request.body, 'newPin');
      await sessions.changeOwnPin(staffNo, currentPin, newPin);
      return reply.status(204).send();
    });

    app.post('/api/auth/logout', async (request, reply) => {
      sessions.logout(sessions.authenticate(request.headers.authorization));
      return reply.status(204).send();
    });
  };
