import { describe, expect, it } from 'vitest';
import { formatTicketNumber, normaliseTicketNumber, parseTicketNumber } from '@hall/shared';

describe('formatTicketNumber', () => {
  it('is the prefix and the sequence padded to three digits', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 7)).toBe('A007');
    expect(formatTicketNumber('B', 42)).toBe('B042');
    expect(formatTicketNumber('C', 100)).toBe('C100');
    expect(formatTicketNumber('A', 999)).toBe('A999');
  });

  it('goes to four digits and more past 999', () => {
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
    expect(formatTicketNumber('Z', 12345)).toBe('Z12345');
  });
});

describe('parseTicketNumber', () => {
  it('reads a canonical number', () => {
    expect(parseTicketNumber('A001')).toEqual({ prefix: 'A', seq: 1 });
    expect(parseTicketNumber('B042')).toEqual({ prefix: 'B', seq: 42 });
    expect(parseTicketNumber('Z999')).toEqual({ prefix: 'Z', seq: 999 });
    expect(parseTicketNumber('A1000')).toEqual({ prefix: 'A', seq: 1000 });
  });

  it('accepts lower case and surrounding spaces, as typed at a window', () => {
    expect(parseTicketNumber('a001')).toEqual({ prefix: 'A', seq: 1 });
    expect(parseTicketNumber(' b042 ')).toEqual({ prefix: 'B', seq: 42 });
  });

  it('refuses fewer than three digits, whatever the case', () => {
    expect(parseTicketNumber('a7')).toBeNull();
    expect(parseTicketNumber('A7')).toBeNull();
    expect(parseTicketNumber('A01')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of ['', '   ', '001', 'A', 'AB001', 'A-001', 'A 001', 'A001x', '1A001', 'A0.1', 'Ａ００１', '甲001']) {
      expect(parseTicketNumber(bad), bad).toBeNull();
    }
  });

  it('round-trips every number the hall formats', () => {
    for (const prefix of ['A', 'M', 'Z']) {
      for (let seq = 1; seq <= 1200; seq += 7) {
        expect(parseTicketNumber(formatTicketNumber(prefix, seq))).toEqual({ prefix, seq });
      }
    }
    expect(parseTicketNumber(formatTicketNumber('A', 1000))).toEqual({ prefix: 'A', seq: 1000 });
  });

  it('reads extra leading zeros as the same sequence', () => {
    const parsed = parseTicketNumber('A0001')!;
    expect(parsed).toEqual({ prefix: 'A', seq: 1 });
    expect(formatTicketNumber(parsed.prefix, parsed.seq)).toBe('A001');
  });
});

describe('normaliseTicketNumber', () => {
  it('reads a short number as staff type it: A9 is A009', () => {
    expect(normaliseTicketNumber('A9')).toBe('A009');
    expect(normaliseTicketNumber('a9')).toBe('A009');
    expect(normaliseTicketNumber('A09')).toBe('A009');
    expect(normaliseTicketNumber('B42')).toBe('B042');
    expect(normaliseTicketNumber('A009')).toBe('A009');
    expect(normaliseTicketNumber('A0009')).toBe('A009');
    expect(normaliseTicketNumber('A1000')).toBe('A1000');
  });

  it('forgives spaces and the full-width forms of a Chinese input method', () => {
    expect(normaliseTicketNumber(' a 12 ')).toBe('A012');
    expect(normaliseTicketNumber('Ａ９')).toBe('A009');
    expect(normaliseTicketNumber('ｃ１２３')).toBe('C123');
  });

  it('is null for what is no ticket number', () => {
    for (const bad of ['', '  ', 'A', '9', 'A0', 'A000', 'AB9', 'A-9', 'A9x', '9A', '甲9', 'A1.5']) {
      expect(normaliseTicketNumber(bad), bad).toBeNull();
    }
  });

  it('gives every number the hall formats back unchanged', () => {
    for (let seq = 1; seq <= 1200; seq += 7) expect(normaliseTicketNumber(formatTicketNumber('K', seq))).toBe(formatTicketNumber('K', seq));
  });
});
