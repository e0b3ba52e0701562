import { clockToMinutes, isPoorRating, startOfLocalDate, type CategoryCode, type LeaderRole } from '@hall/shared';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { addWorkingDays } from '../../src/domain';
import { seedHall } from '../../src/services/seed-hall';
import { ReportRows } from '../../test/support/report-rows';
import { readDemoHall, staffEveryWindow } from './demo-hall';
import { exponential, seededRandom } from './random';
import { CATEGORY_SHARES, LEVEL_SHARES, OUTCOMES, pick, workingDays } from '../year/hall-load';

// The center's load written straight into the tables, for the reports' benchmarks (and the
// monthly report's XLSX): a year is 250 working days of 340 tickets (85,000), five years
// 425,000. Unlike year/generate-year.ts, which drives the domain core (44 s a year), the rows
// are written as the hall leaves them (test/support/report-rows.ts): a ticket with its events
// and evaluation row; every window signed in each morning, paused at lunch, signed out at
// closing; 3% no-shows, 2% transfers, 3% appointments (and 1% missed), 34% rated at 97%
// satisfied, a follow-up for every poor rating (90% fixed, most on time); extended service on
// some evenings; each department's deputy sitting monthly and head half-yearly; a few on-site
// services a month. Seeded: the same options write the same file.

const MINUTE = 60_000;

export interface ReportDataOptions {
  /** Working days (Monday to Friday) after `startAfter`. */
  days: number;
  ticketsPerDay?: number;
  /** The day before the first working day (default 2025-12-31: the year 2026). */
  startAfter?: string;
  seed?: number;
}

export interface ReportData {
  path: string;
  firstDate: string;
  lastDate: string;
  tickets: number;
  served: number;
  generateMs: number;
}

export async function generateReportData(path: string, options: ReportDataOptions): Promise<ReportData> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 16);
  const db = openDatabase(path);
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -131072');
  migrate(db);
  const config = readDemoHall();
  await seedHall(db, config);
  const rows = new ReportRows(db);
  const timezone = config.settings.timezone;
  const open = clockToMinutes(config.settings.openingHours.open) * MINUTE;
  const close = clockToMinutes(config.settings.openingHours.close) * MINUTE;
  const staffAt = staffEveryWindow(config);
  const windowsFor = new Map<CategoryCode, number[]>();
  for (const w of config.windows) for (const c of w.categories) windowsFor.set(c, [...(windowsFor.get(c) ?? []), w.no]);
  const categories = Object.entries(CATEGORY_SHARES) as [CategoryCode, number][];
  const handling = new Map(config.categories.map((c) => [c.code, c.defaultHandlingMinutes * MINUTE]));
  const departments = [...new Set(config.windows.map((w) => w.department))];
  const firstWindowOf = (department: string) => config.windows.find((w) => w.department === department)!.no;
  const ticketsPerDay = options.ticketsPerDay ?? 340;
  const days = workingDays(options.startAfter ?? '2025-12-31', options.days);
  let tickets = 0;
  let served = 0;
  let lastMonth = '';

  for (const date of days) {
    rows.inTransaction(() => {
      const midnight = startOfLocalDate(date, timezone);
      rows.serviceDay(date, midnight + open - 30 * MINUTE);
      for (const [windowNo, staffNo] of staffAt) {
        rows.event(midnight + open - 10 * MINUTE, date, 'window.signed_in', null, windowNo, staffNo);
        rows.event(midnight + 12 * 60 * MINUTE, date, 'window.paused', null, windowNo, staffNo, { reason: '午休', until: null });
        rows.event(midnight + 13 * 60 * MINUTE, date, 'window.resumed', null, windowNo, staffNo);
      }
      const lastFinish = new Map<number, number>();
      const counters = new Map<CategoryCode, number>();
      for (let i = 0; i < ticketsPerDay; i++) {
        const category = pick(categories, random());
        const seq = (counters.get(category) ?? 0) + 1;
        counters.set(category, seq);
        const choices = windowsFor.get(category)!;
        const windowNo = choices[Math.floor(random() * choices.length)]!;
        const staffNo = staffAt.get(windowNo)!;
        // Issued through the open hours, morning or afternoon (the lunch pause has no calls).
        const morning = random() < 0.6;
        const issuedAt = midnight + (morning ? open + random() * 150 * MINUTE : 13 * 60 * MINUTE + random() * 200 * MINUTE);
        const calledAt = issuedAt + exponential(random, 12 * MINUTE);
        const finishedAt = calledAt + Math.max(MINUTE, exponential(random, handling.get(category)!));
        const number = `${category}${String(seq).padStart(3, '0')}`;
        const outcome = random();
        tickets += 1;
        if (outcome < OUTCOMES.noShow) {
          rows.visit({ date, number, category, windowNo, staffNo, issuedAt, calledAt, noShowAt: calledAt + 2 * MINUTE });
          continue;
        }
        const rated = random() < OUTCOMES.rated;
        const level = pick(LEVEL_SHARES, random());
        let servedAt = { windowNo, staffNo, calledAt, finishedAt };
        const transfer = outcome < OUTCOMES.noShow + OUTCOMES.transfer;
        const appointment = !transfer && random() < 0.03;
        if (transfer) {
          const toCategory = pick(categories, random());
          const to = windowsFor.get(toCategory)!;
          const then = to[Math.floor(random() * to.length)]!;
          const againAt = calledAt + 5 * MINUTE + exponential(random, 8 * MINUTE);
          servedAt = { windowNo: then, staffNo: staffAt.get(then)!, calledAt: againAt, finishedAt: againAt + exponential(random, handling.get(toCategory)!) };
          rows.visit({
            date,
            number,
            category,
            windowNo,
            staffNo,
            issuedAt,
            calledAt,
            transfer: { at: calledAt + 5 * MINUTE, toCategory, thenCalled: servedAt },
            rating: rated ? { level, channel: 'pad', at: servedAt.finishedAt + 10_000 } : null,
          });
        } else {
          const id = rows.visit({
            date,
            number,
            category,
            windowNo,
            staffNo,
            issuedAt,
            calledAt,
            finishedAt,
            priority: appointment ? 'appointment' : null,
            rating: rated ? { level, channel: random() < 0.9 ? 'pad' : 'phone', at: finishedAt + 10_000 } : null,
          });
          if (appointment) rows.appointment(category, date, 'checked_in', id);
          if (rated && isPoorRating(level)) {
            const fixed = random() < 0.9;
            rows.followUp({
              ticketId: id,
              date,
              number,
              windowNo,
              staffNo,
              level,
              openedAt: finishedAt + 10_000,
              fixDue: addWorkingDays(date, 15, config.settings.calendar ?? { holidays: [], workdays: [] }),
              fixAt: fixed ? finishedAt + (2 + Math.floor(random() * 25)) * 86_400_000 : null,
            });
          }
        }
        served += 1;
        lastFinish.set(servedAt.windowNo, Math.max(lastFinish.get(servedAt.windowNo) ?? 0, servedAt.finishedAt));
      }
      if (random() < 0.3) rows.appointment(categories[Math.floor(random() * categories.length)]![0], date, 'booked');
      for (const [windowNo, staffNo] of staffAt) {
        const finish = lastFinish.get(windowNo) ?? midnight + close;
        // A window still serving at closing went into extended service (延时服务).
        if (finish > midnight + close) rows.event(midnight + close, date, 'window.extended_service', null, windowNo, staffNo);
        rows.event(Math.max(finish, midnight + close) + 5 * MINUTE, date, 'window.signed_out', null, windowNo, staffNo, { reason: 'logout' });
      }
      const month = date.slice(0, 7);
      if (month !== lastMonth) {
        // The month's first working day: every deputy sits; heads in January and July; two on-site services.
        lastMonth = month;
        const roles: LeaderRole[] = ['deputy', ...(month.endsWith('-01') || month.endsWith('-07') ? (['head'] as const) : [])];
        for (const department of departments) for (const role of roles) rows.leaderVisit(department, role, date, firstWindowOf(department));
        for (let k = 0; k < 2; k++) rows.onsite(departments[Math.floor(random() * departments.length)]!, date, midnight + open, 'done', ['1001']);
      }
    });
  }
  db.pragma('journal_mode = WAL');
  db.close();
  return { path, firstDate: days[0]!, lastDate: days[days.length - 1]!, tickets, served, generateMs: performance.now() - started };
}
