import type { CategoryView, ServiceItem } from '@hall/shared';

// The 事项 a window last chose at 办结, per category, kept on this console (localStorage) and
// per window: the same visit type comes again and again at a window, so the last choice is
// offered first and staff change it only when the matter differs. A remembered code the set-up
// no longer lists is not offered (the server would refuse it: ITEM_NOT_OF_CATEGORY).

export type ItemChoices = Readonly<Record<string, string>>;

const keyOf = (windowNo: number) => `hall.console.items.${windowNo}`;

export function loadItemChoices(windowNo: number): ItemChoices {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(windowNo)) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    // A damaged entry only costs the remembered choices.
    return {};
  }
}

export function saveItemChoices(windowNo: number, choices: ItemChoices): void {
  localStorage.setItem(keyOf(windowNo), JSON.stringify(choices));
}

/** The category's item this window chose last, if the category still lists it. */
export function chosenItem(choices: ItemChoices, category: string | undefined, categories: readonly CategoryView[]): ServiceItem | null {
  if (category === undefined) return null;
  const code = choices[category];
  return categories.find((c) => c.code === category)?.items.find((item) => item.code === code) ?? null;
}
