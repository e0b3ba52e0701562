import type { BackupReply, BackupsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import type { HttpDeps } from '../app';

/** The hall's backups on the admin page: the folder's list, and one made now (administrators only: the access table). */
export const backupRoutes =
  ({ operations }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/admin/backups', async (): Promise<BackupsReply> => operations.backups.list());

    /** Answers when the copy is made and checked; a failed one is answered with its code, its record in the details. */
    app.post('/api/admin/backups', async (_request, reply): Promise<BackupReply> => {
      const backup = await operations.backups.backUp('manual');
      if (!backup.ok) throw new DomainError(backup.error?.code === 'BACKUP_DAMAGED' ? 'BACKUP_DAMAGED' : 'BACKUP_FAILED', { backup });
      reply.status(201);
      return { backup };
    });
  };
