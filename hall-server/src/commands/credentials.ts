import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// A person's own PIN, changed from the console or the office page.

export interface OwnPinChange {
  staffNo: string;
  currentPin: string;
  newPin: string;
  /** The new PIN's hash, made by the caller (hashing is slow and asynchronous). */
  newPinHash: string;
  /** The stored hash the current PIN was checked against. */
  verifiedHash: string;
  /** The session making the change, which stays open: a window's (with its window) or an office page's. */
  from: { tokenHash: string; windowNo: number | null };
}

export const credentialCommands = (rt: HallRuntime) => ({
  changeOwnPin(change: OwnPinChange): void {
    const { staffNo, from } = change;
    // The check of the current PIN awaited its hash: a reset (or retirement) meanwhile wins.
    // Nothing runs between this look and the write below.
    if (rt.stores.sessions.pinHash(staffNo) !== change.verifiedHash) throw new domain.DomainError('INVALID_CREDENTIALS');
    rt.run(
      (s, ctx) => domain.changeOwnPin(s, { staffNo, currentPin: change.currentPin, newPin: change.newPin, fromWindowNo: from.windowNo }, ctx),
      (_, at) => {
        rt.stores.sessions.setPinHash(staffNo, change.newPinHash);
        rt.stores.sessions.endOthers(staffNo, from.tokenHash, at, 'pin_changed');
        rt.stores.officeSessions.endOthers(staffNo, from.tokenHash, at, 'pin_changed');
      },
    );
  },
});
