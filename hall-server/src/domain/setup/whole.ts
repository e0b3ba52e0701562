import { HallSetupFile, type HallSettings, type SetupChange, type Staff } from '@hall/shared';
import { begin } from '../begin';
import type { Outcome } from '../outcome';
import { DomainError } from '../errors';
import { pinProblem } from '../pin-rules';
import type { CommandContext, HallState } from '../types';
import { applySetup, requireAdmin, setupInvalid, type BookedAppointment, type RosteredDay } from './apply';

// The hall's settings, and the whole set-up at once (an import, or an edited export).

export function setSettings(state: HallState, command: { by: string; settings: HallSettings }, ctx: CommandContext): Outcome<HallSettings> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  applySetup(draft, { ...draft.state.setup, settings: command.settings }, command.by);
  return draft.done(command.settings);
}

/** A whole set-up as sent, checked against the rules of one (SETUP_INVALID names every problem). */
export function parseSetupFile(input: unknown): HallSetupFile {
  const parsed = HallSetupFile.safeParse(input);
  if (parsed.success) return parsed.data;
  throw setupInvalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

export interface ReplacedSetup {
  changes: SetupChange[];
  /** The new people given their first PIN with the set-up: the caller writes the PINs' hashes. */
  firstPins: string[];
}

/**
 * The set-up replaced by `file`. Staff are never deleted: a person the file leaves out is kept,
 * inactive. Only a person new to the hall may come with a PIN (anyone else's is reset on its own).
 * `withPin`: who has a PIN already; `booked`: the visits booked from today on; `rostered`: who is
 * on a day's own roster from today on (the store knows all three).
 */
export function replaceSetup(
  state: HallState,
  command: { by: string; file: HallSetupFile; withPin: readonly string[]; booked: readonly BookedAppointment[]; rostered: readonly RosteredDay[] },
  ctx: CommandContext,
): Outcome<ReplacedSetup> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const { file } = command;
  const known = new Set(draft.state.setup.staff.map((s) => s.staffNo));
  const firstPins: string[] = [];
  const staff: Staff[] = file.staff.map(({ pin, ...person }, i) => {
    if (pin === undefined) return person;
    if (known.has(person.staffNo)) {
      throw setupInvalid([{ path: `staff.${i}.pin`, message: `staff ${person.staffNo} already has a PIN: reset it on its own` }]);
    }
    const problem = pinProblem(pin, file.settings);
    if (problem !== null) throw new DomainError('PIN_TOO_WEAK', { staffNo: person.staffNo, reason: problem });
    firstPins.push(person.staffNo);
    return person;
  });
  const inFile = new Set(staff.map((s) => s.staffNo));
  // A person left out keeps only the windows still in the hall (as removeWindow does): the
  // file's own rows are all a problem of the set-up can then point at (staff.N is the file's N).
  const windowNos = new Set(file.windows.map((w) => w.no));
  const left = draft.state.setup.staff
    .filter((s) => !inFile.has(s.staffNo))
    .map((s) => ({ ...s, active: false, windows: s.windows.filter((no) => windowNos.has(no)) }));
  const all = [...staff, ...left].sort((a, b) => (a.staffNo < b.staffNo ? -1 : 1));
  // Windows and staff by their numbers, as every other command keeps them and the store reads
  // them back: the same set-up after a restart (setupVersion), whatever the file's order.
  const windows = [...file.windows].sort((a, b) => a.no - b.no);
  const changes = applySetup(draft, { settings: file.settings, categories: file.categories, windows, staff: all, pads: file.pads, kiosks: file.kiosks }, command.by, {
    withPin: new Set([...command.withPin, ...firstPins]),
    booked: command.booked,
    rostered: command.rostered,
  });
  for (const staffNo of firstPins) {
    draft.emit({ type: 'staff.pin_reset', at: ctx.now, serviceDate: draft.serviceDate, staffNo: command.by, forStaffNo: staffNo });
  }
  return draft.done({ changes, firstPins });
}
