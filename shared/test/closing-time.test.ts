import { describe, expect, it } from 'vitest';
import { isAfterClosing } from '@hall/shared';

// The rule the server keeps (hall-server/test/domain/extended-service.test.ts tests it through
// the domain) read from a hall snapshot, as the console reads it.
const hall = { timezone: 'Asia/Shanghai', openingHours: { open: '09:00', close: '17:00' }, serviceDate: '2026-03-02' };
const sh = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

describe('isAfterClosing (the console and the server alike)', () => {
  it('is false before closing time and true from it, on the hall’s clock', () => {
    expect(isAfterClosing(sh('2026-03-02 16:59'), hall)).toBe(false);
    expect(isAfterClosing(sh('2026-03-02 17:00'), hall)).toBe(true);
    expect(isAfterClosing(sh('2026-03-02 17:00'), { ...hall, timezone: 'Europe/Berlin' })).toBe(false);
  });

  it('is true all night once the calendar is past the service day, and not before a first day', () => {
    expect(isAfterClosing(sh('2026-03-03 08:00'), hall)).toBe(true);
    expect(isAfterClosing(sh('2026-03-03 08:00'), { ...hall, serviceDate: null })).toBe(false);
  });
});
