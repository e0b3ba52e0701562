import {
  AdminCategoryBody,
  AdminDeviceBody,
  AdminSettingsBody,
  AdminStaffBody,
  AdminWindowBody,
  DryRunQuery,
  PinResetBody,
  type HallSetupFile,
  type SetupChangeReply,
} from '@hall/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { officeStaff } from '../access';
import type { HttpDeps } from '../app';
import { WindowPath, CategoryPath, StaffPath, DevicePath } from '../paths';
import { parse, parseNewPinBody } from '../parse';

// The hall's set-up edited while it serves (/api/admin/…): administrators only (http/access.ts).
// Each change is a domain command with its rules; the refusals are the codes of
// shared/src/schemas/errors.ts.

/** A whole set-up with the center's every service item is far larger than any other body. */
const SETUP_BODY_LIMIT = 2 * 1024 * 1024;

export const adminSetupRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    /** The administrator making the change (the access table let only administrators through). */
    const admin = (request: FastifyRequest): string => officeStaff(request).staffNo;

    app.get('/api/admin/setup', async (): Promise<HallSetupFile> => hall.setupFile());

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
      await hall.resetPin(by, staffNo, parseNewPinBody(PinResetBody, request.body, 'pin').pin);
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
  };
