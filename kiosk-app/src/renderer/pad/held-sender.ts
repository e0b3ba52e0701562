import type { EvaluationRequested } from '@hall/shared';
import type { HeldChange } from './pad-state';

// Sends what the pad holds on the server, one at a time and in order: a hold that arrived after a
// later one would put back what the visitor had already changed. Every hold is a database write
// and an event-log row, so touches are held at most once a second: the first at once (it may come
// just as the question's time runs out), the later ones the newest only. A 返回 (release), leaving
// the screen or 提交 send what waits at once. A hold the network lost is tried again, with a pause
// that grows, unless a newer one replaced it; the pad's deadline stays the server's meanwhile.

/** At most one hold a second while the visitor keeps touching. */
export const HOLD_EVERY_MS = 1_000;
/** The pauses before each further try of a hold the network lost. */
export const RETRY_AFTER_MS: readonly number[] = [1_000, 3_000];

export interface HeldSenderOptions {
  send: (change: HeldChange) => Promise<EvaluationRequested>;
  /** The server's answer: the time it now allows. */
  onHeld: (request: EvaluationRequested) => void;
  /** Whether a failure may go better on another try (the network, not a refusal). */
  retryable: (error: unknown) => boolean;
  now: () => number;
}

export class HeldSender {
  /** The newest change not yet sent. */
  private waiting: HeldChange | null = null;
  /** What waits is to go as soon as the one on its way is answered. */
  private urgent = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private onTheWay = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: HeldSenderOptions) {}

  /** A touch: held within a second; a release at once. */
  push(change: HeldChange): void {
    this.waiting = change;
    if (change.kind === 'release') this.flush();
    else this.schedule();
  }

  /** Sends what waits now: the visitor leaves the screen or submits. */
  flush(): void {
    if (this.waiting === null) return;
    this.urgent = true;
    this.clearTimer();
    this.pump();
  }

  /** The pad goes away: nothing more is sent. */
  stop(): void {
    this.clearTimer();
    this.waiting = null;
  }

  private schedule(): void {
    if (this.onTheWay || this.timer !== null) return;
    const wait = this.lastSentAt + HOLD_EVERY_MS - this.options.now();
    if (wait <= 0) {
      this.pump();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    const change = this.waiting;
    if (this.onTheWay || change === null) return;
    this.waiting = null;
    this.urgent = false;
    this.onTheWay = true;
    this.lastSentAt = this.options.now();
    void this.deliver(change).finally(() => {
      this.onTheWay = false;
      if (this.urgent) this.pump();
      else if (this.waiting !== null) this.schedule();
    });
  }

  private async deliver(change: HeldChange): Promise<void> {
    for (let tries = 0; ; tries++) {
      try {
        this.options.onHeld(await this.options.send(change));
        return;
      } catch (error) {
        // A newer change says all this one did and more; a refusal would only be refused again.
        const pause = RETRY_AFTER_MS[tries];
        if (pause === undefined || this.waiting !== null || !this.options.retryable(error)) return;
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (this.waiting !== null) return;
      }
    }
  }
}
