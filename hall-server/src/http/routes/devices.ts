import { DeviceStatusBody, type DeviceFaultsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { DevicePath } from '../paths';
import { parse } from '../parse';


export const deviceRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** A kiosk says its printer is out of paper, or works again: its own only (the access table). */
    app.put('/api/devices/:deviceId/status', async (request): Promise<DeviceFaultsReply> => {
      const { deviceId } = parse(DevicePath, request.params);
      hall.reportDeviceStatus(deviceId, parse(DeviceStatusBody, request.body));
      return { faults: hall.deviceFaults() };
    });

    app.get('/api/devices/faults', async (): Promise<DeviceFaultsReply> => ({ faults: hall.deviceFaults() }));
  };
