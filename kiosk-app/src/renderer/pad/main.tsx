import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import './pad.css';
import { PadApp } from './PadApp';
import { padAddress } from './pad-address';

createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <PadApp address={padAddress(window.location.pathname, window.location.search)} />
  </ServerGate>,
);
