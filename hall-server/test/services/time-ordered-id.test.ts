import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../src/services/time-ordered-id';

describe('timeOrderedId', () => {
  it('is a UUID of version 7 with the time in front', () => {
    const at = Date.UTC(2026, 11, 7, 1, 30);
    const id = timeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts as the times it was made at, and is never the same twice within one millisecond', () => {
    const at = Date.UTC(2026, 11, 7, 1, 30);
    const times = [at, at + 1, at + 999, at + 60_000, at + 86_400_000];
    const ids = times.map((time) => timeOrderedId(time));
    expect([...ids].sort()).toEqual(ids);
    const sameInstant = new Set(Array.from({ length: 1_000 }, () => timeOrderedId(at)));
    expect(sameInstant.size).toBe(1_000);
  });
});
