import type { HallSetup } from '../types';
import { canonical } from './changes';

// A number that changes whenever the set-up does, for clients to know when to fetch the
// categories again. Taken from the set-up's content, so it is the same after a restart and
// differs after any change (FNV-1a, 32 bits).

const versions = new WeakMap<HallSetup, number>();

export function setupVersion(setup: HallSetup): number {
  const known = versions.get(setup);
  if (known !== undefined) return known;
  const text = canonical(setup);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  versions.set(setup, hash);
  return hash;
}
