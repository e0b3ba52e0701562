import { describe, expect, it } from 'vitest';
import { reopensAt } from '../src/renderer/window/reopens';

describe('the window screen’s reopening time', () => {
  const pauseUntil = '2026-11-25T06:30:00.000Z';
  const until = Date.parse(pauseUntil);

  it('is shown while it is still to come', () => {
    expect(reopensAt({ pauseUntil }, until - 60_000)).toBe(until);
  });

  it('is taken down once it has passed, and is absent when none was given', () => {
    expect(reopensAt({ pauseUntil }, until)).toBeNull();
    expect(reopensAt({ pauseUntil }, until + 60_000)).toBeNull();
    expect(reopensAt({ pauseUntil: null }, until)).toBeNull();
  });
});
