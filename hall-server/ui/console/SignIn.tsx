import { useState, type FormEvent } from 'react';
import type { ApiClient } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { problemText } from '../common/problem-text';
import { signIn, type ConsoleSession } from './console-session';

interface Props {
  api: ApiClient;
  /** Why the form is back (the session ended elsewhere), shown above it. */
  notice: string | null;
  initialWindowNo: number | null;
  onSwitchLocale(): void;
  onSignedIn(session: ConsoleSession): void;
}

/** Window number, staff number and PIN; Enter signs in. */
export function SignIn({ api, notice, initialWindowNo, onSwitchLocale, onSignedIn }: Props) {
  const { t, locale } = useT();
  const [windowNo, setWindowNo] = useState(initialWindowNo === null ? '' : String(initialWindowNo));
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const no = Number(windowNo.trim());
    if (!/^\d{1,3}$/.test(windowNo.trim()) || no < 1) return setProblem(t('console.windowNoInvalid'));
    if (!/^\d{3,10}$/.test(staffNo.trim())) return setProblem(t('console.staffNoInvalid'));
    if (pin.length < 4 || pin.length > 12) return setProblem(t('console.pinInvalid'));
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await signIn(api, { windowNo: no, staffNo: staffNo.trim(), pin }, locale));
    } catch (error) {
      setProblem(problemText(error, t));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <main className="console-center">
      <form className="console-signin" onSubmit={submit} noValidate>
        <div className="console-signin-head">
          <h1>{t('console.signInTitle')}</h1>
          <button type="button" className="console-link-button" onClick={onSwitchLocale}>
            {t('console.languageSwitch')}
          </button>
        </div>
        {notice && (
          <p className="console-notice console-notice-warn" role="alert" data-testid="signin-notice">
            {notice}
          </p>
        )}
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
        <label className="console-field">
          <span>{t('console.staffNo')}</span>
          <input
            name="staffNo"
            inputMode="numeric"
            autoComplete="username"
            value={staffNo}
            onChange={(e) => setStaffNo(e.target.value)}
            autoFocus={windowNo !== ''}
          />
        </label>
        <label className="console-field">
          <span>{t('console.pin')}</span>
          <input name="pin" type="password" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        {problem && (
          <p className="console-notice console-notice-error" role="alert" data-testid="signin-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="console-primary" disabled={busy}>
          {t(busy ? 'console.signingIn' : 'console.signIn')}
        </button>
      </form>
    </main>
  );
}
