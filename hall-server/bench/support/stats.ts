/** The nearest-rank percentile (0-100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function timedMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** The median of `times` runs, so one descheduled run does not decide the figure. */
export function medianMs(times: number, run: () => unknown): number {
  return percentile(
    Array.from({ length: times }, () => timedMs(run)),
    50,
  );
}

/** The calendar months of `first`..`last` (YYYY-MM-DD), as YYYY-MM. */
export function monthsOf(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); ) {
    months.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}
