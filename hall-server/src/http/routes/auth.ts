import { LoginBody, type LoginReply, type SessionReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

export const authRoutes =
  ({ hall, sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/auth/login', async (request): Promise<LoginReply> => sessions.login(parse(LoginBody, request.body)));

    /** Who a token signed in, at which window: a console coming back after a reload. */
    app.get('/api/auth/session', async (request): Promise<SessionReply> => {
      const { staffNo, windowNo } = sessions.authenticate(request.headers.authorization);
      return { staff: hall.staff(staffNo), window: hall.window(windowNo) };
    });

    app.post('/api/auth/logout', async (request, reply) => {
      sessions.logout(sessions.authenticate(request.headers.authorization));
      return reply.status(204).send();
    });
  };
