import type { PriorityKind, TicketStatus, WindowState } from '@hall/shared';
import { closedWindow, TicketBook, type Appointment, type HallEvent, type HallSetup, type HallState, type Outcome, type Ticket, type WindowStatus } from '../domain';
import type { Db } from './connection';
import { EvaluationStore } from './evaluation-store';
import { helpRequestsOfDay } from './help-request-log';
import { DeviceStore } from './device-store';
import { DeviceFaultStore } from './device-fault-store';
import { SetupStore } from './setup-store';

// Reads the hall from SQLite and writes what commands decided. It never decides anything.

interface TicketRow {
  id: string;
  secret: string | null;
  service_date: string;
  number: string;
  seq: number;
  category: string;
  status: TicketStatus;
  priority: PriorityKind | null;
  issued_at: number;
  target_window_no: number | null;
  window_no: number | null;
  called_at: number | null;
  finished_at: number | null;
  reactivated_at: number | null;
  case_no: string | null;
  item_code: string | null;
  transfer_from_window: number | null;
  transfer_from_category: string | null;
  transfer_note: string | null;
  transferred_at: number | null;
}

interface WindowStatusRow {
  window_no: number;
  state: WindowState;
  pause_reason: string | null;
  pause_until: number | null;
  staff_no: string | null;
  current_ticket_id: string | null;
  priority_streak: number;
  extended_service_date: string | null;
  last_no_show_ticket_id: string | null;
  last_no_show_at: number | null;
}

export interface StoredCall {
  ticketId: string;
  windowNo: number;
  at: number;
  recall: boolean;
}

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    secret: row.secret,
    number: row.number,
    category: row.category,
    seq: row.seq,
    serviceDate: row.service_date,
    status: row.status,
    priority: row.priority,
    issuedAt: row.issued_at,
    targetWindowNo: row.target_window_no,
    windowNo: row.window_no,
    calledAt: row.called_at,
    finishedAt: row.finished_at,
    reactivatedAt: row.reactivated_at,
    caseNo: row.case_no,
    itemCode: row.item_code,
    transfer:
      row.transfer_from_window === null || row.transfer_from_category === null || row.transferred_at === null
        ? null
        : { fromWindowNo: row.transfer_from_window, fromCategory: row.transfer_from_category, note: row.transfer_note, at: row.transferred_at },
  };
}

/** A ticket as the statement's named parameters: its transfer origin in columns of its own. */
function ticketRow({ transfer, ...ticket }: Ticket) {
  return {
    ...ticket,
    transferFromWindow: transfer?.fromWindowNo ?? null,
    transferFromCategory: transfer?.fromCategory ?? null,
    transferNote: transfer?.note ?? null,
    transferredAt: transfer?.at ?? null,
  };
}

function windowStatusRow({ lastNoShow, ...window }: WindowStatus) {
  return { ...window, lastNoShowTicketId: lastNoShow?.ticketId ?? null, lastNoShowAt: lastNoShow?.at ?? null };
}

function toWindowStatus(row: WindowStatusRow): WindowStatus {
  return {
    no: row.window_no,
    state: row.state,
    pauseReason: row.pause_reason,
    pauseUntil: row.pause_until,
    staffNo: row.staff_no,
    currentTicketId: row.current_ticket_id,
    priorityStreak: row.priority_streak,
    extendedServiceDate: row.extended_service_date,
    lastNoShow: row.last_no_show_ticket_id === null || row.last_no_show_at === null ? null : { ticketId: row.last_no_show_ticket_id, at: row.last_no_show_at },
  };
}

/** The event's own fields beyond the columns every event has. */
function eventData(event: HallEvent): string {
  const { type: _type, at: _at, serviceDate: _date, ...rest } = event;
  const data: Record<string, unknown> = { ...rest };
  delete data.ticketId;
  delete data.windowNo;
  delete data.staffNo;
  return JSON.stringify(data);
}

/** Whether the database holds a hall's set-up yet (else the config file seeds it). */
export function hasSetup(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM hall_settings`).get() !== undefined;
}

export class HallStore {
  private readonly statements;
  readonly evaluations: EvaluationStore;
  readonly setup: SetupStore;
  readonly devices: DeviceStore;
  readonly deviceFaults: DeviceFaultStore;

  constructor(private readonly db: Db) {
    this.evaluations = new EvaluationStore(db);
    this.setup = new SetupStore(db);
    this.devices = new DeviceStore(db);
    this.deviceFaults = new DeviceFaultStore(db);
    this.statements = {
      upsertTicket: db.prepare(`
        INSERT INTO tickets (id, secret, service_date, number, seq, category, status, priority, issued_at,
          target_window_no, window_no, called_at, finished_at, reactivated_at, case_no, item_code,
          transfer_from_window, transfer_from_category, transfer_note, transferred_at)
        VALUES (@id, @secret, @serviceDate, @number, @seq, @category, @status, @priority, @issuedAt,
          @targetWindowNo, @windowNo, @calledAt, @finishedAt, @reactivatedAt, @caseNo, @itemCode,
          @transferFromWindow, @transferFromCategory, @transferNote, @transferredAt)
        ON CONFLICT (id) DO UPDATE SET category = excluded.category, status = excluded.status,
          target_window_no = excluded.target_window_no, window_no = excluded.window_no,
          called_at = excluded.called_at, finished_at = excluded.finished_at,
          reactivated_at = excluded.reactivated_at, case_no = excluded.case_no, item_code = excluded.item_code,
          transfer_from_window = excluded.transfer_from_window, transfer_from_category = excluded.transfer_from_category,
          transfer_note = excluded.transfer_note, transferred_at = excluded.transferred_at`),
      upsertWindow: db.prepare(`
        INSERT INTO window_status (window_no, state, pause_reason, pause_until, staff_no, current_ticket_id,
          priority_streak, extended_service_date, last_no_show_ticket_id, last_no_show_at)
        VALUES (@no, @state, @pauseReason, @pauseUntil, @staffNo, @currentTicketId, @priorityStreak, @extendedServiceDate,
          @lastNoShowTicketId, @lastNoShowAt)
        ON CONFLICT (window_no) DO UPDATE SET state = excluded.state, pause_reason = excluded.pause_reason,
          pause_until = excluded.pause_until,
          staff_no = excluded.staff_no, current_ticket_id = excluded.current_ticket_id,
          priority_streak = excluded.priority_streak, extended_service_date = excluded.extended_service_date,
          last_no_show_ticket_id = excluded.last_no_show_ticket_id, last_no_show_at = excluded.last_no_show_at`),
      insertEvent: db.prepare(`
        INSERT INTO events (at, service_date, type, ticket_id, window_no, staff_no, data)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertDay: db.prepare(`INSERT OR IGNORE INTO service_days (service_date, opened_at) VALUES (?, ?)`),
      ticketById: db.prepare(`SELECT * FROM tickets WHERE id = ?`),
      ticketBySecret: db.prepare(`SELECT * FROM tickets WHERE secret = ?`),
      upsertAppointment: db.prepare(`
        INSERT INTO appointments (id, code, category, date, name, phone, status, ticket_id, booked_at, booked_by)
        VALUES (@id, @code, @category, @date, @name, @phone, @status, @ticketId, @bookedAt, @bookedBy)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, ticket_id = excluded.ticket_id`),
      // Today's appointment with that code first; else the latest, to say which day it is for.
      appointmentByCode: db.prepare(`
        SELECT id, code, category, date, name, phone, status, ticket_id AS ticketId, booked_at AS bookedAt, booked_by AS bookedBy
        FROM appointments WHERE code = ? ORDER BY date = ? DESC, date DESC LIMIT 1`),
      codeTaken: db.prepare(`SELECT 1 FROM appointments WHERE date = ? AND code = ?`),
    };
  }

  loadSetup(): HallSetup {
    return this.setup.load();
  }

  /** The live hall: the latest service day's tickets, the windows, recent handling times. */
  loadState(setup: HallSetup): HallState {
    const day = this.db.prepare(`SELECT MAX(service_date) AS serviceDate FROM service_days`).get() as {
      serviceDate: string | null;
    };
    const serviceDate = day.serviceDate;
    const tickets: Ticket[] = [];
    const counters: Record<string, number> = {};
    if (serviceDate !== null) {
      const rows = this.db.prepare(`SELECT * FROM tickets WHERE service_date = ?`).all(serviceDate) as TicketRow[];
      for (const row of rows) {
        tickets.push(toTicket(row));
        // Numbers keep their prefix through transfers: count by prefix, not by current category.
        const prefix = row.number.slice(0, 1);
        counters[prefix] = Math.max(counters[prefix] ?? 0, row.seq);
      }
    }
    const windows = new Map(setup.windows.map((w) => [w.no, closedWindow(w.no)]));
    for (const row of this.db.prepare(`SELECT * FROM window_status`).all() as WindowStatusRow[]) {
      if (windows.has(row.window_no)) windows.set(row.window_no, toWindowStatus(row));
    }
    const handlingTimes: Record<string, number[]> = {};
    const samples = this.db
      .prepare(
        `SELECT category, handling FROM (
           SELECT category, finished_at - called_at AS handling, finished_at,
             ROW_NUMBER() OVER (PARTITION BY category ORDER BY finished_at DESC) AS recent
           FROM tickets WHERE status = 'finished' AND called_at IS NOT NULL)
         WHERE recent <= ? ORDER BY finished_at`,
      )
      .all(setup.settings.rules.handlingSamples) as { category: string; handling: number }[];
    for (const { category, handling } of samples) (handlingTimes[category] ??= []).push(handling);
    const notice = (this.db.prepare(`SELECT text FROM hall_notice WHERE id = 1`).get() as { text: string } | undefined)?.text ?? '';
    const evaluations = serviceDate === null ? new Map() : this.evaluations.ofDay(serviceDate);
    const helpRequests = serviceDate === null ? new Map() : helpRequestsOfDay(this.db, serviceDate);
    return { setup, serviceDate, counters, tickets: TicketBook.of(tickets), evaluations, windows, handlingTimes, deviceFaults: this.deviceFaults.open(), helpRequests, devices: this.devices.live(), notice };
  }

  /** Writes one command's outcome. The caller wraps it in the command's transaction. */
  save(outcome: Outcome<unknown>): void {
    const s = this.statements;
    // First: the rows below may name a window or person the set-up has just added.
    this.setup.save(outcome);
    this.devices.save(outcome.devices, outcome.events[0]?.at ?? 0);
    for (const event of outcome.events) {
      if (event.type === 'day.opened') s.insertDay.run(event.serviceDate, event.at);
    }
    for (const ticket of outcome.tickets) s.upsertTicket.run(ticketRow(ticket));
    for (const window of outcome.windows) s.upsertWindow.run(windowStatusRow(window));
    for (const appointment of outcome.appointments) s.upsertAppointment.run(appointment);
    for (const evaluation of outcome.evaluations) this.evaluations.save(evaluation);
    for (const followUp of outcome.followUps) this.evaluations.saveFollowUp(followUp);
    this.deviceFaults.save(outcome.events);
    for (const event of outcome.events) {
      s.insertEvent.run(
        event.at,
        event.serviceDate,
        event.type,
        'ticketId' in event ? event.ticketId : null,
        'windowNo' in event ? event.windowNo : null,
        'staffNo' in event ? event.staffNo : null,
        eventData(event),
      );
    }
  }

  appointmentByCode(code: string, today: string): Appointment | null {
    return (this.statements.appointmentByCode.get(code, today) as Appointment | undefined) ?? null;
  }

  isAppointmentCodeTaken(date: string, code: string): boolean {
    return this.statements.codeTaken.get(date, code) !== undefined;
  }

  /** The ticket a visitor's secret names, of any day (its live copy may be newer: look that up by id). */
  ticketBySecret(secret: string): Ticket | null {
    const row = this.statements.ticketBySecret.get(secret) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  /** A ticket of any day, for look-ups of tickets no longer live. */
  ticket(id: string): Ticket | null {
    const row = this.statements.ticketById.get(id) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  /** The latest calls of the day, newest first, for screens that (re)connect. */
  recentCalls(serviceDate: string, limit: number): StoredCall[] {
    const rows = this.db
      .prepare(
        `SELECT ticket_id, window_no, at, type FROM events
         WHERE service_date = ? AND type IN ('ticket.called', 'ticket.recalled')
         ORDER BY id DESC LIMIT ?`,
      )
      .all(serviceDate, limit) as { ticket_id: string; window_no: number; at: number; type: string }[];
    return rows.map((r) => ({ ticketId: r.ticket_id, windowNo: r.window_no, at: r.at, recall: r.type === 'ticket.recalled' }));
  }
}
