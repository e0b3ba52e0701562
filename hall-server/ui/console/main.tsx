import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import '@hall/shared/ui/staff.css';
import './console.css';
import { ConsoleApp } from './ConsoleApp';

// /window: the console window staff work at all day (1366x768), `?window=N` fills in the window.
const windowParam = Number(new URLSearchParams(window.location.search).get('window'));
createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <ConsoleApp presetWindowNo={Number.isInteger(windowParam) && windowParam > 0 ? windowParam : null} />
  </ServerGate>,
);
