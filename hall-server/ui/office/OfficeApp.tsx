import { StaffApp } from '@hall/shared/ui';
import * as officeSession from './office-session';
import { OfficeDesk } from './OfficeDesk';
import { SignIn } from './SignIn';

export function OfficeApp() {
  return (
    <StaffApp
      page="office"
      store={officeSession}
      renderSignIn={(props) => <SignIn {...props} />}
      renderDesk={(props) => <OfficeDesk {...props} />}
    />
  );
}
