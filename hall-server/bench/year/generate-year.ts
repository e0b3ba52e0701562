import { clockToMinutes, startOfLocalDate, type CategoryCode, type PoorRatingReason } from '@hall/shared';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { DomainError } from '../../src/domain';
import { createHall } from '../../src/runtime/hall';
import { HallRuntime } from '../../src/runtime/hall-runtime';
import { seedHall } from '../../src/services/seed-hall';
import { readDemoHall, staffEveryWindow } from '../support/demo-hall';
import { exponential, seededRandom } from '../support/random';
import { CATEGORY_SHARES, HOURLY_PROFILE, ISSUING_FROM_MINUTE, LEVEL_SHARES, OUTCOMES, pick, workingDays } from './hall-load';

// A year of the center written through the hall service itself (the domain core, then the
// store, one transaction per command, as the server runs it) on a simulated clock, so the
// database holds what a real year leaves: tickets, the event log, ratings and follow-ups.
// Generation only: the file is written without fsync, its journal in memory and each day in
// one outer transaction, because only what is measured afterwards must be realistic, not this.

const MINUTE = 60_000;
const REASONS: readonly PoorRatingReason[] = ['attitude', 'slow', 'unfamiliar', 'repeated_trips', 'other'];
const CAPTAIN = '2001';

export interface YearFigures {
  days: number;
  tickets: number;
  ratings: number;
  followUps: number;
  firstDate: string;
  lastDate: string;
}

interface Busy {
  windowNo: number;
  at: number;
  /** What happens at `at`: the visitor never came, or the service ends. */
  then: 'no-show' | 'done';
}

export async function generateYear(path: string, options: { days: number; ticketsPerDay: number; seed?: number }): Promise<YearFigures> {
  const random = seededRandom(options.seed ?? 2026);
  const db = openDatabase(path);
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  migrate(db);
  const config = readDemoHall();
  await seedHall(db, config);
  let now = 0;
  let ids = 0;
  const hall = createHall(new HallRuntime(db, { clock: { now: () => now }, newId: () => `y${(++ids).toString(36)}` }));
  const staffAt = staffEveryWindow(config);
  const timezone = config.settings.timezone;
  const servedBy = new Map(config.windows.map((w) => [w.no, w.categories]));
  const categories = Object.entries(CATEGORY_SHARES) as [CategoryCode, number][];
  const handling = new Map(config.categories.map((c) => [c.code, c.defaultHandlingMinutes * MINUTE]));
  const figures: YearFigures = { days: 0, tickets: 0, ratings: 0, followUps: 0, firstDate: '', lastDate: '' };
  /** Poor ratings waiting for their call-back, then for their fix, by the day it is due. */
  const followUpSteps: { id: string; step: 'callback' | 'fix'; dueDay: number }[] = [];

  const days = workingDays('2025-11-21', options.days);
  figures.firstDate = days[0]!;
  figures.lastDate = days[days.length - 1]!;
  const peak = Math.max(...HOURLY_PROFILE);
  const meanProfile = HOURLY_PROFILE.reduce((a, b) => a + b, 0) / HOURLY_PROFILE.length;
  const peakPerMs = (options.ticketsPerDay / (HOURLY_PROFILE.length * 60 * MINUTE)) * (peak / meanProfile);

  // Everyone stays signed in at their window all year: the day's turn frees the windows.
  now = startOfLocalDate(days[0]!, timezone);
  for (const [windowNo, staffNo] of staffAt) hall.signIn({ windowNo, staffNo }, () => undefined);
  // Those went into the service's own commit group; each day below is a transaction of its own.
  await hall.flush();

  days.forEach((date, dayIndex) => {
    db.transaction(() => {
      const opening = startOfLocalDate(date, timezone) + clockToMinutes(config.settings.openingHours.open) * MINUTE;
      const issuingFrom = startOfLocalDate(date, timezone) + ISSUING_FROM_MINUTE * MINUTE;
      const issuingUntil = issuingFrom + HOURLY_PROFILE.length * 60 * MINUTE;
      now = opening - 30 * MINUTE;
      hall.openServiceDayIfDue();

      // Yesterday's poor ratings: the duty captain calls back, and later records the fix.
      for (const due of followUpSteps.filter((s) => s.dueDay === dayIndex)) {
        now += MINUTE;
        hall.recordFollowUpStep(due.id, due.step, CAPTAIN, due.step === 'callback' ? '已电话回访' : '已整改并回复群众');
        if (due.step === 'callback' && random() < 0.9) followUpSteps.push({ id: due.id, step: 'fix', dueDay: dayIndex + 2 + Math.floor(random() * 8) });
      }

      // Arrivals: a Poisson process thinned to the hour's rate.
      const arrivals: number[] = [];
      for (let at = issuingFrom + exponential(random, 1 / peakPerMs); at < issuingUntil; at += exponential(random, 1 / peakPerMs)) {
        const hour = Math.floor((at - issuingFrom) / (60 * MINUTE));
        if (random() < HOURLY_PROFILE[hour]! / peak) arrivals.push(at);
      }

      const busy: Busy[] = [];
      const free = new Set(staffAt.keys());
      const at = (windowNo: number) => ({ windowNo, staffNo: staffAt.get(windowNo)! });
      const callAt = (windowNo: number) => {
        let ticket;
        try {
          ticket = hall.callNext(at(windowNo));
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'QUEUE_EMPTY')) throw error;
          free.add(windowNo);
          return;
        }
        free.delete(windowNo);
        const noShow = random() < OUTCOMES.noShow;
        busy.push({ windowNo, at: now + (noShow ? 2 * MINUTE : exponential(random, handling.get(ticket.category)!)), then: noShow ? 'no-show' : 'done' });
      };

      /** A newcomer in `category` goes to a free window serving it, if any. */
      const callFreeWindow = (category: CategoryCode) => {
        const window = [...free].find((no) => servedBy.get(no)!.includes(category));
        if (window !== undefined) callAt(window);
      };

      let next = 0;
      let lastSweep = now;
      for (;;) {
        busy.sort((a, b) => a.at - b.at);
        const ending = busy[0];
        const arrival = arrivals[next];
        if (ending === undefined && arrival === undefined) break;
        if (arrival !== undefined && (ending === undefined || arrival < ending.at)) {
          now = arrival;
          next++;
          const category = pick(categories, random());
          hall.issueTicket({ category, priority: random() < OUTCOMES.greenChannel });
          figures.tickets++;
          callFreeWindow(category);
        } else {
          busy.shift();
          now = ending!.at;
          const { windowNo } = ending!;
          if (ending!.then === 'no-show') hall.markNoShow(at(windowNo));
          else if (random() < OUTCOMES.transfer) {
            const others = categories.filter(([code]) => !servedBy.get(windowNo)!.includes(code));
            const toCategory = pick(others, random());
            hall.transfer(at(windowNo), { toCategory }, '需到其他窗口办理');
            callFreeWindow(toCategory);
          } else {
            const ticket = hall.finish(at(windowNo), random() < OUTCOMES.caseNo ? `34120020${date.replaceAll('-', '')}${String(figures.tickets).padStart(5, '0')}` : null);
            if (random() < OUTCOMES.rated) {
              now += 8_000;
              const level = pick(LEVEL_SHARES, random());
              const poor = level === 'dissatisfied' || level === 'very_dissatisfied';
              const reasons = poor ? [REASONS[Math.floor(random() * REASONS.length)]!] : undefined;
              hall.rate({ ticketId: ticket.id, level, ...(reasons ? { reasons } : {}) }, `pad-${String(windowNo).padStart(2, '0')}`);
              figures.ratings++;
              // The pad's reply is the visitor's view; the follow-up it opened is the office's.
              const rated = hall.evaluation(ticket.id).evaluation!;
              if (rated.followUpId !== null) {
                figures.followUps++;
                if (random() < 0.95) followUpSteps.push({ id: rated.followUpId, step: 'callback', dueDay: dayIndex + 1 });
              }
            }
          }
          callAt(windowNo);
        }
        // The server closes unanswered pads every second; every half minute is as good here.
        if (now - lastSweep >= 30_000) {
          hall.closeUnansweredEvaluations();
          lastSweep = now;
        }
      }
      now += MINUTE;
      hall.closeUnansweredEvaluations();
    })();
    figures.days++;
  });
  await hall.close();
  // Back to the journal the server keeps: it reopens the file as it would after a real year.
  db.pragma('journal_mode = WAL');
  db.close();
  return figures;
}
