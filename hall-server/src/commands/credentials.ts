import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';

// A person's own PIN, changed from the console or the office page.

export const credentialCommands = (rt: HallRuntime) => ({
  /** `newPinHash` is the new PIN's hash, made by the caller (hashing is slow and asynchronous). */
  changeOwnPin(staffNo: string, newPin: string, newPinHash: string): void {
    rt.run(
      (s, ctx) => domain.changeOwnPin(s, { staffNo, newPin }, ctx),
      () => rt.stores.sessions.setPinHash(staffNo, newPinHash),
    );
  },
});
