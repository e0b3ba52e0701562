import type { CategoryCode, PrintFault, SatisfactionLevel } from '@hall/shared';
import { seededRandom, type Random } from '../../src/domain/seeded-random';

// The crash loop's plan, drawn from one seed before anything runs: for every cycle, what each
// kiosk taps, what each window's staff mean to do next, how each visitor rates, what a machine
// reports, and after how many acknowledged changes the power goes. The same seed gives the same
// plan; what a step comes to depends on the hall as it stands (a 办结 with nothing in hand is a
// call), so a run is reproduced as far as the server's timing allows.

/** The demo hall's windows in the loop, each with a person allowed there (A A B B D ABCD). */
export const LOOP_WINDOWS = [
  { no: 1, staffNo: '1001' },
  { no: 2, staffNo: '1002' },
  { no: 3, staffNo: '1003' },
  { no: 4, staffNo: '1004' },
  { no: 8, staffNo: '1008' },
  { no: 23, staffNo: '1022' },
] as const;
export const LOOP_KIOSKS = ['kiosk-01', 'kiosk-02'] as const;
/** What the kiosks issue and transfers move to: the categories the loop's windows serve. */
export const LOOP_CATEGORIES: readonly CategoryCode[] = ['A', 'B', 'C', 'D'];

export type WindowIntent = 'next' | 'recall' | 'no-show' | 'transfer' | 'finish' | 'pause' | 'sign-out';
/** One thing a window's staff mean to do; `draw` picks the details (target, item, reason). */
export interface WindowStep {
  intent: WindowIntent;
  draw: number;
}
/** One tap at a kiosk, with the request key the kiosk sends (and sends again after a lost answer). */
export interface Tap {
  category: CategoryCode;
  priority: boolean;
  key: string;
}
/** How the visitor rates at the pad after 办结; null: walks away without rating. */
export type VisitorRating = { level: SatisfactionLevel } | null;
/** A machine speaking up once the cycle has this many acknowledged changes. */
export interface DeviceStep {
  afterAcks: number;
  kiosk: (typeof LOOP_KIOSKS)[number];
  /** Its printer fails (or works again, if it had failed), or a visitor asks for a guide (handled, if one was asked). */
  what: 'printer' | 'help';
  fault: PrintFault;
}
export interface CyclePlan {
  /** The power goes on this many acknowledged changes in the cycle (while other requests are in flight). */
  killAfter: number;
  taps: Record<string, Tap[]>;
  windows: Record<number, WindowStep[]>;
  ratings: Record<number, VisitorRating[]>;
  device: DeviceStep | null;
}

function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  let left = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    left -= weight;
    if (left < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const INTENTS: readonly (readonly [WindowIntent, number])[] = [
  ['finish', 34],
  ['next', 20],
  ['recall', 12],
  ['transfer', 12],
  ['no-show', 6],
  ['pause', 11],
  ['sign-out', 3],
];
const TAP_CATEGORIES: readonly (readonly [CategoryCode, number])[] = [
  ['A', 4],
  ['B', 3],
  ['D', 2],
  ['C', 1],
];
const LEVELS: readonly (readonly [VisitorRating, number])[] = [
  [null, 15],
  [{ level: 'very_satisfied' }, 40],
  [{ level: 'satisfied' }, 22],
  [{ level: 'basically_satisfied' }, 10],
  [{ level: 'dissatisfied' }, 8],
  [{ level: 'very_dissatisfied' }, 5],
];

/** Steps per window and taps per kiosk in a cycle: more than the kill leaves time for, within a kiosk's burst of 20. */
const STEPS = 12;
const TAPS = 7;

export function crashPlan(seed: number, cycles: number): CyclePlan[] {
  const random = seededRandom(seed);
  return Array.from({ length: cycles }, (_, cycle) => {
    const killAfter = 16 + Math.floor(random() * 30);
    const taps = Object.fromEntries(
      LOOP_KIOSKS.map((kiosk) => [
        kiosk,
        Array.from({ length: TAPS - Math.floor(random() * 3) }, (__, i) => ({
          category: pick(random, TAP_CATEGORIES),
          priority: random() < 0.1,
          key: `${kiosk}-${seed}-c${cycle}-t${i}`,
        })),
      ]),
    );
    const windows = Object.fromEntries(LOOP_WINDOWS.map(({ no }) => [no, Array.from({ length: STEPS }, () => ({ intent: pick(random, INTENTS), draw: random() }))]));
    const ratings = Object.fromEntries(LOOP_WINDOWS.map(({ no }) => [no, Array.from({ length: STEPS }, () => pick(random, LEVELS))]));
    const device: DeviceStep | null =
      random() < 0.6
        ? {
            afterAcks: Math.floor(random() * killAfter),
            kiosk: random() < 0.5 ? 'kiosk-01' : 'kiosk-02',
            what: random() < 0.5 ? 'printer' : 'help',
            fault: random() < 0.5 ? 'paper_out' : 'cover_open',
          }
        : null;
    return { killAfter, taps, windows, ratings, device };
  });
}
