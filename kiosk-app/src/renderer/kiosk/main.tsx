import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './kiosk.css';
import { KioskApp } from './KioskApp';

const params = new URLSearchParams(window.location.search);
createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <KioskApp deviceId={params.get('device') ?? 'web-kiosk'} />
  </ServerGate>,
);
