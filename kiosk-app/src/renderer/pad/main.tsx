import { createRoot } from 'react-dom/client';
import { DeviceGate, ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './pad.css';
import { PadApp } from './PadApp';
import { padWindowNo } from './pad-address';

const windowNo = padWindowNo(window.location.pathname);
// An address naming no window shows what is wrong with it, not a pairing screen.
createRoot(document.getElementById('root')!).render(
  <ServerGate>
    {windowNo === null ? (
      <PadApp windowNo={null} />
    ) : (
      <DeviceGate kind="pad" windowNo={windowNo}>
        <PadApp windowNo={windowNo} />
      </DeviceGate>
    )}
  </ServerGate>,
);
