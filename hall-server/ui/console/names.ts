import type { CategoryView, Locale } from '@hall/shared';

export function categoryName(category: Pick<CategoryView, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && category.nameEn ? category.nameEn : category.name;
}

/** A category's name by its code, in the console's language; the code if the hall has no such category. */
export function categoryNameOf(code: string, categories: readonly CategoryView[], locale: Locale): string {
  const known = categories.find((c) => c.code === code);
  return known ? categoryName(known, locale) : code;
}
