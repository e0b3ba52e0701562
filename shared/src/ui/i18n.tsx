import { createContext, useContext, type ReactNode } from 'react';
import { defaultLocale, t, type Locale, type MessageKey } from '../i18n/index';

// Every word on a screen comes from the shared i18n table; zh-CN first.

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const LocaleContext = createContext<{ locale: Locale; t: Translate }>({
  locale: defaultLocale,
  t: (key, params) => t(defaultLocale, key, params),
});

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={{ locale, t: (key, params) => t(locale, key, params) }}>{children}</LocaleContext.Provider>;
}

export const useT = () => useContext(LocaleContext);
