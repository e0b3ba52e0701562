// Seeded randomness, so a rerun simulates the very same days and a property test replays exactly.

export type Random = () => number;

/** mulberry32: small and fast, plenty for simulated arrivals. Returns values in [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponentially distributed sample: the gap between Poisson arrivals, or a handling time. */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}
