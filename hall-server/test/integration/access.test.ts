import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain';
import { ACCESS, enforceAccess, officeStaff } from '../../src/http/access';
import { api, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Who may call what is the access table's: one hook checks every office and admin route.

describe('the access table on the hall server', () => {
  let hall: TestHall;
  let base: string;

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
  });
  afterAll(() => hall.stop());

  it('answers 401 without an office session, with a bad one or with a window session', async () => {
    expect((await api(base, 'GET', '/api/follow-ups')).status).toBe(401);
    const bad = await api(base, 'GET', '/api/reports/hall?from=2026-03-01&to=2026-03-07', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('UNAUTHORIZED');
    const windowToken = await login(base, '1001', 1);
    const atWindow = await api(base, 'GET', '/api/follow-ups', { token: windowToken });
    expect(atWindow.status).toBe(401);
    expect(atWindow.body.error.code).toBe('UNAUTHORIZED');
  });

  it('lets duty captains and administrators at the office routes', async () => {
    for (const staffNo of ['2001', '9001']) {
      const token = await officeLogin(base, staffNo);
      expect((await api(base, 'GET', '/api/follow-ups', { token })).status).toBe(200);
      expect((await api(base, 'GET', '/api/reports/hall?from=2026-03-01&to=2026-03-07', { token })).status).toBe(200);
    }
  });

  it('answers 404 for an admin route nobody registered', async () => {
    expect((await api(base, 'GET', '/api/admin/no-such-page')).status).toBe(404);
  });
});

describe('the access hook', () => {
  const admin = { staff: { staffNo: '9001', name: '管理员', roles: ['admin' as const] }, tokenHash: 'a' };
  const captain = { staff: { staffNo: '2001', name: '值班长', roles: ['captain' as const] }, tokenHash: 'c' };
  const office = {
    authenticate(authorization: string | undefined) {
      if (authorization === 'Bearer admin') return admin;
      if (authorization === 'Bearer captain') return captain;
      throw new DomainError('UNAUTHORIZED');
    },
  };

  async function appWith(routes: (app: FastifyInstance) => void) {
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof DomainError)) throw error;
      return reply.status(error.code === 'FORBIDDEN' ? 403 : 401).send({ code: error.code });
    });
    enforceAccess(app, office);
    app.register(async (child) => routes(child));
    await app.ready();
    return app;
  }

  it('refuses to start with an /api/admin route missing from the table', async () => {
    await expect(appWith((app) => app.get('/api/admin/secret', async () => 'open'))).rejects.toThrow(/GET \/api\/admin\/secret is not in the access table/);
  });

  it('gives the route the signed-in person, and keeps captains off the set-up', async () => {
    const app = await appWith((child) => {
      child.put('/api/admin/windows/:no', async (request) => ({ by: officeStaff(request).staffNo }));
      child.put('/api/hall/notice', async (request) => ({ by: officeStaff(request).staffNo }));
    });
    const put = (url: string, token?: string) =>
      app.inject({ method: 'PUT', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
    expect((await put('/api/admin/windows/5')).statusCode).toBe(401);
    expect((await put('/api/admin/windows/5', 'captain')).json()).toEqual({ code: 'FORBIDDEN' });
    expect((await put('/api/admin/windows/5', 'admin')).json()).toEqual({ by: '9001' });
    expect((await put('/api/hall/notice', 'captain')).json()).toEqual({ by: '2001' });
    await app.close();
  });

  it('lists every admin route of the issue, for administrators only', () => {
    const adminRoutes = Object.entries(ACCESS).filter(([route]) => route.includes(' /api/admin/'));
    expect(adminRoutes.map(([route]) => route)).toEqual(
      expect.arrayContaining([
        'GET /api/admin/setup',
        'PUT /api/admin/setup',
        'PUT /api/admin/windows/:no',
        'DELETE /api/admin/windows/:no',
        'PUT /api/admin/categories/:code',
        'PUT /api/admin/staff/:staffNo',
        'POST /api/admin/staff/:staffNo/pin',
        'PUT /api/admin/settings',
        'GET /api/admin/audit',
      ]),
    );
    for (const [, roles] of adminRoutes) expect(roles).toEqual(['admin']);
  });
});
