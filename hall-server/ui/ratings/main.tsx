import { createRoot } from 'react-dom/client';
import { pickLocale } from '@hall/shared';
import { LocaleProvider, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './ratings.css';
import { RatingsPage } from './RatingsPage';

// /public/ratings: the month's 好差评 results per window, published as the national rules ask,
// for anyone (a PC in the hall, a visitor's phone). `?lang=en` or an English browser: English.
const params = new URLSearchParams(window.location.search);
const locale = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'zh-CN' ? 'zh-CN' : pickLocale(navigator.language);
document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <ServerGate locale={locale}>
    <LocaleProvider locale={locale}>
      <RatingsPage initialMonth={params.get('month')} />
    </LocaleProvider>
  </ServerGate>,
);
