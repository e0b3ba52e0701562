import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import { screenLocale } from '../common/live';
import '../common/screen.css';
import './window.css';
import { WindowScreenApp } from './WindowScreen';
import { windowNoFromPath } from './window-no';

createRoot(document.getElementById('root')!).render(
  <ServerGate locale={screenLocale(window.location.search)}>
    <WindowScreenApp windowNo={windowNoFromPath(window.location.pathname)} />
  </ServerGate>,
);
