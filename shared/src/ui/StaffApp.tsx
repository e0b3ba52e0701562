import { Fragment, useMemo, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../client/api-client';
import type { Locale } from '../i18n/index';
import { LocaleProvider, useT } from './i18n';
import type { StaffPage } from './staff-page';
import { useStoredLocale } from './use-stored-locale';
import { useStoredSession } from './use-stored-session';

/** How a page keeps, checks and ends its sign-in: its session module. */
export interface SessionStore<S> {
  storedToken(): string | null;
  forgetToken(): void;
  /** Refusals that mean the session is over (rather than a fault worth retrying). */
  isSessionGone(error: unknown): boolean;
  restore(api: ApiClient, token: string, locale: Locale): Promise<S>;
  signOut(api: ApiClient, token: string, locale: Locale): Promise<void>;
}

export interface SignInProps<S> {
  api: ApiClient;
  /** Why the form is back (the session ended), shown above it. */
  notice: string | null;
  onSwitchLocale(): void;
  onSignedIn(session: S): void;
}

export interface DeskProps<S> {
  api: ApiClient;
  session: S;
  onSwitchLocale(): void;
  /** The server no longer takes this session (ended elsewhere, idle): back to the form, saying so (`why`, when the desk knows). */
  onSessionGone(why?: string): void;
  /** Ends the session and goes back to the form; rejects, still signed in, when the server cannot be told. */
  onSignOut(): Promise<void>;
}

interface Props<S> {
  page: StaffPage;
  store: SessionStore<S>;
  renderSignIn(props: SignInProps<S>): ReactNode;
  renderDesk(props: DeskProps<S>): ReactNode;
}

/** A staff page in its language: the sign-in form, or the desk of whoever is signed in. */
export function StaffApp<S extends { token: string }>(props: Props<S>) {
  const { locale, switchLocale } = useStoredLocale(`hall.${props.page}.locale`);
  return (
    <LocaleProvider locale={locale}>
      <Session {...props} onSwitchLocale={switchLocale} />
    </LocaleProvider>
  );
}

function Session<S extends { token: string }>({ page, store, renderSignIn, renderDesk, onSwitchLocale }: Props<S> & { onSwitchLocale(): void }) {
  const { t, locale } = useT();
  const api = useMemo(() => createApiClient(), []);
  const { state, signedIn, signedOut, sessionGone } = useStoredSession({
    storedToken: store.storedToken,
    forgetToken: store.forgetToken,
    isSessionGone: store.isSessionGone,
    restore: (token) => store.restore(api, token, locale),
    goneNotice: t(`${page}.signedOut`),
  });

  if (state.kind === 'restoring') {
    return (
      <main className={`${page}-center`}>
        <p className={`${page}-restoring`} role="status">
          {t(state.retrying ? `${page}.restoreRetry` : `${page}.restoring`)}
        </p>
      </main>
    );
  }
  if (state.kind === 'signed-out') return renderSignIn({ api, notice: state.notice, onSwitchLocale, onSignedIn: signedIn });

  const { session } = state;
  const signOut = async () => {
    try {
      await store.signOut(api, session.token, locale);
    } catch (error) {
      // Already over on the server: signed out all the same.
      if (!store.isSessionGone(error)) throw error;
      store.forgetToken();
    }
    signedOut();
  };
  // A new session starts a new desk, with nothing left over from the last one.
  return <Fragment key={session.token}>{renderDesk({ api, session, onSwitchLocale, onSessionGone: sessionGone, onSignOut: signOut })}</Fragment>;
}
