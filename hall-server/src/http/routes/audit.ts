import { AuditQuery, type AuditReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import type { HttpDeps } from '../app';
import { parse } from '../parse';

/** The audit log (审计日志), for administrators (the access table): as entries, or as a CSV file for Excel. */
export const auditRoutes =
  ({ audit }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/admin/audit', async (request): Promise<AuditReply> => {
      return audit.entries(parse(AuditQuery, request.query), request.headers['accept-language']);
    });

    app.get('/api/admin/audit.csv', async (request, reply) => {
      const query = parse(AuditQuery, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${query.from}-${query.to}.csv"`)
        .send(Readable.from(audit.csv(query, request.headers['accept-language'])));
    });
  };
