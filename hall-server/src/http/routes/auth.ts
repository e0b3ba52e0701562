import { LoginBody, type LoginReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

export const authRoutes =
  ({ sessions }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/auth/login', async (request): Promise<LoginReply> => sessions.login(parse(LoginBody, request.body)));

    app.post('/api/auth/logout', async (request, reply) => {
      sessions.logout(sessions.authenticate(request.headers.authorization));
      return reply.status(204).send();
    });
  };
