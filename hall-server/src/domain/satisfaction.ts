import { isPoorRating, SatisfactionLevel, STARS, type SatisfactionFigures } from '@hall/shared';

// The satisfaction rate as the center reports it: (非常满意 + 满意 + 基本满意) over the tickets
// actually rated. 未评价 is reported beside it and never counted as satisfied.

export function satisfactionFigures(served: number, levelCounts: Partial<Record<SatisfactionLevel, number>>): SatisfactionFigures {
  const levels = Object.fromEntries(SatisfactionLevel.options.map((level) => [level, levelCounts[level] ?? 0])) as Record<SatisfactionLevel, number>;
  let rated = 0;
  let satisfied = 0;
  let stars = 0;
  for (const level of SatisfactionLevel.options) {
    const count = levels[level];
    rated += count;
    stars += count * STARS[level];
    if (!isPoorRating(level)) satisfied += count;
  }
  return {
    served,
    rated,
    // A ticket of a day before ratings were kept can be served with none asked: never below 0.
    unrated: Math.max(0, served - rated),
    levels,
    satisfactionRate: rated === 0 ? null : satisfied / rated,
    averageStars: rated === 0 ? null : stars / rated,
  };
}
