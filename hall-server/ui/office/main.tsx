import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import '@hall/shared/ui/staff.css';
import './office.css';
import { OfficeApp } from './OfficeApp';

// /office: the duty captain's and administrators' desk (1366x768 and up): the day's figures
// and the follow-ups (整改) of poor ratings.
createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <OfficeApp />
  </ServerGate>,
);
