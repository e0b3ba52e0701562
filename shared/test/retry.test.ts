import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, retryUntilDone } from '../src/client/retry';

describe('retryUntilDone', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits 0.5 s, 1 s, 2 s, 4 s, then 8 s between tries', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('tries again after each failure, backing off, until the task succeeds', async () => {
    let calls = 0;
    const waits: number[] = [];
    const done = retryUntilDone(
      async () => {
        calls++;
        if (calls < 4) throw new Error('503');
        return 'up';
      },
      { onWait: (_n, wait) => waits.push(wait) },
    );
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000);
    await expect(done).resolves.toBe('up');
    expect(calls).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('stops trying once told to stop', async () => {
    let calls = 0;
    const signal = { stopped: false };
    void retryUntilDone(async () => {
      calls++;
      throw new Error('down');
    }, { signal });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
    signal.stopped = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
  });
});
