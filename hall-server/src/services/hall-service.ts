import {
  dayAfter,
  localDate,
  startOfLocalDate,
  t,
  type AppointmentView,
  type BookAppointmentBody,
  type CallView,
  type CategoryView,
  type CheckInBody,
  type ClientHello,
  type DeviceFault as DeviceFaultView,
  type DeviceStatusBody,
  type Duty,
  type EvaluationReply,
  type EvaluationRequested,
  type EvaluationView,
  type FollowUpView,
  type HeldRatingBody,
  type ReleaseHeldRatingBody,
  type HallReport,
  type RateBody,
  type RosterEntry,
  type RosterReply,
  type HallSnapshot,
  type IssueTicketBody,
  type SignedInStaff,
  type StaffTicketView,
  type TicketProgress,
  type TicketView,
  type WindowSummaryReply,
  type WindowView,
  type HelpRequestView,
  type AdminDeviceBody,
  type Category,
  type HallSettings,
  type HallSetupFile,
  type HallWindow,
  type SetupChangeReply,
  type Staff,
} from '@hall/shared';
import { hashPin } from './pin-hash';
import { randomInt } from 'node:crypto';
import * as domain from '../domain';
import { DomainError, type CommandContext, type FollowUp, type HallState, type Outcome, type Ticket, type TransferTarget, type WindowStatus } from '../domain';
import type { FollowUpSelection } from '../db/evaluation-store';
import type { Db } from '../db/connection';
import type { HallStore } from '../db/hall-store';
import { CommitGroup } from '../db/commit-group';
import { walSyncOf } from '../db/wal-sync';
import { DutyStore } from '../db/duty-store';
import { ReportStore } from '../db/report-store';
import { hallReport } from './hall-report';
import { IdempotencyStore } from '../db/idempotency-store';
import { timeOrderedId } from './time-ordered-id';
import { evaluationRequest, evaluationView, followUpView } from './evaluation-views';
import { appointmentView, callView, categoryViews, deviceFaultViews, helpRequestView, staffOrNumber, staffTicketView, ticketProgress, ticketView, ticketWithAhead, windowView, windowViews } from './views';

// One handler per command: load (the state is kept in memory, loaded once from the database)
// -> domain -> write (rows + event log, in the commit group of this turn of the event loop)
// -> publish once on disk. The only place that writes. better-sqlite3 is synchronous and so is
// every command here, so commands never interleave: two windows calling at the same instant
// are served one after the other.

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** What a committed command changed, for the realtime hub. */
export interface HallChange {
  outcome: Outcome<unknown>;
  /** The hall before the command, and after it. */
  before: HallState;
  state: HallState;
  calls: CallView[];
}

const RECENT_CALLS = 8;

interface AtWindow {
  windowNo: number;
  staffNo: string;
}

export interface IssuedTicketView {
  ticket: TicketView;
  ahead: number;
  estimatedWaitMinutes: number | null;
}

function issuedView(state: HallState, { ticket, ahead, estimatedWaitMinutes }: domain.IssuedTicket): IssuedTicketView {
  return { ticket: ticketView(state, ticket), ahead, estimatedWaitMinutes };
}

export class HallService {
  private state: HallState;
  private recentCalls: CallView[];
  private readonly listeners: ((change: HallChange) => void)[] = [];
  private readonly storageLostListeners: ((error: unknown) => void)[] = [];
  private readonly checkpointFailedListeners: ((error: unknown) => void)[] = [];
  private readonly idempotency: IdempotencyStore;
  private readonly dutyStore: DutyStore;
  private readonly reports: ReportStore;
  private readonly startedAt: number;
  private readonly commits: CommitGroup;
  /** The hall as the open commit group found it, to go back to if the group fails. */
  private beforeGroup: { state: HallState; recentCalls: CallView[] } | null = null;

  constructor(
    db: Db,
    private readonly store: HallStore,
    private readonly clock: Clock = systemClock,
    private readonly newId: () => string = () => timeOrderedId(),
    timezone?: string,
  ) {
    this.idempotency = new IdempotencyStore(db);
    this.dutyStore = new DutyStore(db);
    this.reports = new ReportStore(db);
    this.commits = new CommitGroup(db, {
      opened: () => {
        this.beforeGroup = { state: this.state, recentCalls: this.recentCalls };
      },
      failed: () => {
        if (this.beforeGroup) ({ state: this.state, recentCalls: this.recentCalls } = this.beforeGroup);
        this.idempotency.forget();
      },
      unsynced: (error) => {
        for (const listener of this.storageLostListeners) listener(error);
      },
      checkpointFailed: (error) => {
        for (const listener of this.checkpointFailedListeners) listener(error);
      },
    }, walSyncOf(db));
    const setup = store.loadSetup();
    const settings = timezone ? { ...setup.settings, timezone } : setup.settings;
    this.state = store.loadState({ ...setup, settings });
    this.startedAt = clock.now();
    this.recentCalls =
      this.state.serviceDate === null
        ? []
        : store.recentCalls(this.state.serviceDate, RECENT_CALLS).flatMap((call) => {
            const ticket = this.state.tickets.get(call.ticketId);
            return ticket ? [callView(this.state, call, ticket)] : [];
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

  /** Runs a command: decide, write it all as one unit, then tell the listeners once it is on disk. */
  private run<R>(decide: (state: HallState, ctx: CommandContext) => Outcome<R>, alsoWrite?: (outcome: Outcome<R>, at: number) => void): Outcome<R> {
    const ctx: CommandContext = { now: this.clock.now(), newId: this.newId };
    const before = this.state;
    const outcome = decide(before, ctx);
    if (outcome.events.length === 0 && !alsoWrite) return outcome;
    this.commits.write(() => {
      this.store.save(outcome);
      alsoWrite?.(outcome, ctx.now);
    });
    this.state = outcome.state;
    const calls = this.callsIn(outcome);
    if (outcome.events.some((e) => e.type === 'day.opened')) this.recentCalls = [];
    this.recentCalls = [...calls].reverse().concat(this.recentCalls).slice(0, RECENT_CALLS);
    const change: HallChange = { outcome, before, state: this.state, calls };
    this.commits.afterDurable(() => {
      for (const listener of this.listeners) listener(change);
    });
    return outcome;
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

  private callsIn(outcome: Outcome<unknown>): CallView[] {
    const calls: CallView[] = [];
    for (const event of outcome.events) {
      if (event.type !== 'ticket.called' && event.type !== 'ticket.recalled') continue;
      const ticket = this.state.tickets.get(event.ticketId);
      if (ticket) {
        calls.push(callView(this.state, { ticketId: event.ticketId, windowNo: event.windowNo, at: event.at, recall: event.type === 'ticket.recalled' }, ticket));
      }
    }
    return calls;
  }

  // ---- commands -------------------------------------------------------------------------

  /** 取号. With an idempotency key, a repeated request returns the ticket it already got. */
  issueTicket(body: IssueTicketBody, idempotencyKey?: string): IssuedTicketView & { replayed: boolean } {
    const request = JSON.stringify({ category: body.category, priority: body.priority ?? false });
    return this.issueOnce(idempotencyKey, request, () =>
      this.run(
        (state, ctx) => domain.issueTicket(state, { category: body.category, priority: body.priority ? 'green_channel' : null }, ctx),
        this.rememberKey(idempotencyKey, request),
      ).result,
    );
  }

  /** A request that issues a ticket, at most once per idempotency key. */
  private issueOnce(key: string | undefined, request: string, issue: () => domain.IssuedTicket): IssuedTicketView & { replayed: boolean } {
    const known = key === undefined ? null : this.idempotency.lookup(this.state.serviceDate, key);
    if (known) {
      if (known.request !== request) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      const ticket = this.state.tickets.get(known.ticketId) ?? this.store.ticket(known.ticketId);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      const { ahead } = ticketWithAhead(this.state, ticket);
      return { ...issuedView(this.state, { ticket, ahead, estimatedWaitMinutes: domain.estimatedWaitMinutes(this.state, ticket, this.clock.now()) }), replayed: true };
    }
    return { ...issuedView(this.state, issue()), replayed: false };
  }

  /** Writes the key with the ticket, in the same transaction. */
  private rememberKey(key: string | undefined, request: string) {
    return (outcome: Outcome<domain.IssuedTicket>) => {
      const { ticket } = outcome.result;
      if (key !== undefined) this.idempotency.remember(ticket.serviceDate, key, request, ticket.id);
    };
  }

  /** 预约: a staff member books a visit; the code is 6 random digits, unique on its day. */
  bookAppointment(body: BookAppointmentBody, staffNo: string): AppointmentView {
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.store.isAppointmentCodeTaken(body.date, code));
    const outcome = this.run((s, ctx) =>
      domain.bookAppointment(s, { code, category: body.category, date: body.date, name: body.name ?? null, phone: body.phone ?? null, staffNo }, ctx),
    );
    return appointmentView(this.state, outcome.result);
  }

  /** 预约签到 at the kiosk; a retried request with the same key gets the same ticket. */
  checkIn(body: CheckInBody, idempotencyKey?: string): IssuedTicketView & { replayed: boolean } {
    const request = JSON.stringify({ checkIn: body.code });
    return this.issueOnce(idempotencyKey, request, () =>
      this.run(
        (s, ctx) => domain.checkInAppointment(s, this.store.appointmentByCode(body.code, localDate(ctx.now, s.setup.settings.timezone)), ctx),
        this.rememberKey(idempotencyKey, request),
      ).result,
    );
  }

  /** 补打, once the caller has checked the staff member's PIN. */
  recordReprint(command: { number: string; staffNo: string; deviceId: string }): IssuedTicketView {
    return issuedView(this.state, this.run((s, ctx) => domain.recordReprint(s, command, ctx)).result);
  }

  callNext(at: AtWindow): Ticket {
    return this.run((s, ctx) => domain.callNext(s, at, ctx)).result;
  }
  callNumber(at: AtWindow, number: string): Ticket {
    return this.run((s, ctx) => domain.callNumber(s, { ...at, number }, ctx)).result;
  }
  recall(at: AtWindow): Ticket {
    return this.run((s, ctx) => domain.recall(s, at, ctx)).result;
  }
  markNoShow(at: AtWindow): Ticket {
    return this.run((s, ctx) => domain.markNoShow(s, at, ctx)).result;
  }
  finish(at: AtWindow, caseNo: string | null): Ticket {
    return this.run((s, ctx) => domain.finish(s, { ...at, caseNo }, ctx)).result;
  }
  transfer(at: AtWindow, target: TransferTarget, note: string | null): Ticket {
    return this.run((s, ctx) => domain.transfer(s, { ...at, target, note }, ctx)).result;
  }
  undoNoShow(at: AtWindow, number: string): Ticket {
    return this.run((s, ctx) => domain.undoNoShow(s, { ...at, number }, ctx)).result;
  }
  reactivate(at: AtWindow, number: string): Ticket {
    return this.run((s, ctx) => domain.reactivate(s, { ...at, number }, ctx)).result;
  }
  pause(at: AtWindow, reason: string, until: string | null): WindowStatus {
    return this.run((s, ctx) => domain.pause(s, { ...at, reason, until }, ctx)).result;
  }
  resume(at: AtWindow): WindowStatus {
    return this.run((s, ctx) => domain.resume(s, at, ctx)).result;
  }
  extendService(at: AtWindow): WindowStatus {
    return this.run((s, ctx) => domain.extendService(s, at, ctx)).result;
  }
  /** `alsoWrite` lets the session store open the staff session in the same transaction. */
  signIn(at: AtWindow, alsoWrite: (at: number) => void): WindowStatus {
    return this.run((s, ctx) => domain.signIn(s, at, ctx), (_o, now) => alsoWrite(now)).result;
  }
  signOut(at: AtWindow, alsoWrite: (at: number) => void): WindowStatus {
    return this.run((s, ctx) => domain.signOut(s, at, ctx), (_o, now) => alsoWrite(now)).result;
  }
  /** A machine's report of a fault, or of working again; the message defaults to the fault's name. */
  reportDeviceStatus(deviceId: string, body: DeviceStatusBody): void {
    const message = body.message ?? (body.fault === null ? '' : t('zh-CN', `device.fault.${body.fault}`));
    this.run((s, ctx) => domain.reportDeviceStatus(s, { deviceId, part: body.part, fault: body.fault, message }, ctx));
  }
  deviceFaults(): DeviceFaultView[] {
    return deviceFaultViews(this.state);
  }
  /** 呼叫导服员 from a kiosk; asking again before anyone came is the same request. */
  requestHelp(deviceId: string): HelpRequestView {
    return helpRequestView(this.state, this.run((s, ctx) => domain.requestHelp(s, { deviceId }, ctx)).result);
  }
  /** 已处理, by a guide or the duty captain. */
  handleHelpRequest(id: string, staffNo: string): HelpRequestView {
    return helpRequestView(this.state, this.run((s, ctx) => domain.handleHelpRequest(s, { id, staffNo }, ctx)).result);
  }
  helpRequests(): HelpRequestView[] {
    return domain.openHelpRequests(this.state).map((h) => helpRequestView(this.state, h));
  }

  // ---- 好差评 and 整改 ----------------------------------------------------------------------

  /** A rating from a pad (with its device id: only its own window's tickets) or a phone page. */
  rate(body: RateBody, deviceId: string | undefined): EvaluationView {
    const pad = deviceId === undefined ? null : this.registeredPad(deviceId);
    this.refuseEarlierDay(body.ticketId);
    const command = ratingCommand(body, pad);
    return evaluationView(this.state, this.run((s, ctx) => domain.rate(s, command, ctx)).result.evaluation);
  }
  /** A pad's touch once a poor level is chosen: kept, and the pad asks on from now. */
  holdRating(body: HeldRatingBody, deviceId: string): EvaluationRequested {
    const pad = this.registeredPad(deviceId);
    this.refuseEarlierDay(body.ticketId);
    const command = ratingCommand(body, pad);
    const held = this.run((s, ctx) => domain.holdRating(s, command, ctx)).result;
    return evaluationRequest(this.state, held, this.clock.now());
  }
  /** A pad's 返回 from the reasons: the poor level is no longer held. */
  releaseHeldRating(body: ReleaseHeldRatingBody, deviceId: string): EvaluationRequested {
    const command = { ticketId: body.ticketId, pad: this.registeredPad(deviceId) };
    this.refuseEarlierDay(body.ticketId);
    const released = this.run((s, ctx) => domain.releaseHeldRating(s, command, ctx)).result;
    return evaluationRequest(this.state, released, this.clock.now());
  }
  private registeredPad(deviceId: string): { deviceId: string; windowNo: number } {
    const pad = this.state.setup.pads?.find((p) => p.deviceId === deviceId);
    if (!pad) throw new DomainError('DEVICE_NOT_REGISTERED', { deviceId });
    return { deviceId, windowNo: pad.windowNo };
  }
  /** A ticket of an earlier service day: its time to be rated is over. */
  private refuseEarlierDay(ticketId: string): void {
    if (this.state.tickets.has(ticketId)) return;
    const earlier = this.store.evaluations.evaluation(ticketId);
    if (earlier?.status === 'rated') throw new DomainError('ALREADY_RATED', { number: earlier.number });
    if (earlier || this.store.ticket(ticketId)) throw new DomainError('EVALUATION_CLOSED');
  }
  /** 请评价 from the console; answers the ticket the pad now asks about. */
  requestEvaluation(at: AtWindow): Ticket {
    const { ticketId } = this.run((s, ctx) => domain.requestEvaluation(s, at, ctx)).result;
    const ticket = this.state.tickets.get(ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId });
    return ticket;
  }
  /** Pads left unanswered past their time: those tickets become 未评价. */
  closeUnansweredEvaluations(): void {
    this.run((s, ctx) => domain.closeUnansweredEvaluations(s, ctx));
  }
  /** A ticket's rating, and until when the phone page may still give one. */
  evaluation(ticketId: string): EvaluationReply {
    const live = this.state.evaluations.get(ticketId);
    const evaluation = live ?? this.store.evaluations.evaluation(ticketId);
    if (!evaluation && !this.state.tickets.has(ticketId) && !this.store.ticket(ticketId)) throw new DomainError('TICKET_NOT_FOUND', { ticketId });
    const open = live !== undefined && live.status !== 'rated';
    const { timezone } = this.state.setup.settings;
    return {
      evaluation: evaluation ? evaluationView(this.state, evaluation) : null,
      phoneRatingUntil: open ? new Date(startOfLocalDate(dayAfter(live.serviceDate), timezone)).toISOString() : null,
    };
  }
  /** What a window's pad is asking about right now, for a pad or console that (re)connects. */
  pendingEvaluation(windowNo: number): EvaluationRequested | null {
    for (const evaluation of this.state.evaluations.values()) {
      if (evaluation.windowNo === windowNo && evaluation.status === 'pending') return evaluationRequest(this.state, evaluation, this.clock.now());
    }
    return null;
  }
  followUps(selection: Omit<FollowUpSelection, 'today'>): FollowUpView[] {
    const today = this.today();
    return this.store.evaluations.followUps({ ...selection, today }).map((f) => followUpView(this.state, f, today));
  }
  followUpView(followUp: FollowUp): FollowUpView {
    return followUpView(this.state, followUp, this.today());
  }
  /** The call-back to the visitor, or the fix, recorded by a duty captain or administrator. */
  recordFollowUpStep(id: string, step: 'callback' | 'fix', staffNo: string, note: string): FollowUpView {
    const followUp = this.store.evaluations.followUp(id);
    return this.followUpView(this.run((s, ctx) => domain.recordFollowUpStep(s, followUp, { step, staffNo, note }, ctx)).result);
  }
  /** The hall's figures over service days `from`..`to`. */
  report(from: string, to: string): HallReport {
    const names = {
      windowName: (no: number) => this.state.setup.windows.find((w) => w.no === no)?.name ?? this.store.setup.windowName(no) ?? String(no),
      staff: (staffNo: string) => staffOrNumber(this.state, staffNo),
    };
    return hallReport(from, to, this.reports.counts(from, to, this.today()), names);
  }
  /** The hall's local date now. */
  today(): string {
    return localDate(this.clock.now(), this.state.setup.settings.timezone);
  }

  /** Replaces a day's duty roster; `by` is a duty captain or administrator whose PIN was checked. */
  changeRoster(date: string, entries: readonly RosterEntry[], by: string): RosterReply {
    this.run(
      (s, ctx) => domain.changeRoster(s, { date, entries, by }, ctx),
      () => this.dutyStore.replaceRoster(date, entries),
    );
    return this.roster(date);
  }
  roster(date: string): RosterReply {
    const entries = domain.rosterOf(this.state, date, this.dutyStore.roster(date));
    return { date, entries: entries.map((e) => ({ ...e, name: staffOrNumber(this.state, e.staffNo).name })) };
  }
  /** Who is on duty now: today's 值班长 and the 导服员 of the current shift. */
  duty(): Duty {
    const now = this.clock.now();
    const today = this.today();
    const onDuty = domain.onDuty(this.state, domain.rosterOf(this.state, today, this.dutyStore.roster(today)), now);
    const person = (staffNo: string) => staffOrNumber(this.state, staffNo);
    return { captain: onDuty.captain === null ? null : person(onDuty.captain), guides: onDuty.guides.map(person) };
  }
  changeNotice(text: string, by: string): string {
    return this.run(
      (s, ctx) => domain.changeNotice(s, { text, by }, ctx),
      (outcome, at) => this.dutyStore.saveNotice(outcome.result, at, by),
    ).result;
  }
  get notice(): string {
    return this.state.notice;
  }

  // ---- the set-up (the admin console) ----------------------------------------------------

  /** The whole set-up as exported (no PINs). */
  setupFile(): HallSetupFile {
    return domain.setupFile(this.state.setup);
  }
  setWindow(by: string, window: HallWindow): HallWindow {
    return this.run((s, ctx) => domain.setWindow(s, { by, window }, ctx)).result;
  }
  removeWindow(by: string, windowNo: number): void {
    this.run((s, ctx) => domain.removeWindow(s, { by, windowNo }, ctx));
  }
  setCategory(by: string, category: Category): Category {
    return this.run((s, ctx) => domain.setCategory(s, { by, category }, ctx)).result;
  }
  removeCategory(by: string, code: string): void {
    this.run((s, ctx) => domain.removeCategory(s, { by, code }, ctx));
  }
  setStaff(by: string, staff: Staff): Staff {
    return this.run((s, ctx) => domain.setStaff(s, { by, staff }, ctx)).result;
  }
  setSettings(by: string, settings: HallSettings): HallSettings {
    return this.run((s, ctx) => domain.setSettings(s, { by, settings }, ctx)).result;
  }
  setDevice(by: string, deviceId: string, device: AdminDeviceBody): domain.SetupDevice {
    return this.run((s, ctx) => domain.setDevice(s, { by, deviceId, device }, ctx)).result;
  }
  removeDevice(by: string, deviceId: string): void {
    this.run((s, ctx) => domain.removeDevice(s, { by, deviceId }, ctx));
  }
  /** A PIN set by an administrator: hashed first (scrypt is slow), written with the command. */
  async resetPin(by: string, staffNo: string, pin: string): Promise<void> {
    const pinHash = await hashPin(pin);
    this.run((s, ctx) => domain.resetPin(s, { by, staffNo, pin }, ctx), () => this.store.setup.setPinHash(staffNo, pinHash));
  }
  /** The whole set-up replaced, or with `dryRun` only the differences it would make. */
  async replaceSetup(by: string, input: unknown, dryRun: boolean): Promise<SetupChangeReply> {
    const file = domain.parseSetupFile(input);
    const decide = (s: HallState, ctx: CommandContext) => domain.replaceSetup(s, { by, file }, ctx);
    if (dryRun) return { dryRun, changes: decide(this.state, { now: this.clock.now(), newId: this.newId }).result.changes };
    const hashes = new Map(await Promise.all(file.staff.flatMap((s) => (s.pin === undefined ? [] : [hashPin(s.pin).then((hash) => [s.staffNo, hash] as const)]))));
    const outcome = this.run(decide, ({ result }) => {
      for (const staffNo of result.firstPins) this.store.setup.setPinHash(staffNo, hashes.get(staffNo)!);
    });
    return { dryRun, changes: outcome.result.changes };
  }

  /** Turns the service day over when it is due, so screens are current even when nobody acts. */
  openServiceDayIfDue(): void {
    this.run((s, ctx) => domain.openServiceDay(s, ctx));
  }

  // ---- queries ---------------------------------------------------------------------------

  get hallName(): string {
    return this.state.setup.settings.name;
  }
  get serviceDate(): string | null {
    return this.state.serviceDate;
  }
  /** The service day being numbered, or today's date before the first ticket ever. */
  serviceDateNow(): string {
    return this.state.serviceDate ?? localDate(this.clock.now(), this.state.setup.settings.timezone);
  }
  get uptimeMs(): number {
    return this.clock.now() - this.startedAt;
  }
  now(): number {
    return this.clock.now();
  }
  categories(): CategoryView[] {
    return categoryViews(this.state);
  }
  windows(): WindowView[] {
    return windowViews(this.state);
  }
  staff(staffNo: string): SignedInStaff {
    const staff = this.state.setup.staff.find((s) => s.staffNo === staffNo);
    if (!staff?.active) throw new DomainError('INVALID_CREDENTIALS');
    return { staffNo: staff.staffNo, name: staff.name, roles: staff.roles };
  }
  window(no: number): WindowView {
    domain.windowStatus(this.state, no);
    return windowView(this.state, no);
  }
  /** A window's console: the ticket in hand, who is waiting for it, its day so far. */
  windowSummary(no: number): WindowSummaryReply {
    const window = this.window(no);
    const day = domain.windowDay(this.state, no, this.clock.now());
    const current = window.servingTicketId === null ? undefined : this.state.tickets.get(window.servingTicketId);
    return {
      window,
      current: current ? staffTicketView(this.state, current) : null,
      queue: day.queue.map((t) => staffTicketView(this.state, t)),
      noShows: day.noShows.map((t) => staffTicketView(this.state, t)),
      waiting: day.waiting,
      sentHere: day.sentHere,
      servedToday: day.servedToday,
      averageHandlingMinutes: day.averageHandlingMs === null ? null : Math.round(day.averageHandlingMs / 6_000) / 10,
    };
  }
  ticketView(ticket: Ticket): TicketView {
    return ticketView(this.state, ticket);
  }
  /** A ticket with its transfer origin and note, for the window staff only. */
  staffTicketView(ticket: Ticket): StaffTicketView {
    return staffTicketView(this.state, ticket);
  }
  /** A ticket of today or any earlier day. */
  ticket(id: string): TicketProgress {
    const ticket = this.state.tickets.get(id) ?? this.store.ticket(id);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND', { ticketId: id });
    return ticketProgress(this.state, ticket, this.clock.now());
  }
  /** The whole hall for a (re)connecting client; null: for every screen in the hall. */
  snapshot(hello: ClientHello | null): HallSnapshot {
    // Phones are anyone's: the kiosks' device ids and who handled which help request stay in the hall.
    const inHall = hello?.client !== 'phone';
    let ticket: HallSnapshot['ticket'] = null;
    if (hello?.ticketId) {
      const found = this.state.tickets.get(hello.ticketId) ?? this.store.ticket(hello.ticketId);
      if (found) ticket = ticketProgress(this.state, found, this.clock.now());
    }
    return {
      hall: this.hallName,
      timezone: this.state.setup.settings.timezone,
      openingHours: this.state.setup.settings.openingHours,
      serviceDate: this.serviceDateNow(),
      categories: categoryViews(this.state).map(({ code, waiting }) => ({ code, waiting })),
      windows: windowViews(this.state),
      recentCalls: this.recentCalls,
      ticket,
      deviceFaults: deviceFaultViews(this.state),
      duty: this.duty(),
      notice: this.notice,
      evaluation: hello?.windowNo !== undefined && (hello.client === 'pad' || hello.client === 'console') ? this.pendingEvaluation(hello.windowNo) : null,
      supervisionPhone: this.state.setup.settings.supervisionPhone ?? null,
      at: new Date(this.clock.now()).toISOString(),
      unattendedTickets: this.state.setup.settings.unattendedTickets,
      kiosks: inHall ? [...(this.state.setup.kiosks ?? [])] : [],
      helpRequests: inHall ? this.helpRequests() : [],
      setupVersion: domain.setupVersion(this.state.setup),
    };
  }
}

/** What a pad or phone sent, as the domain's rating and hold commands take it. */
function ratingCommand<P>(body: RateBody | HeldRatingBody, pad: P) {
  return {
    ticketId: body.ticketId,
    level: body.level,
    reasons: body.reasons ?? [],
    comment: body.comment || null,
    callbackPhone: body.callbackPhone ?? null,
    pad,
  };
}
