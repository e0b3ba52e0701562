import { createRoot } from 'react-dom/client';
import { ServerGate } from '@hall/shared/ui';
import '@hall/shared/ui/base.css';
import '@hall/shared/ui/staff.css';
import '../office/office.css';
import './admin.css';
import { AdminApp } from './AdminApp';

// /admin: where the center's administrators run the hall's set-up while it serves, and duty
// captains set the roster and the hall screen's notice (1366x768 and up). It looks like the
// office page and shares its sign-in: one office session for both.
createRoot(document.getElementById('root')!).render(
  <ServerGate>
    <AdminApp />
  </ServerGate>,
);
