import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import { screenLocale } from '../common/live';
import '../common/screen.css';
import './hall.css';
import { HallScreenApp } from './HallScreen';

createRoot(document.getElementById('root')!).render(
  <ServerGate locale={screenLocale(window.location.search)}>
    <HallScreenApp />
  </ServerGate>,
);
