import { describe, expect, it } from 'vitest';
import { formatElapsed, formatMinutes } from '@hall/shared';

describe('formatElapsed (time since a call)', () => {
  it('reads minutes and seconds in words: 已叫号 2分57秒', () => {
    expect(formatElapsed(177_000, 'zh-CN')).toBe('2分57秒');
    expect(formatElapsed(177_999, 'zh-CN')).toBe('2分57秒');
    expect(formatElapsed(65_000, 'zh-CN')).toBe('1分5秒');
    expect(formatElapsed(177_000, 'en')).toBe('2 min 57 s');
  });

  it('gives seconds alone under a minute, never a negative time', () => {
    expect(formatElapsed(0, 'zh-CN')).toBe('0秒');
    expect(formatElapsed(59_999, 'zh-CN')).toBe('59秒');
    expect(formatElapsed(-3_000, 'zh-CN')).toBe('0秒');
    expect(formatElapsed(12_000, 'en')).toBe('12 s');
  });

  it('gives hours and minutes past the hour', () => {
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 30_000, 'zh-CN')).toBe('1小时2分');
    expect(formatElapsed(2 * 3_600_000, 'en')).toBe('2 h 0 min');
  });
});

describe('formatMinutes (a duration such as a mean handling time)', () => {
  it('says "<1 分钟" under a minute, never 0 or a fraction', () => {
    expect(formatMinutes(0, 'zh-CN')).toBe('<1 分钟');
    expect(formatMinutes(0.3, 'zh-CN')).toBe('<1 分钟');
    expect(formatMinutes(0.99, 'en')).toBe('<1 min');
  });

  it('rounds to whole minutes from a minute on', () => {
    expect(formatMinutes(1, 'zh-CN')).toBe('1 分钟');
    expect(formatMinutes(4.4, 'zh-CN')).toBe('4 分钟');
    expect(formatMinutes(4.5, 'en')).toBe('5 min');
  });
});
