import type { Locale } from '../i18n/index';
import type { CategoryView } from '../schemas/views';

/** A category's name in the page's language: its English name in English when the hall gave one. */
export function categoryName(category: Pick<CategoryView, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && category.nameEn ? category.nameEn : category.name;
}
