// A page that meets a server not answering yet (starting, restarting, behind a proxy saying 503)
// tries again by itself, waiting longer each time, instead of showing a dead page.

/** Waits between tries, ms: 0.5 s, 1 s, 2 s, 4 s, then every 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000);
}

export interface RetryOptions {
  /** Told before each wait, with the attempt that failed (0 for the first) and the wait in ms. */
  onWait?(attempt: number, waitMs: number, error: unknown): void;
  /** Set `stopped` to stop the tries (the page is leaving): the promise then never settles. */
  signal?: { stopped: boolean };
}

/** Runs `task` until it succeeds, backing off between failures. */
export function retryUntilDone<T>(task: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return new Promise<T>((resolve) => {
    const attempt = (n: number) => {
      if (options.signal?.stopped) return;
      task().then(
        (value) => {
          if (!options.signal?.stopped) resolve(value);
        },
        (error: unknown) => {
          if (options.signal?.stopped) return;
          const wait = backoffMs(n);
          options.onWait?.(n, wait, error);
          setTimeout(() => attempt(n + 1), wait);
        },
      );
    };
    attempt(0);
  });
}
