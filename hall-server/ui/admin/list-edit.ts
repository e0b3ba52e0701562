// Small pure edits of the lists the admin forms keep in order (a category's items, a window's
// categories, a year's holidays).

/** The list with the element at `index` moved `by` places (-1 up, +1 down); unchanged past either end. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A date list as a hall keeps it: each day once, in order. */
export function addDate(dates: readonly string[], date: string): string[] {
  return [...new Set([...dates, date])].sort();
}
