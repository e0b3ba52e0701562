// Seeded randomness, so a rerun simulates the very same days and a property test replays
// exactly: the domain's own generator, with the draws the simulations need.

import type { Random } from '../../src/domain/seeded-random';

export { seededRandom, type Random } from '../../src/domain/seeded-random';

/** An exponentially distributed sample: the gap between Poisson arrivals, or a handling time. */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}
