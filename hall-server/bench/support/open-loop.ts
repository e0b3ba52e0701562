import { monoMs } from './clock';

export interface LoadResult {
  /** Latency of each successful request, from the moment it was handed to the HTTP client. */
  latenciesMs: number[];
  failed: number;
  /** Offering stopped early: the backlog showed the server could not keep up. */
  overloaded: boolean;
  /** From the first request due to the last one answered. */
  elapsedMs: number;
}

/**
 * Open-loop load, as kiosks make it: requests go out on a fixed schedule whether or not the
 * earlier ones were answered, so a slow server cannot slow down the rate it is offered (no
 * coordinated omission). Latency counts from the send, not from the scheduled instant: the
 * timer waking the generator up a millisecond late on this VM is no part of the server's
 * answer time. Once more requests are outstanding than `maxBacklogMs` worth of the rate, the
 * server has fallen behind for good: stop, rather than queue up a minute of work.
 */
export function offerLoad(options: {
  ratePerSecond: number;
  durationMs: number;
  maxBacklogMs: number;
  /** Sends one request; resolves true when it was answered as expected. */
  send(): Promise<boolean>;
}): Promise<LoadResult> {
  const { ratePerSecond, durationMs, maxBacklogMs, send } = options;
  const interval = 1000 / ratePerSecond;
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const maxOutstanding = Math.max(1, (ratePerSecond * maxBacklogMs) / 1000);
  const start = monoMs() + 5;
  const latenciesMs: number[] = [];
  let failed = 0;
  let next = 0;
  let outstanding = 0;
  let overloaded = false;
  let lastAnswer = start;

  return new Promise((resolve) => {
    const resolveWhenDone = () => {
      if ((next < total && !overloaded) || outstanding > 0) return;
      resolve({ latenciesMs, failed, overloaded, elapsedMs: lastAnswer - start });
    };
    const fire = () => {
      outstanding++;
      const sent = monoMs();
      send()
        .then(
          (ok) => (ok ? latenciesMs.push(monoMs() - sent) : failed++),
          () => failed++,
        )
        .finally(() => {
          outstanding--;
          lastAnswer = monoMs();
          resolveWhenDone();
        });
    };
    const pump = () => {
      const now = monoMs();
      while (next < total && start + next * interval <= now) {
        if (outstanding >= maxOutstanding) {
          overloaded = true;
          break;
        }
        fire();
        next++;
      }
      if (next < total && !overloaded) setTimeout(pump, start + next * interval - monoMs());
      else resolveWhenDone();
    };
    setTimeout(pump, start - monoMs());
  });
}
