import { ApprovePairingBody, PairingRequestBody, type ApprovePairingReply, type PairingRequestReply, type PairingStatusReply, type PendingPairingsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { Pairings } from '../../devices/pairings';
import { officeStaff } from '../access';
import type { HttpDeps } from '../app';
import { PairingPath } from '../paths';
import { parse } from '../parse';


/** Pairing new devices: the device's page asks (anonymous), an administrator approves its code (the access table). */
export const pairingRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const pairings = new Pairings(() => hall.now());

    app.post('/api/pairings', async (request, reply): Promise<PairingRequestReply> => {
      const asked = pairings.request(parse(PairingRequestBody, request.body), request.ip);
      reply.status(201);
      return asked;
    });

    // The pairing id is the device's secret: the request log shows this route's pattern, not its address.
    app.get('/api/pairings/:pairingId', { config: { secretInPath: true } }, async (request): Promise<PairingStatusReply> => {
      return pairings.status(parse(PairingPath, request.params).pairingId);
    });

    app.get('/api/admin/pairings', async (): Promise<PendingPairingsReply> => ({ pairings: pairings.pending() }));

    /** The credential goes to the waiting device only; the administrator hears what was enrolled. */
    app.post('/api/admin/pairings', async (request, reply): Promise<ApprovePairingReply> => {
      const by = officeStaff(request).staffNo;
      const device = pairings.approve(parse(ApprovePairingBody, request.body), (role) => hall.enrolDevice(by, role));
      reply.status(201);
      return { device };
    });
  };
