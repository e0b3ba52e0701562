import { OnsiteQuery, OnsiteServiceBody, OnsiteServiceChange, type OnsiteServiceReply, type OnsiteServicesReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { officeStaff } from '../access';
import { parse } from '../parse';
import { IdPath } from '../paths';

/** 上门服务 (issue 16): duty captains and administrators take requests and see them through. */
export const onsiteRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/onsite-services', async (request, reply): Promise<OnsiteServiceReply> => {
      const service = hall.requestOnsiteService(parse(OnsiteServiceBody, request.body), officeStaff(request).staffNo);
      reply.status(201);
      return { service };
    });

    app.patch('/api/onsite-services/:id', async (request): Promise<OnsiteServiceReply> => {
      const { id } = parse(IdPath, request.params);
      return { service: hall.changeOnsiteService(id, parse(OnsiteServiceChange, request.body), officeStaff(request).staffNo) };
    });

    app.get('/api/onsite-services', async (request): Promise<OnsiteServicesReply> => hall.onsiteServices(parse(OnsiteQuery, request.query)));
  };
