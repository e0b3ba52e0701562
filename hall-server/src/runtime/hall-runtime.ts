import { localDate, type CallView } from '@hall/shared';
import { DomainError, quietFrom, type CommandContext, type HallState, type Outcome } from '../domain';
import { CommitGroup } from '../db/commit-group';
import type { Db } from '../db/connection';
import { DutyStore } from '../db/duty-store';
import { HallStore, type StoredCall } from '../db/hall-store';
import { IdempotencyStore } from '../db/idempotency-store';
import { LeaderDutyStore } from '../db/leader-duty-store';
import { OnsiteStore } from '../db/onsite-store';
import { OfficeSessionStore } from '../db/office-session-store';
import { ReportDayStore } from '../db/report-day-store';
import { RatingsExportStore } from '../db/ratings-export-store';
import { WindowTimesStore } from '../db/window-times-store';
import { ReportStore } from '../db/report-store';
import { SessionStore } from '../db/session-store';
import { SpanReportStore } from '../db/span-report-store';
import { walSyncOf } from '../db/wal-sync';
import { callView } from '../services/views';
import { timeOrderedId } from '../services/time-ordered-id';
import { lastRecordedAt } from '../db/last-record';
import { HallClock, systemClockSources, type Clock, type ClockNotice, type ClockSources } from './hall-clock';
import { HeldSettings } from './held-settings';
import { guardedDb } from './write-guard';

// The one owner of the hall's state and the only writer of its database. A command is a
// decision of the pure domain (state + command + clock -> state + events), written with its rows
// and events in the commit group of this turn of the event loop, and published once on disk.
// The command and query modules (commands/, queries/) are functions of this runtime; the stores
// it holds write only inside `run` or `write` (write-guard.ts). better-sqlite3 is synchronous and
// so is every command, so commands never interleave: two windows calling at the same instant
// are served one after the other.

export type { Clock } from './hall-clock';

/** What a committed command changed, for the realtime hub. */
export interface HallChange {
  outcome: Outcome<unknown>;
  /** The hall before the command, and after it. */
  before: HallState;
  state: HallState;
  calls: CallView[];
}

const RECENT_CALLS = 8;

/** The events of commands that can end a session or a device's credential (or move it to another window). */
const CREDENTIAL_EVENTS: ReadonlySet<string> = new Set(['window.signed_in', 'window.signed_out', 'staff.pin_reset', 'staff.pin_changed', 'setup.changed', 'device.enrolled', 'device.revoked']);

export interface RuntimeOptions {
  /** The hall's time as it is to be (tests, the year's generator): the rule of hall-clock.ts does not apply to it. */
  clock?: Clock;
  /** Otherwise the hall keeps its own time by these clocks (hall-clock.ts): the PC's, unless a test's. */
  clockSources?: ClockSources;
  /** Told when the PC's clock steps and when the hall's time is back on it (the log). */
  onClockNotice?: (notice: ClockNotice) => void;
  newId?: () => string;
  /** The hall's time zone, over the set-up's (HALL_TZ). */
  timezone?: string;
}

export class HallRuntime {
  readonly clock: Clock;
  readonly newId: () => string;
  /** Every store, on the guarded database: they write only inside `run` or `write`. */
  readonly stores: {
    hall: HallStore;
    duty: DutyStore;
    idempotency: IdempotencyStore;
    reports: ReportStore;
    ratingsExport: RatingsExportStore;
    spanReports: SpanReportStore;
    reportDays: ReportDayStore;
    sessions: SessionStore;
    officeSessions: OfficeSessionStore;
    /** Since when each window is in its state (the office's live view, issue 16). */
    windowTimes: WindowTimesStore;
    leaderDuty: LeaderDutyStore;
    onsite: OnsiteStore;
  };
  readonly startedAt: number;
  private current: HallState;
  /** The day's latest calls, newest first: raw, so a renamed window shows its new name. */
  private calls: StoredCall[];
  /** True only while the runtime writes: the stores' writes are refused otherwise. */
  private writing = false;
  private readonly listeners: ((change: HallChange) => void)[] = [];
  private readonly credentialListeners: (() => void)[] = [];
  private readonly storageLostListeners: ((error: unknown) => void)[] = [];
  private readonly checkpointFailedListeners: ((error: unknown) => void)[] = [];
  private readonly publishFailedListeners: ((error: unknown) => void)[] = [];
  private readonly commits: CommitGroup;
  /** The hall as the open commit group found it, to go back to if the group fails. */
  private beforeGroup: { state: HallState; recentCalls: StoredCall[]; storedTimezone: string } | null = null;
  /** The settings no command moves (demo) or writes (HALL_TZ). */
  private readonly held: HeldSettings;

  constructor(db: Db, options: RuntimeOptions = {}) {
    this.clock =
      options.clock ??
      new HallClock(options.clockSources ?? systemClockSources, {
        floor: lastRecordedAt(db),
        quietFrom: () => quietFrom(this.current),
        notice: options.onClockNotice ?? (() => undefined),
      });
    this.newId = options.newId ?? (() => timeOrderedId());
    const guarded = guardedDb(db, () => this.writing);
    this.stores = {
      hall: new HallStore(guarded),
      duty: new DutyStore(guarded),
      idempotency: new IdempotencyStore(guarded),
      reports: new ReportStore(guarded),
      ratingsExport: new RatingsExportStore(guarded),
      spanReports: new SpanReportStore(guarded),
      reportDays: new ReportDayStore(guarded),
      sessions: new SessionStore(guarded),
      officeSessions: new OfficeSessionStore(guarded),
      windowTimes: new WindowTimesStore(guarded),
      leaderDuty: new LeaderDutyStore(guarded),
      onsite: new OnsiteStore(guarded),
    };
    this.commits = new CommitGroup(db, {
      opened: () => {
        this.beforeGroup = { state: this.current, recentCalls: this.calls, storedTimezone: this.held.storedTimezone };
      },
      failed: () => {
        if (this.beforeGroup) ({ state: this.current, recentCalls: this.calls, storedTimezone: this.held.storedTimezone } = this.beforeGroup);
        this.stores.idempotency.forget();
      },
      unsynced: (error) => {
        for (const listener of this.storageLostListeners) listener(error);
      },
      checkpointFailed: (error) => {
        for (const listener of this.checkpointFailedListeners) listener(error);
      },
      publishFailed: (error) => {
        for (const listener of this.publishFailedListeners) listener(error);
      },
    }, walSyncOf(db));
    const store = this.stores.hall;
    const setup = store.loadSetup();
    this.held = new HeldSettings(setup.settings.demo, setup.settings.timezone, options.timezone);
    this.current = store.loadState({ ...setup, settings: this.held.inForce(setup.settings) });
    this.startedAt = this.clock.now();
    const state = this.current;
    this.calls = state.serviceDate === null ? [] : store.recentCalls(state.serviceDate, RECENT_CALLS);
  }

  /** The hall as the last command left it. */
  get state(): HallState {
    return this.current;
  }

  /** The set-up as stored: without HALL_TZ laid over it (the export must not carry it into an import). */
  get storedSetup(): HallState['setup'] {
    const { setup } = this.current;
    return { ...setup, settings: { ...setup.settings, timezone: this.held.storedTimezone } };
  }

  /** The day's latest calls, newest first, as the hall's set-up names them now. */
  get recentCalls(): CallView[] {
    return callViews(this.current, this.calls);
  }

  now(): number {
    return this.clock.now();
  }

  /** The hall's local date now. */
  today(): string {
    return localDate(this.clock.now(), this.current.setup.settings.timezone);
  }

  /**
   * Runs a command: decide, write it all as one unit (its outcome and `alsoWrite`, the rows the
   * hall's state does not hold, such as a roster or a session), then tell the listeners once it
   * is on disk. A decision with no event and nothing else to write writes nothing.
   */
  run<R>(decide: (state: HallState, ctx: CommandContext) => Outcome<R>, alsoWrite?: (outcome: Outcome<R>, at: number) => void): Outcome<R> {
    const ctx: CommandContext = { now: this.clock.now(), newId: this.newId };
    const before = this.current;
    const outcome = decide(before, ctx);
    if (outcome.events.length === 0 && !alsoWrite) return outcome;
    const { toSave, state } = this.held.apply(outcome);
    this.inWrite(() => {
      this.stores.hall.save(toSave);
      alsoWrite?.(outcome, ctx.now);
    });
    this.current = state;
    const called = callsIn(outcome);
    if (outcome.events.some((e) => e.type === 'day.opened')) this.calls = [];
    this.calls = [...called].reverse().concat(this.calls).slice(0, RECENT_CALLS);
    const change: HallChange = { outcome, before, state: this.current, calls: callViews(this.current, called) };
    this.commits.afterDurable(() => {
      for (const listener of this.listeners) listener(change);
    });
    if (outcome.events.some((e) => CREDENTIAL_EVENTS.has(e.type))) this.credentialsEnded();
    return outcome;
  }

  /**
   * A session or a device credential may have ended (a logout, an idle session, a command of
   * CREDENTIAL_EVENTS): the listeners (the hub, closing such sockets) hear of it in the same
   * turn, before anything written after it is published.
   */
  credentialsEnded(): void {
    for (const listener of this.credentialListeners) listener();
  }

  onCredentialsEnded(listener: () => void): void {
    this.credentialListeners.push(listener);
  }

  /**
   * Writes rows that are no part of the hall's state (a session opened, touched or ended) in the
   * commit group, like a command's: replies wait for the disk, a failed group takes them back.
   */
  write<T>(write: (at: number) => T): T {
    const at = this.clock.now();
    return this.inWrite(() => write(at));
  }

  private inWrite<T>(write: () => T): T {
    return this.commits.write(() => {
      const was = this.writing;
      this.writing = true;
      try {
        return write();
      } finally {
        this.writing = was;
      }
    });
  }

  onChange(listener: (change: HallChange) => void): void {
    this.listeners.push(listener);
  }

  /** Committed writes could not be made durable: the server must start again from the disk. */
  onStorageLost(listener: (error: unknown) => void): void {
    this.storageLostListeners.push(listener);
  }

  /** The log could not be moved into the database file (the disk is failing or full). */
  onCheckpointFailed(listener: (error: unknown) => void): void {
    this.checkpointFailedListeners.push(listener);
  }

  /** Telling the screens of a change on disk threw (a bug): the hall goes on serving. */
  onPublishFailed(listener: (error: unknown) => void): void {
    this.publishFailedListeners.push(listener);
  }

  /**
   * Settles once every write made so far is on disk. Nothing is told to anyone before: the HTTP
   * layer waits for it before every reply.
   */
  async durable(): Promise<void> {
    try {
      await this.commits.durable();
    } catch (error) {
      throw new DomainError('NOT_SAVED', undefined, error);
    }
  }

  /** Runs `then` once every write made so far is on disk (at once if none waits). */
  afterDurable(then: () => void): void {
    this.commits.afterDurable(then);
  }

  /** Commits what is still open and waits for the disk (the year's generator, between its days). */
  async flush(): Promise<void> {
    this.commits.flush();
    await this.commits.durable().catch(() => undefined);
  }

  /** Commits what is still open, waits for the disk and lets go of the log, before the database closes. */
  close(): Promise<void> {
    return this.commits.close();
  }
}

/** The calls and recalls a command made, in order. */
function callsIn(outcome: Outcome<unknown>): StoredCall[] {
  return outcome.events.flatMap((event) =>
    event.type === 'ticket.called' || event.type === 'ticket.recalled'
      ? [{ ticketId: event.ticketId, windowNo: event.windowNo, at: event.at, recall: event.type === 'ticket.recalled' }]
      : [],
  );
}

function callViews(state: HallState, calls: StoredCall[]): CallView[] {
  return calls.flatMap((call) => {
    const ticket = state.tickets.get(call.ticketId);
    return ticket ? [callView(state, call, ticket)] : [];
  });
}
