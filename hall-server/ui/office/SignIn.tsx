import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { problemText } from '../common/problem-text';
import { signIn, type OfficeSession } from './office-session';

interface Props {
  api: ApiClient;
  /** Why the form is back (the session ended), shown above it. */
  notice: string | null;
  onSwitchLocale(): void;
  onSignedIn(session: OfficeSession): void;
}

/** Staff number and PIN; Enter signs in. Only duty captains and administrators get past it. */
export function SignIn({ api, notice, onSwitchLocale, onSignedIn }: Props) {
  const { t, locale } = useT();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{3,10}$/.test(staffNo.trim())) return setProblem(t('office.staffNoInvalid'));
    if (pin.length < 4 || pin.length > 12) return setProblem(t('office.pinInvalid'));
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await signIn(api, { staffNo: staffNo.trim(), pin }, locale));
    } catch (error) {
      // The server's FORBIDDEN is about any action; here the person needs to know where to go.
      setProblem(error instanceof ApiError && error.code === 'FORBIDDEN' ? t('office.forbidden') : problemText(error, t));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <main className="office-center">
      <form className="office-signin" onSubmit={submit} noValidate>
        <div className="office-signin-head">
          <h1>{t('office.signInTitle')}</h1>
          <button type="button" className="office-link-button" onClick={onSwitchLocale}>
            {t('office.languageSwitch')}
          </button>
        </div>
        {notice && (
          <p className="office-notice office-notice-warn" role="alert" data-testid="signin-notice">
            {notice}
          </p>
        )}
        <label className="office-field">
          <span>{t('office.staffNo')}</span>
          <input
            name="staffNo"
            inputMode="numeric"
            autoComplete="username"
            value={staffNo}
            onChange={(e) => setStaffNo(e.target.value)}
            autoFocus
          />
        </label>
        <label className="office-field">
          <span>{t('office.pin')}</span>
          <input name="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        {problem && (
          <p className="office-notice office-notice-error" role="alert" data-testid="signin-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="office-primary" disabled={busy}>
          {t(busy ? 'office.signingIn' : 'office.signIn')}
        </button>
      </form>
    </main>
  );
}
