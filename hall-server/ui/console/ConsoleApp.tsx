import { useMemo } from 'react';
import { createApiClient } from '@hall/shared';
import { LocaleProvider, useT } from '@hall/shared/ui';
import { useStoredLocale } from '../common/use-stored-locale';
import { useStoredSession } from '../common/use-stored-session';
import { WindowConsole } from './WindowConsole';
import { SignIn } from './SignIn';
import { forgetToken, isSessionGone, lastWindowNo, restore, storedToken } from './console-session';

export function ConsoleApp({ presetWindowNo }: { presetWindowNo: number | null }) {
  const { locale, switchLocale } = useStoredLocale('hall.console.locale');
  return (
    <LocaleProvider locale={locale}>
      <Console presetWindowNo={presetWindowNo} onSwitchLocale={switchLocale} />
    </LocaleProvider>
  );
}

function Console({ presetWindowNo, onSwitchLocale }: { presetWindowNo: number | null; onSwitchLocale: () => void }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const { state, signedIn, signedOut, sessionGone } = useStoredSession({
    storedToken,
    forgetToken,
    isSessionGone,
    restore: (token) => restore(api, token, locale),
    goneNotice: t('console.signedOut'),
  });

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
        onSignedIn={signedIn}
      />
    );
  }
  return (
    <WindowConsole
      key={state.session.token}
      api={api}
      session={state.session}
      onSwitchLocale={onSwitchLocale}
      onSessionGone={sessionGone}
      onSignedOut={signedOut}
    />
  );
}
