import { useState } from 'react';
import { type SignInProps, StaffSignIn, useT } from '@hall/shared/ui';
import { signIn, type ConsoleSession } from './console-session';

interface Props extends SignInProps<ConsoleSession> {
  initialWindowNo: number | null;
}

/** Window number, staff number and PIN; Enter signs in. */
export function SignIn({ api, initialWindowNo, ...form }: Props) {
  const { t, locale } = useT();
  const [windowNo, setWindowNo] = useState(initialWindowNo === null ? '' : String(initialWindowNo));
  const no = Number(windowNo.trim());
  return (
    <StaffSignIn
      page="console"
      {...form}
      check={() => (!/^\d{1,3}$/.test(windowNo.trim()) || no < 1 ? t('console.windowNoInvalid') : null)}
      autoFocusStaffNo={windowNo !== ''}
      signIn={(credentials) => signIn(api, { windowNo: no, ...credentials }, locale)}
    >
      <label className="console-field">
        <span>{t('console.windowNo')}</span>
        <input
          name="windowNo"
          inputMode="numeric"
          autoComplete="off"
          value={windowNo}
          onChange={(e) => setWindowNo(e.target.value)}
          autoFocus={windowNo === ''}
        />
      </label>
    </StaffSignIn>
  );
}
