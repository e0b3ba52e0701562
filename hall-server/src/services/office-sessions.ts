import type { OfficeLoginBody, OfficeLoginReply, SignedInStaff } from '@hall/shared';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import type { Hall } from '../runtime/hall';
import { hashToken, liveSession } from './session-tokens';
import type { PinAttempt, StaffSessions } from './staff-sessions';

// The duty captain (值班长) and administrators sign in at the office pages, not at a window:
// their token opens follow-ups and reports, never a window's actions. The session's rows are
// written by the runtime, in its commit group.

export interface OfficeSignedIn {
  staff: SignedInStaff;
  tokenHash: string;
}

const OFFICE_ROLES = ['captain', 'admin'] as const;

export class OfficeSessions {
  constructor(
    private readonly rt: HallRuntime,
    private readonly staffSessions: StaffSessions,
    private readonly hall: Hall,
    private readonly idleTimeoutMs: number,
  ) {}

  async login(body: OfficeLoginBody, from: PinAttempt): Promise<OfficeLoginReply> {
    await this.staffSessions.checkPin(body.staffNo, body.pin, from);
    const staff = this.hall.staff(body.staffNo);
    if (!staff.roles.some((role) => (OFFICE_ROLES as readonly string[]).includes(role))) throw new DomainError('FORBIDDEN');
    const token = randomBytes(32).toString('base64url');
    this.rt.write((at) => this.rt.stores.officeSessions.open(hashToken(token), body.staffNo, at));
    return { token, staff };
  }

  authenticate(authorization: string | undefined): OfficeSignedIn {
    const { session, tokenHash } = liveSession(this.rt, this.rt.stores.officeSessions, authorization, this.idleTimeoutMs);
    return { staff: this.hall.staff(session.staffNo), tokenHash };
  }

  logout(signedIn: OfficeSignedIn): void {
    this.rt.write((at) => this.rt.stores.officeSessions.end(signedIn.tokenHash, at, 'logout'));
  }
}
