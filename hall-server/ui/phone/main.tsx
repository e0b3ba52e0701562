import { createRoot } from 'react-dom/client';
import { pickLocale } from '@hall/shared';
import { LocaleProvider, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './phone.css';
import { PhonePage } from './PhonePage';

// /t/<ticket id>: the page behind the QR code on a ticket.
const ticketId = decodeURIComponent(window.location.pathname.split('/').pop() ?? '');
const locale = pickLocale(navigator.language);
createRoot(document.getElementById('root')!).render(
  <ServerGate locale={locale}>
    <LocaleProvider locale={locale}>
      <PhonePage ticketId={ticketId} />
    </LocaleProvider>
  </ServerGate>,
);
