import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, pickLocale, type Locale } from '@hall/shared';
import { LocaleProvider, useT } from '@hall/shared/ui';
import { WindowConsole } from './WindowConsole';
import { SignIn } from './SignIn';
import { forgetToken, isSessionGone, lastWindowNo, problemText, restore, storedLocale, storedToken, storeLocale, type ConsoleSession } from './console-session';

type State =
  | { kind: 'restoring'; retrying: boolean }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; session: ConsoleSession };

const RESTORE_RETRY_MS = 2000;

export function ConsoleApp({ presetWindowNo }: { presetWindowNo: number | null }) {
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? pickLocale(navigator.language));
  const switchLocale = () => {
    const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
    storeLocale(next);
    setLocale(next);
  };
  return (
    <LocaleProvider locale={locale}>
      <Console presetWindowNo={presetWindowNo} onSwitchLocale={switchLocale} />
    </LocaleProvider>
  );
}

function Console({ presetWindowNo, onSwitchLocale }: { presetWindowNo: number | null; onSwitchLocale: () => void }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const [state, setState] = useState<State>(() => (storedToken() ? { kind: 'restoring', retrying: false } : { kind: 'signed-out', notice: null }));

  // A reload comes back to the same window, or to the form with the reason when the session ended.
  useEffect(() => {
    if (state.kind !== 'restoring') return;
    const token = storedToken();
    if (!token) return setState({ kind: 'signed-out', notice: null });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      restore(api, token, locale).then(
        (session) => !stopped && setState({ kind: 'signed-in', session }),
        (error) => {
          if (stopped) return;
          if (isSessionGone(error)) {
            forgetToken();
            setState({ kind: 'signed-out', notice: t('console.signedOut') });
          } else if (error instanceof ApiError && error.code !== 'NETWORK_ERROR' && error.status < 500) {
            forgetToken();
            setState({ kind: 'signed-out', notice: problemText(error, t) });
          } else {
            setState({ kind: 'restoring', retrying: true });
            timer = setTimeout(attempt, RESTORE_RETRY_MS);
          }
        },
      );
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Only entering the restoring state starts it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.kind === 'restoring']);

  const onSessionGone = useCallback(() => {
    forgetToken();
    setState({ kind: 'signed-out', notice: t('console.signedOut') });
  }, [t]);

  if (state.kind === 'restoring') {
    return (
      <main className="console-center">
        <p className="console-restoring" role="status">
          {t(state.retrying ? 'console.restoreRetry' : 'console.restoring')}
        </p>
      </main>
    );
  }
  if (state.kind === 'signed-out') {
    return (
      <SignIn
        api={api}
        notice={state.notice}
        initialWindowNo={presetWindowNo ?? lastWindowNo()}
        onSwitchLocale={onSwitchLocale}
        onSignedIn={(session) => setState({ kind: 'signed-in', session })}
      />
    );
  }
  return (
    <WindowConsole
      key={state.session.token}
      api={api}
      session={state.session}
      onSwitchLocale={onSwitchLocale}
      onSessionGone={onSessionGone}
      onSignedOut={() => setState({ kind: 'signed-out', notice: null })}
    />
  );
}
