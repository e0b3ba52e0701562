import { ChangePinBody, LoginBody, type LoginReply, type SessionReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import { signedInPerson, windowStaff } from '../access';
import type { HttpDeps } from '../app';
import { parse, parseNewPinBody, pinAttempt } from '../parse';

export const authRoutes =
  ({ hall, sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/auth/login', async (request): Promise<LoginReply> => sessions.login(parse(LoginBody, request.body), pinAttempt(request)));

    /** Who a token signed in, at which window: a console coming back after a reload. */
    app.get('/api/auth/session', async (request): Promise<SessionReply> => {
      const { staffNo, windowNo } = windowStaff(request);
      return { staff: hall.staff(staffNo), window: hall.window(windowNo) };
    });

    /**
     * A person changes their own PIN. A new PIN the shared rules refuse, or the current one again,
     * is PIN_TOO_WEAK. Every refusal is logged (never a PIN): guessing at a signed-in person's
     * PIN from an unattended console shows in the log.
     */
    app.post('/api/auth/pin', async (request, reply) => {
      const { staffNo, tokenHash, windowNo } = signedInPerson(request);
      try {
        const { currentPin, newPin } = parseNewPinBody(ChangePinBody, request.body, 'newPin');
        await sessions.changeOwnPin(staffNo, currentPin, newPin, { tokenHash, windowNo }, pinAttempt(request));
      } catch (error) {
        if (error instanceof DomainError) request.log.warn({ staffNo, windowNo, code: error.code, reason: error.details?.reason }, 'own PIN change refused');
        throw error;
      }
      return reply.status(204).send();
    });

    app.post('/api/auth/logout', async (request, reply) => {
      sessions.logout(windowStaff(request));
      return reply.status(204).send();
    });
  };
