// Token buckets by key (a device, an address): each key may spend `burst` at once and gets
// `perSecond` back over time. Kept in memory; full buckets are dropped, so a scan of many
// addresses costs only the buckets still refilling, and at most MAX_KEYS of those.

export interface BucketRule {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 20_000;

export class RateBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key`: 0 when granted, else the whole seconds until one is back. */
  take(key: string): number {
    const now = this.now();
    const known = this.buckets.get(key);
    const tokens = known ? Math.min(this.rule.burst, known.tokens + ((now - known.at) / 1000) * this.rule.perSecond) : this.rule.burst;
    if (tokens < 1) {
      known!.tokens = tokens;
      known!.at = now;
      return Math.max(1, Math.ceil((1 - tokens) / this.rule.perSecond));
    }
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_KEYS) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    const fullAfterMs = (this.rule.burst / this.rule.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= fullAfterMs) this.buckets.delete(key);
    // Least recently used first.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_KEYS) break;
      this.buckets.delete(key);
    }
  }
}
