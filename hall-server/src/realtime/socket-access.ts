import { ClientHello, type ErrorCode } from '@hall/shared';
import type { Socket } from 'socket.io';
import { DomainError } from '../domain';
import { checkRule, SOCKET_ACCESS } from '../http/access';
import { ANONYMOUS, resolvePrincipal, type Principal, type PrincipalSources } from '../http/principal';

// Who a socket is (issue 15): its handshake's `auth.token` resolved like an HTTP request's
// credential, its hello checked against the access table's socket rules. The hello the hub
// acts on is the checked one: a pad's, window screen's and console's window is the credential's,
// only a phone follows a ticket. A socket holding a credential is closed when it ends (logout,
// idle, a session ended by the set-up, a device revoked): the hub re-checks them on every change
// that can end one (`recheck`), before it publishes that change.

/** A socket refused at its handshake: the client's `connect_error` carries the code. */
export class SocketRefusal extends Error {
  readonly data: { code: ErrorCode };
  constructor(code: ErrorCode) {
    super(code);
    this.data = { code };
  }
}

export interface Admitted {
  hello: ClientHello;
  principal: Principal;
}

/** The hello as the hub may trust it, for this principal; throws the refusal otherwise. */
export function admit(hello: ClientHello, principal: Principal): ClientHello {
  checkRule(SOCKET_ACCESS[hello.client], principal);
  const bound = principal.kind === 'device' ? principal.device.windowNo : principal.kind === 'staff' ? principal.windowNo : null;
  switch (hello.client) {
    case 'pad':
    case 'window-screen':
    case 'console':
      // Its window is the credential's: a hello naming another is refused, one naming none gets its own.
      if (bound === null || (hello.windowNo !== undefined && hello.windowNo !== bound)) throw new DomainError('FORBIDDEN');
      return { client: hello.client, windowNo: bound };
    case 'phone':
      return hello.ticket === undefined ? { client: 'phone' } : { client: 'phone', ticket: hello.ticket };
    default:
      return { client: hello.client };
  }
}

const tokenOf = (socket: Socket): string | undefined => {
  const token = (socket.handshake.auth as { token?: unknown }).token;
  return typeof token === 'string' ? token : undefined;
};

/** The principal of a socket's handshake credential (`touch`: counts as the session being used). */
export function socketPrincipal(socket: Socket, from: PrincipalSources, touch = true): Principal {
  const token = tokenOf(socket);
  return token === undefined ? ANONYMOUS : resolvePrincipal(`Bearer ${token}`, from, touch);
}

/** Checks a connecting socket (a recovered one too): its hello and principal, or the refusal. */
export function admitSocket(socket: Socket, from: PrincipalSources): Admitted {
  const parsed = ClientHello.safeParse(socket.handshake.auth);
  if (!parsed.success) throw new SocketRefusal('VALIDATION_FAILED');
  const principal = socketPrincipal(socket, from);
  try {
    return { hello: admit(parsed.data, principal), principal };
  } catch (error) {
    if (error instanceof DomainError) throw new SocketRefusal(error.code);
    throw error;
  }
}

/**
 * Whether a connected socket's credential still admits it as it was admitted (not ended, not
 * revoked, the same window, the roles still there). Looks without touching the session: a page
 * left open is not a person using it.
 */
export function stillAdmitted(socket: Socket, admitted: Admitted, from: PrincipalSources): boolean {
  if (admitted.principal.kind === 'anonymous') return true;
  try {
    // Its hello names the window it was admitted to: a device moved to another window is refused.
    admit(admitted.hello, socketPrincipal(socket, from, false));
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
