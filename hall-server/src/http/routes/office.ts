import {
  FollowUpsQuery,
  FollowUpStepBody,
  MonthlyQuery,
  OfficeLoginBody,
  ReportQuery,
  SummaryQuery,
  type FollowUpReply,
  type FollowUpsReply,
  type HallReport,
  type MonthlyReport,
  type OfficeLiveReply,
  type OfficeLoginReply,
  type OfficeSessionReply,
  type SummaryReport,
} from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { watchedDevices } from '../../devices/watched-devices';
import type { HttpDeps } from '../app';
import { IdPath } from '../paths';
import { officeSession, officeStaff } from '../access';
import { parse, pinAttempt } from '../parse';


/**
 * The duty captain's and administrators' pages: follow-ups of poor ratings (整改) and reports.
 * Who may call which is the access table's (../access.ts).
 */
export const officeRoutes =
  ({ hall, office, sightings }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/office/login', async (request): Promise<OfficeLoginReply> => office.login(parse(OfficeLoginBody, request.body), pinAttempt(request)));

    app.get('/api/office/session', async (request): Promise<OfficeSessionReply> => ({
      staff: officeStaff(request),
    }));

    app.post('/api/office/logout', async (request, reply) => {
      office.logout(officeSession(request));
      return reply.status(204).send();
    });

    app.get('/api/follow-ups', async (request): Promise<FollowUpsReply> => ({ followUps: hall.followUps(parse(FollowUpsQuery, request.query)) }));

    for (const step of ['callback', 'fix'] as const) {
      app.post(`/api/follow-ups/:id/${step}`, async (request): Promise<FollowUpReply> => {
        const staff = officeStaff(request);
        const { id } = parse(IdPath, request.params);
        const { note } = parse(FollowUpStepBody, request.body);
        return { followUp: hall.recordFollowUpStep(id, step, staff.staffNo, note) };
      });
    }

    app.get('/api/reports/hall', async (request): Promise<HallReport> => {
      const { from, to } = parse(ReportQuery, request.query);
      return hall.report(from, to);
    });

    // The office's span reports and the monthly window report (issue 16, docs/REPORTS.md).
    app.get('/api/reports/summary', async (request): Promise<SummaryReport> => hall.summaryReport(parse(SummaryQuery, request.query)));
    app.get('/api/reports/monthly', async (request): Promise<MonthlyReport> => hall.monthlyReport(parse(MonthlyQuery, request.query).month));
    // The live view of the hall (issue 16, H3): what the snapshot lacks, read again as it changes.
    app.get('/api/office/live', async (): Promise<OfficeLiveReply> => ({
      ...hall.liveHall(),
      devices: watchedDevices(hall.enrolledDevices(), sightings, hall.startedAt()),
    }));
  };
