import type { FastifyBaseLogger } from 'fastify';
import { DomainError } from '../domain';

// Wrong PINs, counted per staff number and per client address: past a few, further attempts
// are refused (PIN_LOCKED) for a while, each lock twice as long as the last up to a ceiling, so
// guessing a 6-digit PIN takes years, not minutes. Kept in memory: a restart forgets them, which
// costs a guesser the restart's wait and the hall nothing. An unknown staff number is counted
// and locked exactly like a known one, so the refusals do not tell which numbers exist.
// A staff number's lock does not hold at the address where that person last signed in with the
// right PIN (their window's or office PC): a stranger elsewhere on the LAN cannot lock a person
// out of their own desk. That address is still held to its own count.

export interface PinLockRules {
  /** Wrong PINs for one staff number before it is locked. */
  staffFailures: number;
  /** Wrong PINs from one address (any staff numbers) before it is locked: an office PC several people use. */
  addressFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** A count is forgotten this long after its last wrong PIN. */
  forgetMs: number;
}

export const PIN_LOCK_RULES: PinLockRules = {
  staffFailures: 5,
  addressFailures: 20,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  forgetMs: 30 * 60_000,
};

interface Count {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** Counts kept at most; past it the forgotten ones go, then the oldest. */
const MAX_COUNTS = 10_000;

class FailureCounts {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly threshold: number,
    private readonly rules: PinLockRules,
  ) {}

  lockedUntil(key: string, now: number): number {
    const count = this.counts.get(key);
    return count && count.lockedUntil > now ? count.lockedUntil : 0;
  }

  /** Counts a wrong PIN; answers how long the key is locked for now (0: not locked). */
  failed(key: string, now: number): number {
    const known = this.counts.get(key);
    const count = known && now - known.lastFailureAt < this.rules.forgetMs ? known : { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    count.failures++;
    count.lastFailureAt = now;
    const over = count.failures - this.threshold;
    const lockMs = over < 0 ? 0 : Math.min(this.rules.maxLockMs, this.rules.firstLockMs * 2 ** Math.min(over, 30));
    count.lockedUntil = now + lockMs;
    this.counts.delete(key);
    this.counts.set(key, count);
    if (this.counts.size > MAX_COUNTS) this.forget(now);
    return lockMs;
  }

  clear(key: string): void {
    this.counts.delete(key);
  }

  private forget(now: number): void {
    for (const [key, count] of this.counts) {
      if (count.lockedUntil <= now && now - count.lastFailureAt >= this.rules.forgetMs) this.counts.delete(key);
    }
    // Insertion order is the order of the last wrong PIN: the oldest go first.
    for (const key of this.counts.keys()) {
      if (this.counts.size <= MAX_COUNTS) break;
      this.counts.delete(key);
    }
  }
}

export class PinGuard {
  private readonly byStaff: FailureCounts;
  private readonly byAddress: FailureCounts;
  /** By staff number, the address of their last right PIN (in memory, like the counts; bounded like them). */
  private readonly ownDesk = new Map<string, string>();

  /** `rules` null: no lock (the PIN-flood benchmark, which measures the hashing itself). */
  constructor(
    private readonly rules: PinLockRules | null,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
  ) {
    const r = rules ?? PIN_LOCK_RULES;
    this.byStaff = new FailureCounts(r.staffFailures, r);
    this.byAddress = new FailureCounts(r.addressFailures, r);
  }

  /** Refuses (PIN_LOCKED, with the seconds to wait) while the staff number or the address is locked; checked before any hashing. */
  check(staffNo: string, address: string): void {
    if (this.rules === null) return;
    const now = this.now();
    const staffLock = this.ownDesk.get(staffNo) === address ? 0 : this.byStaff.lockedUntil(staffNo, now);
    const until = Math.max(staffLock, this.byAddress.lockedUntil(address, now));
    if (until > now) throw new DomainError('PIN_LOCKED', { retryAfterSeconds: Math.ceil((until - now) / 1000) });
  }

  /** A wrong PIN (never logged itself): logged with the staff number and the address, and counted against both. */
  failed(staffNo: string, address: string, route: string): void {
    const now = this.now();
    const staffLockMs = this.rules === null ? 0 : this.byStaff.failed(staffNo, now);
    const addressLockMs = this.rules === null ? 0 : this.byAddress.failed(address, now);
    const lockedSeconds = Math.ceil(Math.max(staffLockMs, addressLockMs) / 1000);
    this.log.warn({ staffNo, address, route, ...(lockedSeconds > 0 ? { lockedSeconds } : {}) }, 'wrong PIN');
  }

  /** The right PIN: the staff number's count starts again, and the address is their own desk; the address's count stands (a guesser's own PIN must not reset it). */
  succeeded(staffNo: string, address: string): void {
    this.byStaff.clear(staffNo);
    this.ownDesk.delete(staffNo);
    this.ownDesk.set(staffNo, address);
    if (this.ownDesk.size > MAX_COUNTS) this.ownDesk.delete(this.ownDesk.keys().next().value!);
  }
}
