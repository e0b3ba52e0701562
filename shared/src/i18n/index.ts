import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';

export const locales = { 'zh-CN': zhCN, en } as const;
export type Locale = keyof typeof locales;
export const defaultLocale: Locale = 'zh-CN';

/** Looks up a text and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = locales[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the best locale for an Accept-Language header; Chinese unless English is preferred. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : defaultLocale;
}
