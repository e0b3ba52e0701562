import { DomainError } from '../domain';

// 预约签到 by code is the one thing an anonymous machine can try over and over to get something
// (a priority ticket, and with it the booked visitor's place). Besides the per-address limit on
// every anonymous route, the whole hall takes at most FAILED_CHECK_INS_PER_MINUTE wrong codes a
// minute, from all kiosks and addresses together: a walk spread over many addresses is as slow.
//
// The figure: a code is 10 digits (10^10 codes) and is taken only on its own day. A busy county
// hall has at most some 1,000 visits booked for one day, so a random code is a valid one for
// today about once in 10^10 / 1,000 = 10^7 tries. At 10 wrong codes a minute, around the clock,
// that is 14,400 tries a day: 10^7 / 14,400 ≈ 694 days, about two years for one stolen booking,
// while visitors who mistype (a few a minute at the busiest) are rarely held up. While the cap
// holds, check-in answers CHECK_IN_BUSY for the rest of the minute and guides take the visitor's
// priority ticket by hand. One machine cannot bring that about alone: each kiosk or address may
// try at most 4 codes a minute (RATES.checkIn in http/limits.ts), so it takes three at once.

export const FAILED_CHECK_INS_PER_MINUTE = 10;
const MINUTE_MS = 60_000;

export class CheckInCap {
  /** When the wrong codes of the last minute came, oldest first (never more than the cap). */
  private failures: number[] = [];

  constructor(private readonly limit: number = FAILED_CHECK_INS_PER_MINUTE) {}

  /** Refuses every check-in, right or wrong, while the hall has had its wrong codes for the minute. */
  check(now: number): void {
    this.failures = this.failures.filter((at) => now - at < MINUTE_MS);
    if (this.failures.length >= this.limit) throw new DomainError('CHECK_IN_BUSY');
  }

  failed(now: number): void {
    this.failures.push(now);
  }
}
