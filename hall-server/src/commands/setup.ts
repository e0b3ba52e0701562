import type { AdminDeviceBody, Category, HallSettings, HallSetupFile, HallWindow, SetupChangeReply, Staff } from '@hall/shared';
import { localDate } from '@hall/shared';
import * as domain from '../domain';
import type { CommandContext, HallState } from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { hashPin } from '../services/pin-hash';

// The hall's set-up (settings, categories and items, windows, staff, devices) changed while it
// serves. Each is a domain command (domain/setup/) that checks it against the hall as it serves;
// `by` is the administrator making it. PINs are hashed before the command (scrypt is slow) and
// the hashes written in its transaction.

/** The hall's date now, to ask the store about today and the days to come. */
const today = (s: HallState, ctx: CommandContext) => localDate(ctx.now, s.setup.settings.timezone);

export const setupCommands = (rt: HallRuntime) => ({
  /** The whole set-up as exported (no PINs). */
  setupFile: (): HallSetupFile => domain.setupFile(rt.storedSetup),
  setWindow: (by: string, window: HallWindow): HallWindow => rt.run((s, ctx) => domain.setWindow(s, { by, window }, ctx)).result,
  removeWindow: (by: string, windowNo: number): void => void rt.run((s, ctx) => domain.removeWindow(s, { by, windowNo }, ctx)),
  setCategory: (by: string, category: Category): Category => rt.run((s, ctx) => domain.setCategory(s, { by, category }, ctx)).result,
  removeCategory: (by: string, code: string): void =>
    void rt.run((s, ctx) => domain.removeCategory(s, { by, code, booked: rt.stores.hall.setup.bookedAppointments(today(s, ctx)) }, ctx)),
  setStaff: (by: string, staff: Staff): Staff =>
    rt.run((s, ctx) => domain.setStaff(s, { by, staff, withPin: rt.stores.hall.setup.staffWithPin(), rostered: rt.stores.hall.setup.rosteredFrom(today(s, ctx)) }, ctx)).result,
  // `demo` is the seed file's alone (runtime/held-settings.ts): a body's own never reaches the rules.
  setSettings: (by: string, settings: HallSettings): HallSettings =>
    rt.run((s, ctx) => domain.setSettings(s, { by, settings: { ...settings, demo: s.setup.settings.demo } }, ctx)).result,
  setDevice: (by: string, deviceId: string, device: AdminDeviceBody): domain.SetupDevice => rt.run((s, ctx) => domain.setDevice(s, { by, deviceId, device }, ctx)).result,

  /** An administrator sets a person's PIN: the old one and the person's sessions end. */
  async resetPin(by: string, staffNo: string, pin: string): Promise<void> {
    const pinHash = await hashPin(pin);
    rt.run((s, ctx) => domain.resetPin(s, { by, staffNo, pin }, ctx), () => rt.stores.sessions.setPinHash(staffNo, pinHash));
  },

  /**
   * The whole set-up replaced (an import, or an edited export), or with `dryRun` only the
   * differences it would make, refused as the real change would be.
   */
  async replaceSetup(by: string, input: unknown, dryRun: boolean): Promise<SetupChangeReply> {
    const parsed = domain.parseSetupFile(input);
    // An import's `demo` would let a first PIN of 123456 in: the hall's own stands.
    const file = { ...parsed, settings: { ...parsed.settings, demo: rt.state.setup.settings.demo } };
    const decide = (s: HallState, ctx: CommandContext) => domain.replaceSetup(
        s,
        { by, file, withPin: rt.stores.hall.setup.staffWithPin(), booked: rt.stores.hall.setup.bookedAppointments(today(s, ctx)), rostered: rt.stores.hall.setup.rosteredFrom(today(s, ctx)) },
        ctx,
      );
    if (dryRun) return { dryRun, changes: decide(rt.state, { now: rt.now(), newId: rt.newId }).result.changes };
    const hashes = new Map(await Promise.all(file.staff.flatMap((s) => (s.pin === undefined ? [] : [hashPin(s.pin).then((hash) => [s.staffNo, hash] as const)]))));
    const outcome = rt.run(decide, ({ result }) => {
      for (const staffNo of result.firstPins) rt.stores.sessions.setPinHash(staffNo, hashes.get(staffNo)!);
    });
    return { dryRun, changes: outcome.result.changes };
  },
});
