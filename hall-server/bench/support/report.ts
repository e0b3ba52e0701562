// What every benchmark hands back: figures, each with what it is compared against and the
// target it must meet. The runner only reports: a missed target is a finding, not a crash.

/** A limit on the figure itself, or on its ratio to the baseline. */
export type Target =
  | { on: 'value' | 'ratio'; op: '<=' | '>='; limit: number }
  /** The ratio lies within 1 ± tolerance. */
  | { on: 'ratio'; op: 'within'; tolerance: number };

export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** What the figure is measured against in the same run, in the same unit. */
  baseline?: number;
  targets?: Target[];
  /** Detail a reader needs to trust or explain the figure. */
  note?: string;
}

export function ratioOf(row: Row): number | null {
  return row.baseline === undefined || row.baseline === 0 ? null : row.value / row.baseline;
}

function meets(row: Row, target: Target): boolean {
  const subject = target.on === 'value' ? row.value : ratioOf(row);
  if (subject === null) return false;
  switch (target.op) {
    case '<=':
      return subject <= target.limit;
    case '>=':
      return subject >= target.limit;
    case 'within':
      return Math.abs(subject - 1) <= target.tolerance;
  }
}

/** Whether the row meets all its targets; null for a figure that has none. */
export function passes(row: Row): boolean | null {
  if (!row.targets?.length) return null;
  return row.targets.every((target) => meets(row, target));
}
