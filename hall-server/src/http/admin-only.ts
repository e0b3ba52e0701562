import { DomainError } from '../domain';
import type { OfficeSessions, OfficeSignedIn } from '../services/office-sessions';

/**
 * An administrator's office session, or 401/403. The audit log, the devices and the imports are
 * for administrators only.
 * TODO(access table): once hall-server/src/http/access.ts is on main, these routes take their
 * rule from it ('admin') and this check goes.
 */
export function adminOnly(office: OfficeSessions, authorization: string | undefined): OfficeSignedIn {
  const signedIn = office.authenticate(authorization);
  if (!signedIn.staff.roles.includes('admin')) throw new DomainError('FORBIDDEN');
  return signedIn;
}
