import { NoticeBody, RosterBody, type CategoriesReply, type DutyPeopleReply, type HealthReply, type NoticeReply, type RosterReply, type WindowsReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../app';
import { DatePath } from '../paths';
import { officeStaff } from '../access';
import { parse } from '../parse';


export const hallRoutes =
  ({ hall, operations }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/health', async (): Promise<HealthReply> => {
      const now = hall.now();
      return {
        status: 'ok',
        hall: hall.hallName(),
        serviceDate: hall.serviceDateNow(),
        time: new Date(now).toISOString(),
        uptimeSeconds: Math.round(hall.uptimeMs() / 1000),
        storage: operations.storage(),
        backup: operations.backupHealth(),
        faults: hall.faultHealth(),
      };
    });

    app.get('/api/categories', async (): Promise<CategoriesReply> => ({ categories: hall.categories() }));

    app.get('/api/windows', async (): Promise<WindowsReply> => ({ windows: hall.windows() }));

    /** Who may be put on a roster: a duty captain, who does not read the set-up, chooses from them. */
    app.get('/api/duty/people', async (): Promise<DutyPeopleReply> => hall.dutyPeople());

    app.get('/api/roster/:date', async (request): Promise<RosterReply> => hall.roster(parse(DatePath, request.params).date));

    /** A duty captain or administrator, signed in at the office pages, sets a day's roster. */
    app.put('/api/roster/:date', async (request): Promise<RosterReply> => {
      const { date } = parse(DatePath, request.params);
      const { entries } = parse(RosterBody, request.body);
      return hall.changeRoster(date, entries, officeStaff(request).staffNo);
    });

    app.put('/api/hall/notice', async (request): Promise<NoticeReply> => {
      const { text } = parse(NoticeBody, request.body);
      return { notice: hall.changeNotice(text, officeStaff(request).staffNo) };
    });
  };
