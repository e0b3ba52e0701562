import type { Logger } from 'pino';
import type { ClockNotice } from '../runtime/hall-clock';

// The hall's clock in the log, for the IT person (docs/OPERATIONS.md, "The hall's clock"): each
// step of the PC's clock once, and when the hall's time is on the PC's clock again.

const iso = (ms: number) => new Date(ms).toISOString();

export function logClockNotice(logger: Logger, notice: ClockNotice): void {
  switch (notice.code) {
    case 'CLOCK_STEPPED':
      logger.warn(
        { code: notice.code, stepMs: notice.stepMs, wallAt: iso(notice.wallAt), hallAt: iso(notice.hallAt) },
        `the PC's clock stepped ${notice.stepMs < 0 ? 'back' : 'forward'} (stepMs); the hall's time moves to it when nothing is waiting, in hand or being rated, and never goes back`,
      );
      return;
    case 'CLOCK_BEHIND_RECORDS':
      logger.warn(
        { code: notice.code, behindMs: notice.behindMs, wallAt: iso(notice.wallAt), hallAt: iso(notice.hallAt) },
        "the PC's clock is behind the last time on record (behindMs); the hall starts from its records",
      );
      return;
    case 'CLOCK_FOLLOWED':
      logger.info({ code: notice.code, movedMs: notice.movedMs, hallAt: iso(notice.hallAt) }, "the hall's time is on the PC's clock again");
      return;
    case 'CLOCK_BEHIND':
      logger.error(
        { code: notice.code, behindMs: notice.behindMs, wallAt: iso(notice.wallAt), hallAt: iso(notice.hallAt) },
        "the PC's clock is more than an hour behind the hall's time, too far to wait for; the hall runs on its own time: check the PC's clock",
      );
  }
}
