import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain';
import { CheckInCap, FAILED_CHECK_INS_PER_MINUTE } from '../../src/services/check-in-cap';

// The hall-wide cap on wrong appointment codes: a sliding minute, every check-in refused while full.

const refusal = (check: () => void) => {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
};

describe('the hall’s cap on wrong appointment codes', () => {
  it('takes the cap’s wrong codes in a minute, then refuses until the first of them is a minute old', () => {
    const cap = new CheckInCap();
    const t0 = 1_000_000;
    for (let i = 0; i < FAILED_CHECK_INS_PER_MINUTE; i++) {
      expect(refusal(() => cap.check(t0 + i * 1_000))).toBeNull();
      cap.failed(t0 + i * 1_000);
    }
    expect(refusal(() => cap.check(t0 + 59_999))).toBe('CHECK_IN_BUSY');
    // The first wrong code has left the minute: one more try, and full again with it.
    expect(refusal(() => cap.check(t0 + 60_000))).toBeNull();
    cap.failed(t0 + 60_000);
    expect(refusal(() => cap.check(t0 + 60_500))).toBe('CHECK_IN_BUSY');
  });

  it('makes walking 10-digit codes take years at the cap, with a thousand visits booked for the day', () => {
    const triesPerHit = 10 ** 10 / 1_000;
    const triesPerDay = FAILED_CHECK_INS_PER_MINUTE * 60 * 24;
    expect(triesPerHit / triesPerDay / 365).toBeGreaterThan(1.5);
  });
});
