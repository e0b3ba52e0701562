import { LeaderDutyBody, LeaderDutyQuery, type LeaderDutyReply, type LeaderDutyVisitReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { officeStaff } from '../access';
import { parse } from '../parse';

/** 领导值班 (issue 16): duty captains and administrators record sittings and see who is overdue. */
export const leaderDutyRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/leader-duty', async (request, reply): Promise<LeaderDutyVisitReply> => {
      const visit = hall.recordLeaderDuty(parse(LeaderDutyBody, request.body), officeStaff(request).staffNo);
      reply.status(201);
      return { visit };
    });

    app.get('/api/leader-duty', async (request): Promise<LeaderDutyReply> => {
      const { from, to } = parse(LeaderDutyQuery, request.query);
      return hall.leaderDuty(from, to);
    });
  };
