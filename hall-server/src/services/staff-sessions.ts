import type { LoginBody, LoginReply } from '@hall/shared';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import type { Hall } from '../runtime/hall';
import type { PinGuard } from './pin-guard';
import { hashPin, NO_PIN_HASH, verifyPin } from './pin-hash';
import { hashToken, liveSession } from './session-tokens';

// Staff sign in at a window with staff number and PIN and get a bearer token for that window.
// The session is opened and ended in the same write as the window's sign-in and sign-out.

export interface SignedIn {
  staffNo: string;
  windowNo: number;
  tokenHash: string;
}

/** Where a PIN was tried: the client's address and the route, for the lock and the log. */
export interface PinAttempt {
  address: string;
  route: string;
}

export class StaffSessions {
  constructor(
    private readonly rt: HallRuntime,
    private readonly hall: Hall,
    private readonly idleTimeoutMs: number,
    private readonly guard: PinGuard,
  ) {}

  /**
   * Staff number and PIN, checked for an action that needs no session (补打 at a kiosk) and for
   * every sign-in; the hash it matched. A locked staff number or address is refused before any
   * hashing; an unknown staff number is hashed all the same (its refusal takes as long).
   */
  async checkPin(staffNo: string, pin: string, from: PinAttempt): Promise<string> {
    this.guard.check(staffNo, from.address);
    const pinHash = this.rt.stores.sessions.pinHash(staffNo);
    const matches = await verifyPin(pin, pinHash ?? NO_PIN_HASH);
    if (pinHash === null || !matches) {
      this.guard.failed(staffNo, from.address, from.route);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    this.guard.succeeded(staffNo, from.address);
    return pinHash;
  }

  async login(body: LoginBody, from: PinAttempt): Promise<LoginReply> {
    await this.checkPin(body.staffNo, body.pin, from);
    const token = randomBytes(32).toString('base64url');
    const at = { staffNo: body.staffNo, windowNo: body.windowNo };
    this.hall.signIn(at, (now) => this.rt.stores.sessions.open(hashToken(token), body.staffNo, body.windowNo, now));
    const staff = this.hall.staff(body.staffNo);
    return { token, staff, window: this.hall.window(body.windowNo) };
  }

  /** The staff member a bearer token signed in, checked against the window they act on; `touch`: the session counts as used. */
  authenticate(authorization: string | undefined, windowNo?: number, touch = true): SignedIn {
    const check = (found: { windowNo: number }) => {
      if (windowNo !== undefined && found.windowNo !== windowNo) throw new DomainError('WRONG_WINDOW', { windowNo: found.windowNo });
    };
    const { session, tokenHash } = liveSession(this.rt, this.rt.stores.sessions, authorization, this.idleTimeoutMs, { check, touch });
    return { staffNo: session.staffNo, windowNo: session.windowNo, tokenHash };
  }

  /** A person's own new PIN, once their current one is checked; the session `from` stays open, their others end. */
  async changeOwnPin(
    staffNo: string,
    currentPin: string,
    newPin: string,
    from: { tokenHash: string; windowNo: number | null },
    attempt: PinAttempt,
  ): Promise<void> {
    const verifiedHash = await this.checkPin(staffNo, currentPin, attempt);
    this.hall.changeOwnPin({ staffNo, currentPin, newPin, newPinHash: await hashPin(newPin), verifiedHash, from });
  }

  logout(signedIn: SignedIn): void {
    this.hall.signOut(signedIn, (now) => this.rt.stores.sessions.end(signedIn.tokenHash, now, 'logout'));
  }
}
