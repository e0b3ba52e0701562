import type { AdminDevicesReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { adminDevices } from '../../devices/admin-devices';
import type { HttpDeps } from '../app';
import { adminOnly } from '../admin-only';

/** Every kiosk, pad and screen the hall knows, for administrators. */
export const adminDeviceRoutes =
  ({ hall, office, sightings, setupDevices }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/admin/devices', async (request): Promise<AdminDevicesReply> => {
      adminOnly(office, request.headers.authorization);
      return { devices: adminDevices(setupDevices(), hall.deviceFaults(), sightings) };
    });
  };
