import { HelpRequestBody, type HelpRequestReply, type HelpRequestsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import { signedInPerson } from '../access';
import type { HttpDeps } from '../app';
import { IdPath } from '../paths';
import { parse } from '../parse';
import { callingDevice } from '../principal';


/** 呼叫导服员: a kiosk asks for a guide; a guide (window console) or the duty captain (office) marks it 已处理. */
export const helpRequestRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/help-requests', async (request, reply) => {
      // The kiosk asking is the credential's; a body naming another kiosk is refused.
      const { deviceId } = parse(HelpRequestBody, request.body);
      if (deviceId !== callingDevice(request.principal).id) throw new DomainError('FORBIDDEN');
      const body: HelpRequestReply = { helpRequest: hall.requestHelp(deviceId) };
      return reply.status(201).send(body);
    });

    app.get('/api/help-requests', async (): Promise<HelpRequestsReply> => ({ helpRequests: hall.helpRequests() }));

    app.post('/api/help-requests/:id/handled', async (request): Promise<HelpRequestReply> => {
      const { id } = parse(IdPath, request.params);
      // A guide signs in at a window console; a duty captain at the office page.
      return { helpRequest: hall.handleHelpRequest(id, signedInPerson(request).staffNo) };
    });
  };
