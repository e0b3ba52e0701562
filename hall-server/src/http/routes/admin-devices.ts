import type { AdminDevicesReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { adminDevices } from '../../devices/admin-devices';
import type { HttpDeps } from '../app';

/** Every kiosk, pad and screen the hall knows, for administrators (the access table). */
export const adminDeviceRoutes =
  ({ hall, sightings }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/admin/devices', async (): Promise<AdminDevicesReply> => {
      return { devices: adminDevices(hall.setupFile(), hall.deviceFaults(), sightings) };
    });
  };
