import type { OfficeLoginBody, OfficeLoginReply, SignedInStaff } from '@hall/shared';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain';
import type { OfficeSessionStore } from '../db/office-session-store';
import type { HallService } from './hall-service';
import { bearerToken, hashToken, TOUCH_EVERY_MS, type StaffSessions } from './staff-sessions';

// The duty captain (值班长) and administrators sign in at the office pages, not at a window:
// their token opens follow-ups and reports, never a window's actions.

export interface OfficeSignedIn {
  staff: SignedInStaff;
  tokenHash: string;
}

const OFFICE_ROLES = ['captain', 'admin'] as const;

export class OfficeSessions {
  constructor(
    private readonly sessions: OfficeSessionStore,
    private readonly staffSessions: StaffSessions,
    private readonly hall: HallService,
    private readonly idleTimeoutMs: number,
  ) {}

  async login(body: OfficeLoginBody): Promise<OfficeLoginReply> {
    await this.staffSessions.checkPin(body.staffNo, body.pin);
    const staff = this.hall.staff(body.staffNo);
    if (!staff.roles.some((role) => (OFFICE_ROLES as readonly string[]).includes(role))) throw new DomainError('FORBIDDEN');
    const token = randomBytes(32).toString('base64url');
    this.sessions.open(hashToken(token), body.staffNo, this.hall.now());
    return { token, staff };
  }

  authenticate(authorization: string | undefined): OfficeSignedIn {
    const tokenHash = hashToken(bearerToken(authorization));
    const session = this.sessions.find(tokenHash);
    if (!session || session.endedAt !== null) throw new DomainError('UNAUTHORIZED');
    const now = this.hall.now();
    if (now - session.lastSeenAt > this.idleTimeoutMs) {
      this.sessions.end(tokenHash, now, 'idle');
      throw new DomainError('UNAUTHORIZED', { reason: 'idle' });
    }
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) this.sessions.touch(tokenHash, now);
    return { staff: this.hall.staff(session.staffNo), tokenHash };
  }

  logout(signedIn: OfficeSignedIn): void {
    this.sessions.end(signedIn.tokenHash, this.hall.now(), 'logout');
  }
}
