import type { SatisfactionLevel } from '@hall/shared';

// A plain drawn face on each level button, for visitors who read little: the mouth bends from a
// broad smile to a deep frown. Drawn inline, so the pad needs no image files.

const MOUTH_BEND: Record<SatisfactionLevel, number> = {
  very_satisfied: 20,
  satisfied: 11,
  basically_satisfied: 3,
  dissatisfied: -9,
  very_dissatisfied: -18,
};

export function LevelFace({ level }: { level: SatisfactionLevel }) {
  const bend = MOUTH_BEND[level];
  // A frown sits a little lower, so both fit the same circle.
  const y = bend >= 0 ? 62 : 72;
  return (
    <svg className="pad-face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="6" fill="currentColor" />
      <circle cx="65" cy="40" r="6" fill="currentColor" />
      <path d={`M28 ${y} Q50 ${y + bend} 72 ${y}`} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
