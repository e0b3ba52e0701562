import type { SetupChange, SetupPart } from '@hall/shared';
import type { HallSetup } from '../types';

// The differences between two set-ups, thing by thing: what a set-up command writes to the log
// and what a dry run shows. Order is a change of its own (key ORDER_KEY) for the two lists whose
// order the hall shows: the kiosk's category tiles and the kiosks.

/** The key of a list's order change; no category code, window, staff number or device id is it. */
export const ORDER_KEY = '#order';

/** A value as JSON with its keys sorted (and undefined dropped), to compare two of them. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function listChanges<T>(part: SetupPart, before: readonly T[], after: readonly T[], keyOf: (item: T) => string, ordered: boolean): SetupChange[] {
  const was = new Map(before.map((item) => [keyOf(item), item]));
  const now = new Map(after.map((item) => [keyOf(item), item]));
  const changes: SetupChange[] = [];
  for (const [key, item] of now) {
    const old = was.get(key);
    if (old === undefined) changes.push({ part, key, change: 'added', after: item });
    else if (!sameValue(old, item)) changes.push({ part, key, change: 'changed', before: old, after: item });
  }
  for (const [key, item] of was) if (!now.has(key)) changes.push({ part, key, change: 'removed', before: item });
  if (ordered) {
    // Only the order of what both lists hold: an addition or a removal alone moves nothing.
    const kept = [...was.keys()].filter((key) => now.has(key));
    const keptNow = [...now.keys()].filter((key) => was.has(key));
    if (!sameValue(kept, keptNow)) changes.push({ part, key: ORDER_KEY, change: 'changed', before: kept, after: keptNow });
  }
  return changes;
}

/** Every difference from `before` to `after`; none if they are the same set-up. */
export function setupChanges(before: HallSetup, after: HallSetup): SetupChange[] {
  return [
    ...(sameValue(before.settings, after.settings) ? [] : [{ part: 'settings' as const, key: 'settings', change: 'changed' as const, before: before.settings, after: after.settings }]),
    ...listChanges('category', before.categories, after.categories, (c) => c.code, true),
    ...listChanges('window', before.windows, after.windows, (w) => String(w.no), false),
    ...listChanges('staff', before.staff, after.staff, (s) => s.staffNo, false),
    ...listChanges('pad', before.pads ?? [], after.pads ?? [], (p) => p.deviceId, false),
    ...listChanges('kiosk', before.kiosks ?? [], after.kiosks ?? [], (k) => k.deviceId, true),
  ];
}
