import { describe, expect, it } from 'vitest';
import { HallSettings, clockToMinutes, isValidTimeZone, localDate, localMinuteOfDay, localParts, localTime } from '@hall/shared';

const SH = 'Asia/Shanghai';
const utc = (iso: string) => Date.parse(iso);

describe('the hall’s local calendar in Asia/Shanghai (UTC+8)', () => {
  it('turns the date at local midnight, which is 16:00 UTC', () => {
    const before = utc('2026-03-02T15:59:59Z');
    const midnight = utc('2026-03-02T16:00:00Z');
    expect(localDate(before, SH)).toBe('2026-03-02');
    expect(localTime(before, SH)).toBe('23:59');
    expect(localMinuteOfDay(before, SH)).toBe(23 * 60 + 59);
    expect(localDate(midnight, SH)).toBe('2026-03-03');
    expect(localTime(midnight, SH)).toBe('00:00');
    expect(localMinuteOfDay(midnight, SH)).toBe(0);
  });

  it('does not turn the date at 00:00 UTC, which is 08:00 local', () => {
    const before = utc('2026-03-02T23:59:00Z');
    const at = utc('2026-03-03T00:00:00Z');
    expect(localDate(before, SH)).toBe('2026-03-03');
    expect(localTime(before, SH)).toBe('07:59');
    expect(localMinuteOfDay(before, SH)).toBe(479);
    expect(localDate(at, SH)).toBe('2026-03-03');
    expect(localTime(at, SH)).toBe('08:00');
    expect(localMinuteOfDay(at, SH)).toBe(480);
  });

  it('gives opening hours in local clock time', () => {
    expect(localTime(Date.parse('2026-03-02T09:00:00+08:00'), SH)).toBe('09:00');
    expect(localMinuteOfDay(Date.parse('2026-03-02T17:00:00+08:00'), SH)).toBe(17 * 60);
    expect(localMinuteOfDay(Date.parse('2026-03-02T12:34:56+08:00'), SH)).toBe(12 * 60 + 34);
  });

  it('gives every part, seconds included', () => {
    expect(localParts(utc('2026-03-02T16:05:07Z'), SH)).toEqual({ year: 2026, month: 3, day: 3, hour: 0, minute: 5, second: 7 });
  });

  it('agrees with the platform over runs of instants in one minute, across zones and old local mean time', () => {
    const platform = (ms: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
      const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
      return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
    };
    // Shanghai kept local mean time (UTC+8:05:43) until 1901: its minutes do not start on UTC's.
    const starts = [utc('2026-03-02T16:05:00Z'), utc('1899-06-01T03:00:00Z'), utc('1969-12-31T23:59:00Z'), utc('2026-03-29T00:59:00Z')];
    for (const start of starts) {
      for (const offset of [0, 999, 1_000, 30_500, 59_999, 60_000, 61_000]) {
        for (const zone of [SH, 'Europe/London', SH]) expect(localParts(start + offset, zone)).toEqual(platform(start + offset, zone));
      }
    }
  });

  it('crosses month, year and leap days', () => {
    expect(localDate(utc('2026-02-28T16:00:00Z'), SH)).toBe('2026-03-01');
    expect(localDate(utc('2028-02-28T16:00:00Z'), SH)).toBe('2028-02-29');
    expect(localDate(utc('2025-12-31T15:59:00Z'), SH)).toBe('2025-12-31');
    expect(localDate(utc('2025-12-31T16:00:00Z'), SH)).toBe('2026-01-01');
  });

  it('pads months, days, hours and minutes to two digits', () => {
    const t = utc('2026-01-04T17:03:00Z'); // 01:03 on 5 January in Shanghai
    expect(localDate(t, SH)).toBe('2026-01-05');
    expect(localTime(t, SH)).toBe('01:03');
  });
});

describe('other time zones', () => {
  it('UTC is the identity', () => {
    const t = utc('2026-03-02T23:59:00Z');
    expect(localDate(t, 'UTC')).toBe('2026-03-02');
    expect(localTime(t, 'UTC')).toBe('23:59');
  });

  it('Europe/Berlin turns the date at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(localDate(utc('2026-03-02T22:59:00Z'), 'Europe/Berlin')).toBe('2026-03-02');
    expect(localDate(utc('2026-03-02T23:00:00Z'), 'Europe/Berlin')).toBe('2026-03-03');
    expect(localDate(utc('2026-07-01T21:59:00Z'), 'Europe/Berlin')).toBe('2026-07-01');
    expect(localDate(utc('2026-07-01T22:00:00Z'), 'Europe/Berlin')).toBe('2026-07-02');
  });

  it('follows daylight saving time (Berlin springs forward on 29 March 2026)', () => {
    expect(localTime(utc('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe('01:59');
    expect(localTime(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('03:00');
    expect(localMinuteOfDay(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(180);
  });

  it('the same instant has different local dates in different halls', () => {
    const t = utc('2026-03-02T20:00:00Z');
    expect(localDate(t, SH)).toBe('2026-03-03');
    expect(localDate(t, 'Europe/Berlin')).toBe('2026-03-02');
    expect(localDate(t, 'America/New_York')).toBe('2026-03-02');
    expect(localTime(t, 'America/New_York')).toBe('15:00');
  });
});

describe('clockToMinutes', () => {
  it('turns HH:MM into minutes since midnight', () => {
    expect(clockToMinutes('00:00')).toBe(0);
    expect(clockToMinutes('08:00')).toBe(480);
    expect(clockToMinutes('09:00')).toBe(540);
    expect(clockToMinutes('12:30')).toBe(750);
    expect(clockToMinutes('17:00')).toBe(1020);
    expect(clockToMinutes('23:59')).toBe(1439);
  });

  it('agrees with localMinuteOfDay', () => {
    const t = Date.parse('2026-03-02T17:00:00+08:00');
    expect(localMinuteOfDay(t, SH)).toBe(clockToMinutes('17:00'));
    expect(localMinuteOfDay(t - 60_000, SH)).toBeLessThan(clockToMinutes('17:00'));
  });
});

describe('time zone names', () => {
  it('isValidTimeZone accepts IANA names and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('hall settings default to Asia/Shanghai, 09:00-17:00, and refuse an unknown zone', () => {
    const settings = HallSettings.parse({ name: '测试大厅' });
    expect(settings.timezone).toBe('Asia/Shanghai');
    expect(settings.openingHours).toEqual({ open: '09:00', close: '17:00' });
    expect(HallSettings.safeParse({ name: '测试大厅', timezone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(HallSettings.safeParse({ name: '测试大厅', openingHours: { open: '17:00', close: '09:00' } }).success).toBe(false);
    expect(HallSettings.safeParse({ name: '测试大厅', openingHours: { open: '9:00', close: '17:00' } }).success).toBe(false);
  });
});
