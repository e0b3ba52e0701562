import type { RosterEntry, RosterReply } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { roster } from '../queries/duty';

// The duty roster and the hall screen's notice, set by a duty captain or administrator.

export const dutyCommands = (rt: HallRuntime) => ({
  /** Replaces a day's duty roster; `by` is the signed-in duty captain or administrator. */
  changeRoster(date: string, entries: readonly RosterEntry[], by: string): RosterReply {
    rt.run(
      (s, ctx) => domain.changeRoster(s, { date, entries, by }, ctx),
      () => rt.stores.duty.replaceRoster(date, entries),
    );
    return roster(rt, date);
  },
  changeNotice(text: string, by: string): string {
    return rt.run(
      (s, ctx) => domain.changeNotice(s, { text, by }, ctx),
      (outcome, at) => rt.stores.duty.saveNotice(outcome.result, at, by),
    ).result;
  },
});
