import type { CategoriesReply, HealthReply, WindowsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';

export const hallRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/health', async (): Promise<HealthReply> => {
      const now = hall.now();
      return {
        status: 'ok',
        hall: hall.hallName,
        serviceDate: hall.snapshot(null).serviceDate,
        time: new Date(now).toISOString(),
        uptimeSeconds: Math.round(hall.uptimeMs / 1000),
      };
    });

    app.get('/api/categories', async (): Promise<CategoriesReply> => ({ categories: hall.categories() }));

    app.get('/api/windows', async (): Promise<WindowsReply> => ({ windows: hall.windows() }));
  };
