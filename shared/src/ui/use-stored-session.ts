import { useCallback, useEffect, useState } from 'react';
import { apiFailure } from '../client/api-failure';
import { useT } from './i18n';
import { useLatest } from './use-latest';
import { problemText } from './problem-text';

// A staff page's sign-in across reloads: a stored token is checked with the server first, and
// a server that cannot be reached is asked again rather than throwing the person out.

export type SessionState<S> =
  | { kind: 'restoring'; retrying: boolean }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; session: S };

export interface StoredSessionOptions<S> {
  storedToken(): string | null;
  forgetToken(): void;
  /** The session behind a token; rejects when the server no longer takes it. */
  restore(token: string): Promise<S>;
  /** Refusals that mean the session is over (rather than a fault worth retrying). */
  isSessionGone(error: unknown): boolean;
  /** Shown above the sign-in form when the session ended. */
  goneNotice: string;
}

const RESTORE_RETRY_MS = 2000;

export function useStoredSession<S>(options: StoredSessionOptions<S>) {
  const { t } = useT();
  const [state, setState] = useState<SessionState<S>>(() =>
    options.storedToken() ? { kind: 'restoring', retrying: false } : { kind: 'signed-out', notice: null },
  );
  // The latest options (locale, texts) for an attempt that outlives the render that began it.
  const latest = useLatest(options);

  // A reload comes back signed in, or to the form with the reason when the session ended.
  useEffect(() => {
    if (state.kind !== 'restoring') return;
    const token = latest.current.storedToken();
    // Forgotten since (another tab signed out): nothing to restore, the form at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!token) return setState({ kind: 'signed-out', notice: null });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      latest.current.restore(token).then(
        (session) => !stopped && setState({ kind: 'signed-in', session }),
        (error) => {
          if (stopped) return;
          const { isSessionGone, forgetToken, goneNotice } = latest.current;
          if (isSessionGone(error)) {
            forgetToken();
            setState({ kind: 'signed-out', notice: goneNotice });
          } else if (!apiFailure(error).retryable) {
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

  const signedIn = useCallback((session: S) => setState({ kind: 'signed-in', session }), []);
  const signedOut = useCallback(() => setState({ kind: 'signed-out', notice: null }), []);
  /** The server no longer takes the session (ended elsewhere, idle): back to the form, saying so (or why, when the desk knows). */
  const sessionGone = useCallback(
    (why?: string) => {
      latest.current.forgetToken();
      setState({ kind: 'signed-out', notice: why ?? latest.current.goneNotice });
    },
    [latest],
  );

  return { state, signedIn, signedOut, sessionGone };
}
