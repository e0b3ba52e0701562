import { MonthlyQuery, pickLocale, t } from '@hall/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { HttpDeps } from '../app';
import { attachment } from '../attachment';
import { parse } from '../parse';
import { monthlyCsv } from '../../exports/monthly-csv';
import { monthlyXlsx } from '../../exports/monthly-workbook';

/**
 * The monthly window report (月度通报) as files for the office to publish (issue 16): the whole
 * report as an Excel workbook, the windows' ranking as CSV. Headers in the reader's language
 * (Chinese unless the page is in English); the file is named for the month.
 */
export const monthlyExportRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const read = (request: FastifyRequest) => {
      const { month } = parse(MonthlyQuery, request.query);
      const locale = pickLocale(request.headers['accept-language']);
      const [year, m] = month.split('-');
      const fileName = t(locale, 'monthly.fileName', { year: year!, month: Number(m) });
      return { report: hall.monthlyReport(month), locale, fileName, fallback: `monthly-window-report-${month}` };
    };

    app.get('/api/reports/monthly.xlsx', async (request, reply) => {
      const { report, locale, fileName, fallback } = read(request);
      const bytes = await monthlyXlsx(report, hall.hallName(), locale);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`${fileName}.xlsx`, `${fallback}.xlsx`))
        .send(bytes);
    });

    app.get('/api/reports/monthly.csv', async (request, reply) => {
      const { report, locale, fileName, fallback } = read(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${fileName}.csv`, `${fallback}.csv`))
        .send(monthlyCsv(report, locale));
    });
  };
