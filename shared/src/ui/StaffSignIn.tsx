import { useState, type ReactNode } from 'react';
import { useT } from './i18n';
import { Problem } from './Problem';
import { problemText } from './problem-text';
import type { SignInProps } from './StaffApp';
import type { StaffPage } from './staff-page';
import { useFormSubmit } from './use-form-submit';

interface Credentials {
  staffNo: string;
  pin: string;
}

interface Props<S> extends Omit<SignInProps<S>, 'api'> {
  page: StaffPage;
  /** The page's own fields, above the staff number. */
  children?: ReactNode;
  /** What is wrong with the page's own fields, said before the staff number is looked at. */
  check?(): string | null;
  /** False when one of the page's own fields takes the focus. */
  autoFocusStaffNo?: boolean;
  numericPin?: boolean;
  signIn(credentials: Credentials): Promise<S>;
  /** The text for a refusal, when the server's own is not the one to show. */
  refusal?(error: unknown): string;
}

/** Staff number and PIN (after the page's own fields); Enter signs in. */
export function StaffSignIn<S>(props: Props<S>) {
  const { t } = useT();
  const { page, notice, children, check, autoFocusStaffNo = true, numericPin = false, signIn, onSwitchLocale, onSignedIn } = props;
  const refusal = props.refusal ?? ((error: unknown) => problemText(error, t));
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const { problem, busy, submit } = useFormSubmit({
    check: () => {
      const own = check?.();
      if (own) return own;
      if (!/^\d{3,10}$/.test(staffNo.trim())) return t(`${page}.staffNoInvalid`);
      if (pin.length < 4 || pin.length > 12) return t(`${page}.pinInvalid`);
      return null;
    },
    send: async () => onSignedIn(await signIn({ staffNo: staffNo.trim(), pin })),
    refused: (error) => {
      setPin('');
      return refusal(error);
    },
  });

  return (
    <main className={`${page}-center`}>
      <form className={`${page}-signin`} onSubmit={submit} noValidate>
        <div className={`${page}-signin-head`}>
          <h1>{t(`${page}.signInTitle`)}</h1>
          <button type="button" className={`${page}-link-button`} onClick={onSwitchLocale}>
            {t(`${page}.languageSwitch`)}
          </button>
        </div>
        {notice && (
          <p className={`${page}-notice ${page}-notice-warn`} role="alert" data-testid="signin-notice">
            {notice}
          </p>
        )}
        {children}
        <label className={`${page}-field`}>
          <span>{t(`${page}.staffNo`)}</span>
          <input
            name="staffNo"
            inputMode="numeric"
            autoComplete="username"
            value={staffNo}
            onChange={(e) => setStaffNo(e.target.value)}
            autoFocus={autoFocusStaffNo}
          />
        </label>
        <label className={`${page}-field`}>
          <span>{t(`${page}.pin`)}</span>
          <input
            name="pin"
            type="password"
            inputMode={numericPin ? 'numeric' : undefined}
            autoComplete="current-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <Problem page={page} problem={problem} testId="signin-problem" />
        <button type="submit" className={`${page}-primary`} disabled={busy}>
          {t(busy ? `${page}.signingIn` : `${page}.signIn`)}
        </button>
      </form>
    </main>
  );
}
