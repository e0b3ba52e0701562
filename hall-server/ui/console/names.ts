import type { CategoryView, Locale } from '@hall/shared';

export function categoryName(category: Pick<CategoryView, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && category.nameEn ? category.nameEn : category.name;
}

/** Seconds as m:ss, or h:mm:ss past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
