import { StaffApp } from '@hall/shared/ui';
import * as officeSession from '../office/office-session';
import { SignIn } from '../office/SignIn';
import { AdminDesk } from './AdminDesk';

/** The office's sign-in (duty captains and administrators), then the admin desk. */
export function AdminApp() {
  return (
    <StaffApp
      page="office"
      store={officeSession}
      renderSignIn={(props) => <SignIn {...props} />}
      renderDesk={(props) => <AdminDesk {...props} />}
    />
  );
}
