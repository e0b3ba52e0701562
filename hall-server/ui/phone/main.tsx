import { createRoot } from 'react-dom/client';
import { pickLocale, type Locale } from '@hall/shared';
import { LocaleProvider, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './phone.css';
import { loadEnglish } from './english-on-demand';
import { PhonePage } from './PhonePage';

// /t/<secret>: the page behind the QR code on a ticket; the visitor's secret names the ticket.
const secret = decodeURIComponent(window.location.pathname.split('/').pop() ?? '');
const render = (locale: Locale) =>
  createRoot(document.getElementById('root')!).render(
    <ServerGate locale={locale}>
      <LocaleProvider locale={locale}>
        <PhonePage secret={secret} />
      </LocaleProvider>
    </ServerGate>,
  );
const locale = pickLocale(navigator.language);
// The English texts come only to those who read English; if they cannot be had, Chinese.
if (locale === 'en') loadEnglish().then(() => render('en'), () => render('zh-CN'));
else render(locale);
