import { categoryName, type CategoryView, type Locale } from '@hall/shared';

/** A category's name by its code, in the console's language; the code if the hall has no such category. */
export function categoryNameOf(code: string, categories: readonly CategoryView[], locale: Locale): string {
  const known = categories.find((c) => c.code === code);
  return known ? categoryName(known, locale) : code;
}
