import { createHash } from 'node:crypto';
import { DomainError } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// Bearer tokens of window and office sessions: stored only as hashes, ended when idle.

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Writing last-seen on every request would cost a write and a sync per call; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/** The token of an `Authorization: Bearer …` header. */
function bearerToken(authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new DomainError('UNAUTHORIZED');
  return token;
}

export interface SessionRow {
  lastSeenAt: number;
  endedAt: number | null;
}

export interface SessionTokenStore<Row extends SessionRow> {
  find(tokenHash: string): Row | null;
  touch(tokenHash: string, at: number): void;
  end(tokenHash: string, at: number, reason: 'logout' | 'idle'): void;
}

/**
 * The open session a bearer token belongs to; `check` may still refuse it (a wrong window)
 * before it counts as used (unless `touch` is false: a look that is not a use). Ending an idle
 * session and touching a used one are writes of the runtime's, in its commit group like any
 * command's; written on the side (`writeAside`): while the disk takes no writes they are skipped,
 * and the request that used the session is still answered.
 */
export function liveSession<Row extends SessionRow>(
  rt: HallRuntime,
  store: SessionTokenStore<Row>,
  authorization: string | undefined,
  idleTimeoutMs: number,
  { check = () => undefined, touch = true }: { check?: (session: Row) => void; touch?: boolean } = {},
): { session: Row; tokenHash: string } {
  const tokenHash = hashToken(bearerToken(authorization));
  const session = store.find(tokenHash);
  if (!session || session.endedAt !== null) throw new DomainError('UNAUTHORIZED');
  const now = rt.now();
  if (now - session.lastSeenAt > idleTimeoutMs) {
    rt.writeAside((at) => store.end(tokenHash, at, 'idle'));
    rt.credentialsEnded();
    throw new DomainError('UNAUTHORIZED', { reason: 'idle' });
  }
  check(session);
  if (touch && now - session.lastSeenAt > TOUCH_EVERY_MS) rt.writeAside((at) => store.touch(tokenHash, at));
  return { session, tokenHash };
}
