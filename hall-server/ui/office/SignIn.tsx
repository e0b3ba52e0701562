import { ApiError } from '@hall/shared';
import { problemText, type SignInProps, StaffSignIn, useT } from '@hall/shared/ui';
import { signIn, type OfficeSession } from './office-session';

/** Staff number and PIN; Enter signs in. Only duty captains and administrators get past it. */
export function SignIn({ api, ...form }: SignInProps<OfficeSession>) {
  const { t, locale } = useT();
  return (
    <StaffSignIn
      page="office"
      {...form}
      numericPin
      signIn={(credentials) => signIn(api, credentials, locale)}
      // The server's FORBIDDEN is about any action; here the person needs to know where to go.
      refusal={(error) => (error instanceof ApiError && error.code === 'FORBIDDEN' ? t('office.forbidden') : problemText(error, t))}
    />
  );
}
