import { createRoot } from 'react-dom/client';
import { DeviceGate, ServerGate, useDevice } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './kiosk.css';
import { KioskApp } from './KioskApp';

/** The kiosk is the device its credential names. */
function PairedKiosk() {
  return <KioskApp deviceId={useDevice().device.id} />;
}

createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <DeviceGate kind="kiosk">
      <PairedKiosk />
    </DeviceGate>
  </ServerGate>,
);
