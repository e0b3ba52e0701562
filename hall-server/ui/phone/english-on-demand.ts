import type { locales } from '@hall/shared';

// In the phone page's build (vite.phone.config.ts) the shared i18n table's `./en` is this
// object instead: empty until loadEnglish() fills it, so a Chinese visitor's phone never
// downloads the English texts (about 5 KB of the page's 60). Everything else reads the table
// through the shared `t` as on every page.

type English = (typeof locales)['en'];

export const en = {} as { -readonly [K in keyof English]: English[K] };

/** Fetches the English texts into the table; the page renders in English only after it. */
export async function loadEnglish(): Promise<void> {
  const { en: english } = await import('../../../shared/src/i18n/en');
  Object.assign(en, english);
}
