import { addWorkingDays } from '../../src/domain';
import type { SatisfactionLevel } from '@hall/shared';

// The center's load as its year report describes it (about 85,000 tickets a year across 23
// windows, 2.87万 ratings, 97% satisfied), shaped into a working day: Poisson arrivals whose
// rate peaks mid-morning and dips at lunch.

export const TICKETS_PER_YEAR = 85_000;
export const WORKING_DAYS_PER_YEAR = 250;

/** Share of the day's tickets per category (the demo hall's A–L). */
export const CATEGORY_SHARES: Readonly<Record<string, number>> = {
  A: 0.14,
  B: 0.12,
  C: 0.12,
  D: 0.1,
  E: 0.08,
  F: 0.12,
  G: 0.08,
  H: 0.05,
  J: 0.05,
  K: 0.05,
  L: 0.09,
};

/** Relative arrival rate by hour of the issuing day, from 09:00: the mid-morning peak, the lunch dip. */
export const HOURLY_PROFILE = [1.3, 1.8, 1.3, 0.5, 0.7, 1.1, 0.9, 0.4] as const;
export const ISSUING_FROM_MINUTE = 9 * 60;

/** What becomes of a ticket once called, and of a visit once finished. */
export const OUTCOMES = {
  greenChannel: 0.05,
  noShow: 0.03,
  transfer: 0.02,
  caseNo: 0.6,
  /** 2.87万 ratings of 8.5万 visits. */
  rated: 0.34,
} as const;

/** Levels of the ratings given: 97% satisfied, as the center reported. */
export const LEVEL_SHARES: readonly [SatisfactionLevel, number][] = [
  ['very_satisfied', 0.8],
  ['satisfied', 0.13],
  ['basically_satisfied', 0.04],
  ['dissatisfied', 0.02],
  ['very_dissatisfied', 0.01],
];

/** The hall's working days: `count` of them, Monday to Friday, from the first after `before`. */
export function workingDays(before: string, count: number): string[] {
  const days: string[] = [];
  let day = before;
  const calendar = { holidays: [], workdays: [] };
  for (let i = 0; i < count; i++) days.push((day = addWorkingDays(day, 1, calendar)));
  return days;
}

/** Picks from weighted choices with a uniform sample in [0, 1). */
export function pick<T>(choices: readonly (readonly [T, number])[], sample: number): T {
  let left = sample * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [choice, weight] of choices) {
    if ((left -= weight) < 0) return choice;
  }
  return choices[choices.length - 1]![0];
}
