import { describe, expect, it } from 'vitest';
import { previousMonth } from '@hall/shared';
import { defaultMonth } from '../../ui/office/monthly/month';
import { attachmentName } from '../../ui/office/monthly/monthly-api';

describe('the month the 月度通报 page opens on', () => {
  it('is last month in the first ten days (the report is being published), this month after', () => {
    expect(defaultMonth('2027-01-05')).toBe('2026-12');
    expect(defaultMonth('2026-12-10')).toBe('2026-11');
    expect(defaultMonth('2026-12-11')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });
});

describe('a saved file’s name', () => {
  it('is read from RFC 5987’s filename* before the plain one', () => {
    const header = `attachment; filename="monthly-window-report-2026-12.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年12月窗口月度通报.xlsx')}`;
    expect(attachmentName(header, 'x')).toBe('2026年12月窗口月度通报.xlsx');
    expect(attachmentName('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(attachmentName(null, '2026-12.csv')).toBe('2026-12.csv');
  });
});
