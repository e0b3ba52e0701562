import { useState } from 'react';
import { pickLocale, type Locale } from '../i18n/index';

// A staff page's language: the browser's at first, then whatever was last chosen on this
// machine, so a shared office or window PC keeps it across reloads and sign-ins.

function storedLocale(key: string): Locale | null {
  const locale = localStorage.getItem(key);
  return locale === 'zh-CN' || locale === 'en' ? locale : null;
}

export function useStoredLocale(storageKey: string): { locale: Locale; switchLocale(): void } {
  const [locale, setLocale] = useState<Locale>(() => storedLocale(storageKey) ?? pickLocale(navigator.language));
  const switchLocale = () => {
    const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
    localStorage.setItem(storageKey, next);
    setLocale(next);
  };
  return { locale, switchLocale };
}
