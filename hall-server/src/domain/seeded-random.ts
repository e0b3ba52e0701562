// Seeded randomness for the pure core: the same seed gives the same numbers, so a function that
// draws from it still gives the same answer for the same arguments. (The bench and the tests
// draw from the same generator.)

/** Numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a 32-bit state, small and fast, plenty for drawing service times. */
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

/**
 * A 32-bit seed from a string and an instant (FNV-1a over the string's code units, then the
 * instant's low and high 32 bits), so that every (ticket, moment) gets its own stream.
 */
export function seedOf(text: string, instant: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (instant >>> 0), 0x01000193);
  hash = Math.imul(hash ^ (Math.floor(instant / 4294967296) >>> 0), 0x01000193);
  return hash >>> 0;
}
