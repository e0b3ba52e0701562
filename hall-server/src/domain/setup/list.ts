/** `list` with `item` in place of the one `same` finds, or added at the end. */
export function withItem<T>(list: readonly T[], item: T, same: (existing: T) => boolean): T[] {
  const index = list.findIndex(same);
  return index === -1 ? [...list, item] : list.map((existing, i) => (i === index ? item : existing));
}
