import { createRoot } from 'react-dom/client';
import { DeviceGate, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import { screenLocale } from '../common/live';
import '../common/screen.css';
import './window.css';
import { WindowScreenApp } from './WindowScreen';
import { windowNoFromPath } from './window-no';

const locale = screenLocale(window.location.search);
const windowNo = windowNoFromPath(window.location.pathname);
// An address naming no window shows what is wrong with it, not a pairing screen.
createRoot(document.getElementById('root')!).render(
  <ServerGate locale={locale}>
    {windowNo === null ? (
      <WindowScreenApp windowNo={null} />
    ) : (
      <DeviceGate kind="window-screen" windowNo={windowNo} locale={locale}>
        <WindowScreenApp windowNo={windowNo} />
      </DeviceGate>
    )}
  </ServerGate>,
);
