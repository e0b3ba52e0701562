import { createRoot } from 'react-dom/client';
import { DeviceGate, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import { screenLocale } from '../common/live';
import '../common/screen.css';
import './hall.css';
import { HallScreenApp } from './HallScreen';

const locale = screenLocale(window.location.search);
createRoot(document.getElementById('root')!).render(
  <ServerGate locale={locale}>
    <DeviceGate kind="hall-screen" locale={locale}>
      <HallScreenApp />
    </DeviceGate>
  </ServerGate>,
);
