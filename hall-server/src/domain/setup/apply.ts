import { HallSetupFile, type SetupChange } from '@hall/shared';
import { DomainError } from '../errors';
import type { Draft } from '../outcome';
import { closedWindow, staffMember } from '../state';
import type { HallSetup, HallState, WindowStatus } from '../types';
import { signOutWindow } from '../windows';
import type { SignOutReason } from '../events';
import { setupChanges } from './changes';

// Every set-up command ends here: the set-up as it would be is checked against the hall as it
// serves, then against the rules of a whole set-up (HallSetupFile); the people it leaves without
// a right to their window are signed out; and each difference goes to the log as its own event.

/** Only an active administrator changes the set-up. */
export function requireAdmin(state: HallState, staffNo: string): void {
  const staff = staffMember(state, staffNo);
  if (!staff?.active || !staff.roles.includes('admin')) throw new DomainError('FORBIDDEN', { staffNo });
}

/** The set-up in the shape of the file it is exported to and imported from (no PINs). */
export function setupFile(setup: HallSetup): HallSetupFile {
  return {
    settings: setup.settings,
    categories: [...setup.categories],
    windows: [...setup.windows],
    staff: [...setup.staff],
    pads: [...(setup.pads ?? [])],
    kiosks: [...(setup.kiosks ?? [])],
  };
}

export interface SetupProblem {
  path: string;
  message: string;
}

/** The message says how many (in the reader's language); the details name each, by its path. */
export function setupInvalid(problems: readonly SetupProblem[]): DomainError {
  return new DomainError('SETUP_INVALID', {
    count: problems.length,
    problem: problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; '),
    problems,
  });
}

/** What breaks the rules every whole set-up keeps (codes once, every reference to something there). */
function setupProblems(setup: HallSetup): SetupProblem[] {
  const parsed = HallSetupFile.safeParse(setupFile(setup));
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * A window in service keeps itself and the category of the ticket in hand until it finishes; a
 * window leaves the hall only once no ticket is sent to it by name and no pad faces it.
 */
function checkWindows(state: HallState, after: HallSetup): void {
  for (const config of state.setup.windows) {
    const now = after.windows.find((w) => w.no === config.no);
    const status = state.windows.get(config.no);
    const serving = status?.currentTicketId == null ? undefined : state.tickets.get(status.currentTicketId);
    if (serving && (!now || (config.categories.includes(serving.category) && !now.categories.includes(serving.category)))) {
      throw new DomainError('WINDOW_SERVING', { windowNo: config.no, number: serving.number });
    }
    // Tickets sent here by name go nowhere else.
    if (!now && [...state.tickets.sentTo(config.no)].length > 0) throw new DomainError('WINDOW_HAS_SENT_TICKETS', { windowNo: config.no });
    // A pad facing it is moved or removed first, by the administrator who knows where it went.
    const pads = now ? [] : (after.pads ?? []).filter((p) => p.windowNo === config.no).map((p) => p.deviceId);
    if (pads.length > 0) throw new DomainError('WINDOW_HAS_PADS', { windowNo: config.no, pads });
  }
}

/** What the store knows that the set-up's rules need: the state holds neither PINs nor coming days. */
export interface SetupFacts {
  /** The staff numbers with a PIN, for a command that changes staff; without it, staff are as they were. */
  withPin?: ReadonlySet<string>;
  /** The booked (not yet checked-in) appointments from today on, for a command that removes categories. */
  booked?: readonly BookedAppointment[];
  /** Who is on a day's own roster from today on, for a command that retires staff. */
  rostered?: readonly RosteredDay[];
}

export interface RosteredDay {
  staffNo: string;
  date: string;
}

/**
 * A person leaves the hall only once no day's own roster from today on names them: the hall
 * screen would show someone who left. (The weekly pattern is a rule of the set-up itself.)
 */
function checkRetired(before: HallSetup, after: HallSetup, rostered: readonly RosteredDay[], today: string): void {
  for (const person of after.staff) {
    if (person.active || before.staff.find((s) => s.staffNo === person.staffNo)?.active !== true) continue;
    const dates = [...new Set(rostered.filter((r) => r.staffNo === person.staffNo && r.date >= today).map((r) => r.date))].sort();
    if (dates.length > 0) throw new DomainError('STAFF_ON_ROSTER', { staffNo: person.staffNo, dates: dates.join('、') });
  }
}

export interface BookedAppointment {
  category: string;
  date: string;
}

/**
 * A category leaves the hall only once no window serves it, nobody holds one of its tickets and
 * no visit is booked in it for today or a later day (the visitor would come to a category gone).
 * Today's 过号 count too: the visitor may come back and have it reactivated until the day ends,
 * and a reactivated ticket in a category no window calls would wait for nothing. Refusing the
 * removal keeps the visitor's ticket good; refusing the reactivation would turn them away.
 */
function checkCategories(state: HallState, after: HallSetup, booked: readonly BookedAppointment[], today: string): void {
  for (const { code } of state.setup.categories) {
    if (after.categories.some((c) => c.code === code)) continue;
    const windows = after.windows.filter((w) => w.categories.includes(code)).map((w) => w.no);
    if (windows.length > 0) throw new DomainError('CATEGORY_IN_USE', { category: code, windows });
    let waiting = 0;
    for (const ticket of state.tickets.values()) {
      if (ticket.category === code && (ticket.status === 'waiting' || ticket.status === 'called' || ticket.status === 'no_show')) waiting++;
    }
    if (waiting > 0) throw new DomainError('CATEGORY_HAS_WAITING', { category: code, waiting });
    const dates = [...new Set(booked.filter((a) => a.category === code && a.date >= today).map((a) => a.date))].sort();
    if (dates.length > 0) throw new DomainError('CATEGORY_HAS_APPOINTMENTS', { category: code, dates: dates.join('、') });
  }
}

/**
 * The administrators who can sign in to the office: active, with a PIN. A person added without
 * one (their PIN set later, on its own) cannot, so they do not keep the hall administered.
 */
const adminsWithPin = (setup: HallSetup, withPin: ReadonlySet<string>) =>
  setup.staff.filter((s) => s.active && s.roles.includes('admin') && withPin.has(s.staffNo)).length;

/** Why the person signed in at `window` may no longer be there, if they may not. */
function signOutReason(window: WindowStatus, after: HallSetup): SignOutReason | null {
  if (!after.windows.some((w) => w.no === window.no)) return 'window_removed';
  const staff = after.staff.find((s) => s.staffNo === window.staffNo);
  if (!staff?.active) return 'retired';
  if (!staff.windows.includes(window.no)) return 'deauthorised';
  return null;
}

/** Makes `after` the hall's set-up within the command; answers the differences (none: nothing done). */
export function applySetup(draft: Draft, after: HallSetup, by: string, facts: SetupFacts = {}): SetupChange[] {
  const { withPin, booked = [], rostered = [] } = facts;
  const before = draft.state.setup;
  const changes = setupChanges(before, after);
  if (changes.length === 0) return changes;
  checkWindows(draft.state, after);
  checkCategories(draft.state, after, booked, draft.serviceDate);
  checkRetired(before, after, rostered, draft.serviceDate);
  if (withPin !== undefined && adminsWithPin(before, withPin) > 0 && adminsWithPin(after, withPin) === 0) throw new DomainError('LAST_ADMIN');
  const problems = setupProblems(after);
  if (problems.length > 0) throw setupInvalid(problems);

  for (const window of draft.state.windows.values()) {
    if (window.staffNo === null) continue;
    const reason = signOutReason(window, after);
    if (reason === null) continue;
    // A ticket in hand is finished first (a removed window serving one was refused above).
    if (window.currentTicketId !== null) throw new DomainError('STAFF_SERVING', { staffNo: window.staffNo, windowNo: window.no });
    signOutWindow(draft, window, reason);
  }
  draft.putSetup(after);
  for (const change of changes) {
    if (change.part !== 'window') continue;
    const no = Number(change.key);
    if (change.change === 'removed') draft.dropWindow(no);
    // A window back in the hall starts closed, whatever its old row said.
    else if (change.change === 'added') draft.putWindow(closedWindow(no));
  }
  for (const change of changes) {
    const windowNo = change.part === 'window' ? { windowNo: Number(change.key) } : {};
    draft.emit({ type: 'setup.changed', at: draft.now, serviceDate: draft.serviceDate, staffNo: by, ...windowNo, ...change });
  }
  return changes;
}
