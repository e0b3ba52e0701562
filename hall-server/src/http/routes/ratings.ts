import { PublicRatingsQuery, RatingsExportQuery, type PublicRatings } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import { ratingsJson, ratingsXlsx } from '../../services/ratings-export';
import type { HttpDeps } from '../app';
import { attachment } from '../attachment';
import { parse } from '../parse';

/**
 * 好差评 published and handed on (issue 16): the span's ratings for the provincial platform
 * (duty captains and administrators, the access table), streamed as they are read; the month's
 * results per window for anyone (the public page and the hall screen's slide).
 */
export const ratingsRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/evaluations/export', async (request, reply) => {
      const { from, to, format } = parse(RatingsExportQuery, request.query);
      const { head, pages } = hall.ratingsExport(from, to);
      const name = `好差评-${from}至${to}`;
      const fallback = `ratings-${from}-${to}`;
      if (format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`${name}.xlsx`, `${fallback}.xlsx`))
          .send(ratingsXlsx(pages));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(`${name}.json`, `${fallback}.json`))
        .send(Readable.from(ratingsJson(head, pages)));
    });

    app.get('/api/public/ratings', async (request): Promise<PublicRatings> => hall.publicRatings(parse(PublicRatingsQuery, request.query).month));
  };
