import type { HallSettings } from '@hall/shared';
import type { HallSetup, Outcome } from '../domain';

// Two settings no administrator's change may move, whatever body it sends. `demo` (the demo PIN
// allowed) is the seed file's alone: turned on through the API it would let 123456 back in. The
// time zone HALL_TZ names wins while it is set and is never written: the stored one stays as it
// was unless a change names a time zone other than HALL_TZ's.

export class HeldSettings {
  constructor(
    /** The seed file's demo flag, as stored. */
    private readonly demo: boolean,
    /** The time zone stored in the database (a failed commit group puts it back). */
    public storedTimezone: string,
    /** HALL_TZ, if set. */
    private readonly timezoneOverride: string | undefined,
  ) {}

  /** The settings the hall runs by: the stored ones with HALL_TZ laid over. */
  inForce(settings: HallSettings): HallSettings {
    return { ...settings, demo: this.demo, timezone: this.timezoneOverride ?? settings.timezone };
  }

  /** A command's outcome as it is stored (`demo` kept, HALL_TZ not written), and the hall it leaves in force. */
  apply<R>(outcome: Outcome<R>): { toSave: Outcome<R>; state: Outcome<R>['state'] } {
    if (outcome.setup === null) return { toSave: outcome, state: outcome.state };
    const { timezone } = outcome.setup.settings;
    if (timezone !== this.timezoneOverride) this.storedTimezone = timezone;
    const stored: HallSetup = { ...outcome.setup, settings: { ...outcome.setup.settings, demo: this.demo, timezone: this.storedTimezone } };
    const state = { ...outcome.state, setup: { ...outcome.state.setup, settings: this.inForce(outcome.state.setup.settings) } };
    return { toSave: { ...outcome, setup: stored }, state };
  }
}
