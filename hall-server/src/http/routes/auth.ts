import { ChangePinBody, LoginBody, type LoginReply, type SessionReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import type { HttpDeps } from '../app';
import { parse, parseNewPinBody, pinAttempt } from '../parse';

export const authRoutes =
  ({ hall, sessions, office }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/auth/login', async (request): Promise<LoginReply> => sessions.login(parse(LoginBody, request.body), pinAttempt(request)));

    /** Who a token signed in, at which window: a console coming back after a reload. */
    app.get('/api/auth/session', async (request): Promise<SessionReply> => {
      const { staffNo, windowNo } = sessions.authenticate(request.headers.authorization);
      return { staff: hall.staff(staffNo), window: hall.window(windowNo) };
    });

    /** Whoever a window session or an office session signed in (a console's or the office page's), and that session. */
    const signedInPerson = (authorization: string | undefined): { staffNo: string; tokenHash: string; windowNo: number | null } => {
      try {
        const { staffNo, tokenHash, windowNo } = sessions.authenticate(authorization);
        return { staffNo, tokenHash, windowNo };
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'UNAUTHORIZED') throw error;
        const { staff, tokenHash } = office.authenticate(authorization);
        return { staffNo: staff.staffNo, tokenHash, windowNo: null };
      }
    };

    /**
     * A person changes their own PIN. A new PIN the shared rules refuse, or the current one again,
     * is PIN_TOO_WEAK. Every refusal is logged (never a PIN): guessing at a signed-in person's
     * PIN from an unattended console shows in the log.
     */
    app.post('/api/auth/pin', async (request, reply) => {
      const { staffNo, tokenHash, windowNo } = signedInPerson(request.headers.authorization);
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
      sessions.logout(sessions.authenticate(request.headers.authorization));
      return reply.status(204).send();
    });
  };
