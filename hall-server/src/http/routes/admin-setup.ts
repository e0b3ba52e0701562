import {
  AdminCategoryBody,
  AdminDeviceBody,
  AdminSettingsBody,
  AdminStaffBody,
  AdminWindowBody,
  CategoryCode,
  DeviceId,
  DryRunQuery,
  PinResetBody,
  StaffNo,
  WindowNo,
  type HallSetupFile,
  type SetupChangeReply,
} from '@hall/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, pinProblem } from '../../domain';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

// The hall's set-up edited while it serves (/api/admin/…): administrators only. Each change is a
// domain command with its rules; the refusals are the codes of shared/src/schemas/errors.ts.

const WindowPath = z.object({ no: z.coerce.number().pipe(WindowNo) });
const CategoryPath = z.object({ code: CategoryCode });
const StaffPath = z.object({ staffNo: StaffNo });
const DevicePath = z.object({ deviceId: DeviceId });

/**
 * A PIN of digits that the PIN rules refuse is PIN_TOO_WEAK, with the reason, not a malformed
 * body: the person chose it and should hear why. (Whether the demo PIN is the hall's own is the
 * domain's to say.)
 */
function refuseWeakPin(body: unknown): void {
  const pin = (body as { pin?: unknown } | null)?.pin;
  if (typeof pin !== 'string' || !/^\d+$/.test(pin)) return;
  const problem = pinProblem(pin, { demo: true });
  if (problem !== null) throw new DomainError('PIN_TOO_WEAK', { problem });
}

/** A whole set-up with the center's every service item is far larger than any other body. */
const SETUP_BODY_LIMIT = 2 * 1024 * 1024;

export const adminSetupRoutes =
  ({ hall, office }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    // TODO(H1): replace with the access table (http/access.ts) once it is on main.
    const admin = (request: FastifyRequest): string => {
      const { staff } = office.authenticate(request.headers.authorization);
      if (!staff.roles.includes('admin')) throw new DomainError('FORBIDDEN', { staffNo: staff.staffNo });
      return staff.staffNo;
    };

    app.get('/api/admin/setup', async (request): Promise<HallSetupFile> => {
      admin(request);
      return hall.setupFile();
    });

    app.put('/api/admin/setup', { bodyLimit: SETUP_BODY_LIMIT }, async (request): Promise<SetupChangeReply> => {
      const by = admin(request);
      const { dryRun } = parse(DryRunQuery, request.query);
      return hall.replaceSetup(by, request.body, dryRun === 'true');
    });

    app.put('/api/admin/windows/:no', async (request) => {
      const by = admin(request);
      const { no } = parse(WindowPath, request.params);
      return { window: hall.setWindow(by, { no, ...parse(AdminWindowBody, request.body) }) };
    });

    app.delete('/api/admin/windows/:no', async (request, reply) => {
      const by = admin(request);
      hall.removeWindow(by, parse(WindowPath, request.params).no);
      return reply.status(204).send();
    });

    app.put('/api/admin/categories/:code', async (request) => {
      const by = admin(request);
      const { code } = parse(CategoryPath, request.params);
      return { category: hall.setCategory(by, { code, ...parse(AdminCategoryBody, request.body) }) };
    });

    app.delete('/api/admin/categories/:code', async (request, reply) => {
      const by = admin(request);
      hall.removeCategory(by, parse(CategoryPath, request.params).code);
      return reply.status(204).send();
    });

    app.put('/api/admin/staff/:staffNo', async (request) => {
      const by = admin(request);
      const { staffNo } = parse(StaffPath, request.params);
      return { staff: hall.setStaff(by, { staffNo, ...parse(AdminStaffBody, request.body) }) };
    });

    app.post('/api/admin/staff/:staffNo/pin', async (request, reply) => {
      const by = admin(request);
      const { staffNo } = parse(StaffPath, request.params);
      refuseWeakPin(request.body);
      await hall.resetPin(by, staffNo, parse(PinResetBody, request.body).pin);
      return reply.status(204).send();
    });

    app.put('/api/admin/settings', async (request) => {
      const by = admin(request);
      return { settings: hall.setSettings(by, parse(AdminSettingsBody, request.body)) };
    });

    app.put('/api/admin/devices/:deviceId', async (request) => {
      const by = admin(request);
      const { deviceId } = parse(DevicePath, request.params);
      return { device: hall.setDevice(by, deviceId, parse(AdminDeviceBody, request.body)) };
    });

    app.delete('/api/admin/devices/:deviceId', async (request, reply) => {
      const by = admin(request);
      hall.removeDevice(by, parse(DevicePath, request.params).deviceId);
      return reply.status(204).send();
    });
  };
