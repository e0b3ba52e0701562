import { useMemo } from 'react';
import { createApiClient } from '@hall/shared';
import { LocaleProvider, useT } from '@hall/shared/ui';
import { useStoredLocale } from '../common/use-stored-locale';
import { useStoredSession } from '../common/use-stored-session';
import { forgetToken, isSessionGone, restore, storedToken } from './office-session';
import { OfficeDesk } from './OfficeDesk';
import { SignIn } from './SignIn';

export function OfficeApp() {
  const { locale, switchLocale } = useStoredLocale('hall.office.locale');
  return (
    <LocaleProvider locale={locale}>
      <Office onSwitchLocale={switchLocale} />
    </LocaleProvider>
  );
}

function Office({ onSwitchLocale }: { onSwitchLocale(): void }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const { state, signedIn, signedOut, sessionGone } = useStoredSession({
    storedToken,
    forgetToken,
    isSessionGone,
    restore: (token) => restore(api, token, locale),
    goneNotice: t('office.signedOut'),
  });

  if (state.kind === 'restoring') {
    return (
      <main className="office-center">
        <p className="office-restoring" role="status">
          {t(state.retrying ? 'office.restoreRetry' : 'office.restoring')}
        </p>
      </main>
    );
  }
  if (state.kind === 'signed-out') {
    return <SignIn api={api} notice={state.notice} onSwitchLocale={onSwitchLocale} onSignedIn={signedIn} />;
  }
  return (
    <OfficeDesk
      key={state.session.token}
      api={api}
      session={state.session}
      onSwitchLocale={onSwitchLocale}
      onSessionGone={sessionGone}
      onSignedOut={signedOut}
    />
  );
}
