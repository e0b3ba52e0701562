import type { HallEvent } from './events';
import type { EnrolledDevice } from '@hall/shared';
import type { Appointment, CommandContext, Evaluation, FollowUp, HallSetup, HallState, Ticket, WindowStatus } from './types';

/** What a command decided: the new state, the facts to log, and the rows it changed. */
export interface Outcome<R> {
  state: HallState;
  events: HallEvent[];
  tickets: Ticket[];
  windows: WindowStatus[];
  /** Appointments are not kept in the hall state (most are for other days): only written. */
  appointments: Appointment[];
  evaluations: Evaluation[];
  /** Follow-ups span many days, so they too are only written. */
  followUps: FollowUp[];
  /** The set-up as a set-up command left it, to write (the parts its `setup.changed` events name). */
  setup: HallSetup | null;
  /** Devices enrolled, changed or revoked: what each is now (the credential's own row is the runtime's to write). */
  devices: DeviceChange[];
  result: R;
}

export interface DeviceChange {
  device: EnrolledDevice;
  revoked: boolean;
}

/** Collects one command's changes. Never mutates the state it started from. */
export class Draft {
  readonly events: HallEvent[] = [];
  private readonly tickets = new Map<string, Ticket>();
  private readonly windows = new Map<number, WindowStatus>();
  private readonly appointments = new Map<string, Appointment>();
  private readonly evaluations = new Map<string, Evaluation>();
  private readonly followUps = new Map<string, FollowUp>();
  private setup: HallSetup | null = null;
  private readonly devices = new Map<string, DeviceChange>();

  constructor(
    public state: HallState,
    readonly ctx: CommandContext,
  ) {}

  get now(): number {
    return this.ctx.now;
  }

  /** The service date every event of this command belongs to. */
  get serviceDate(): string {
    if (this.state.serviceDate === null) throw new Error('service day not opened');
    return this.state.serviceDate;
  }

  putTicket(ticket: Ticket): void {
    this.state = { ...this.state, tickets: this.state.tickets.with(ticket) };
    this.tickets.set(ticket.id, ticket);
  }

  /** A row to write for a ticket the state no longer holds (the old day's leftovers). */
  writeOnly(ticket: Ticket): void {
    this.tickets.set(ticket.id, ticket);
  }

  putWindow(window: WindowStatus): void {
    const windows = new Map(this.state.windows);
    windows.set(window.no, window);
    this.state = { ...this.state, windows };
    this.windows.set(window.no, window);
  }

  writeAppointment(appointment: Appointment): void {
    this.appointments.set(appointment.id, appointment);
  }

  putEvaluation(evaluation: Evaluation): void {
    const evaluations = new Map(this.state.evaluations);
    evaluations.set(evaluation.ticketId, evaluation);
    this.state = { ...this.state, evaluations };
    this.evaluations.set(evaluation.ticketId, evaluation);
  }

  /** A row to write for an evaluation of the old day, which the state no longer holds. */
  writeEvaluationOnly(evaluation: Evaluation): void {
    this.evaluations.set(evaluation.ticketId, evaluation);
  }

  writeFollowUp(followUp: FollowUp): void {
    this.followUps.set(followUp.id, followUp);
  }

  /** A window taken out of the hall: the state forgets it (its row stays, for the record). */
  dropWindow(no: number): void {
    const windows = new Map(this.state.windows);
    windows.delete(no);
    this.state = { ...this.state, windows };
  }

  putSetup(setup: HallSetup): void {
    this.state = { ...this.state, setup };
    this.setup = setup;
  }

  putDevice(device: EnrolledDevice): void {
    this.state = { ...this.state, devices: new Map(this.state.devices).set(device.id, device) };
    this.devices.set(device.id, { device, revoked: false });
  }

  dropDevice(device: EnrolledDevice): void {
    const devices = new Map(this.state.devices);
    devices.delete(device.id);
    this.state = { ...this.state, devices };
    this.devices.set(device.id, { device, revoked: true });
  }

  emit(event: HallEvent): void {
    this.events.push(event);
  }

  done<R>(result: R): Outcome<R> {
    return {
      state: this.state,
      events: this.events,
      tickets: [...this.tickets.values()],
      windows: [...this.windows.values()],
      appointments: [...this.appointments.values()],
      evaluations: [...this.evaluations.values()],
      followUps: [...this.followUps.values()],
      setup: this.setup,
      devices: [...this.devices.values()],
      result,
    };
  }
}
