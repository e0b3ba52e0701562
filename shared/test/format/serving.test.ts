import { describe, expect, it } from 'vitest';
import { categoryName } from '../../src/format/category-name';
import { isBeforeOpening, isUnattended, nobodyWillCall, windowsServingTicket } from '../../src/format/serving';
import type { WindowView } from '../../src/schemas/views';

function window(no: number, categories: string[], state: WindowView['state']): WindowView {
  return { no, name: `${no}号窗口`, department: '', categories, routing: 'fifo', state, pauseReason: null, pauseUntil: null, servingNumber: null, staff: null, extendedService: false };
}

// The hall opens at 09:00 Beijing time (01:00 UTC).
const hall = { timezone: 'Asia/Shanghai', openingHours: { open: '09:00' } };
const at0830 = Date.parse('2026-11-25T00:30:00Z');
const at0900 = Date.parse('2026-11-25T01:00:00Z');
const at1000 = Date.parse('2026-11-25T02:00:00Z');

describe('isUnattended', () => {
  const windows = [window(16, ['G'], 'open'), window(15, ['G', 'B'], 'paused'), window(3, ['A'], 'closed')];

  it('after opening, a category only paused or closed windows serve is unattended', () => {
    expect(isUnattended('G', windows, at1000, hall)).toBe(false);
    expect(isUnattended('B', windows, at1000, hall)).toBe(true);
    expect(isUnattended('A', windows, at1000, hall)).toBe(true);
    expect(isUnattended('B', windows, at0900, hall)).toBe(true);
  });

  it('before opening, a category some window serves is not unattended: its windows are expected to open', () => {
    expect(isBeforeOpening(at0830, hall)).toBe(true);
    expect(isBeforeOpening(at0900, hall)).toBe(false);
    expect(isUnattended('B', windows, at0830, hall)).toBe(false);
    expect(isUnattended('A', windows, at0830, hall)).toBe(false);
  });

  it('a category no window serves at all is unattended always, before opening too', () => {
    expect(isUnattended('Z', windows, at0830, hall)).toBe(true);
    expect(isUnattended('Z', windows, at1000, hall)).toBe(true);
    expect(nobodyWillCall([], at0830, hall)).toBe(true);
    expect(nobodyWillCall([{ state: 'open' }], at1000, hall)).toBe(false);
  });
});

describe('windowsServingTicket', () => {
  const windows = [window(16, ['G'], 'open'), window(3, ['B'], 'open'), window(15, ['G'], 'paused')];

  it('is the category’s windows in order for a ticket not sent anywhere', () => {
    expect(windowsServingTicket({ category: 'G', targetWindowNo: null }, windows).map((w) => w.no)).toEqual([15, 16]);
  });

  it('is only the window a ticket was sent to by name', () => {
    expect(windowsServingTicket({ category: 'G', targetWindowNo: 3 }, windows).map((w) => w.no)).toEqual([3]);
    expect(windowsServingTicket({ category: 'G', targetWindowNo: 99 }, windows)).toEqual([]);
  });
});

describe('categoryName', () => {
  it('is the English name in English when the hall gave one, else the Chinese name', () => {
    expect(categoryName({ name: '住房公积金', nameEn: 'Housing fund' }, 'en')).toBe('Housing fund');
    expect(categoryName({ name: '住房公积金', nameEn: 'Housing fund' }, 'zh-CN')).toBe('住房公积金');
    expect(categoryName({ name: '住房公积金', nameEn: null }, 'en')).toBe('住房公积金');
  });
});
