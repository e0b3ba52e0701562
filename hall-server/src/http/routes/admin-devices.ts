import { EnrolDeviceBody, type AdminDevicesReply, type DeviceSelfReply, type EnrolDeviceReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { adminDevices } from '../../devices/admin-devices';
import { officeStaff } from '../access';
import type { HttpDeps } from '../app';
import { DevicePath } from '../paths';
import { parse } from '../parse';
import { callingDevice } from '../principal';


/** The hall's devices: every kiosk, pad and screen it knows, enrolled and revoked by administrators (the access table). */
export const adminDeviceRoutes =
  ({ hall, sightings }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/admin/devices', async (): Promise<AdminDevicesReply> => {
      return { devices: adminDevices(hall.setupFile(), hall.enrolledDevices(), hall.deviceFaults(), sightings) };
    });

    /** Enrols a device directly: its credential is in the reply, once. */
    app.post('/api/admin/devices', async (request, reply): Promise<EnrolDeviceReply> => {
      const enrolled = hall.enrolDevice(officeStaff(request).staffNo, parse(EnrolDeviceBody, request.body));
      reply.status(201);
      return enrolled;
    });

    /** Revokes a device's credential (its pages go back to pairing); a kiosk or pad leaves the set-up. */
    app.delete('/api/admin/devices/:deviceId', async (request, reply) => {
      hall.revokeDevice(officeStaff(request).staffNo, parse(DevicePath, request.params).deviceId);
      return reply.status(204).send();
    });

    /** A device's page asks who its credential says it is: on start, and to tell a revoked credential. */
    app.get('/api/devices/self', async (request): Promise<DeviceSelfReply> => ({ device: callingDevice(request.principal) }));
  };
