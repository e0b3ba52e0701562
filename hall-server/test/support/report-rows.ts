import type { CategoryCode, EvaluationChannel, LeaderRole, SatisfactionLevel } from '@hall/shared';
import { STARS } from '@hall/shared';
import type { Db } from '../../src/db/connection';

// Rows of the hall's tables written directly, as the hall would have left them, for report
// tests and the report benchmarks: where the point is the arithmetic over many visits, not the
// commands that make them. Each visit writes its ticket, its events and its evaluation row.

export interface VisitSpec {
  date: string;
  number: string;
  category: CategoryCode;
  windowNo: number;
  staffNo: string;
  issuedAt: number;
  calledAt: number;
  /** Served: its finish. Omit for a no-show (`noShowAt`) or a transfer (`transfer`). */
  finishedAt?: number;
  noShowAt?: number;
  /** Transferred away from this window at `at` to another window or category; the ticket then waits again. */
  transfer?: { at: number; toCategory: CategoryCode; thenCalled?: { windowNo: number; staffNo: string; calledAt: number; finishedAt: number } };
  priority?: 'green_channel' | 'appointment' | null;
  rating?: { level: SatisfactionLevel; channel: EvaluationChannel; at: number } | null;
}

let ids = 0;
const nextId = (prefix: string) => `${prefix}${(++ids).toString(36).padStart(8, '0')}`;

export class ReportRows {
  private readonly s;
  private readonly days = new Set<string>();

  constructor(private readonly db: Db) {
    this.s = {
      day: db.prepare(`INSERT OR IGNORE INTO service_days (service_date, opened_at) VALUES (?, ?)`),
      ticket: db.prepare(`
        INSERT INTO tickets (id, service_date, number, seq, category, status, priority, issued_at, window_no, called_at, finished_at, transfer_from_window, transfer_from_category, transferred_at)
        VALUES (@id, @date, @number, @seq, @category, @status, @priority, @issuedAt, @windowNo, @calledAt, @finishedAt, @fromWindow, @fromCategory, @transferredAt)`),
      event: db.prepare(`INSERT INTO events (at, service_date, type, ticket_id, window_no, staff_no, data) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      evaluation: db.prepare(`
        INSERT INTO evaluations (ticket_id, service_date, number, window_no, staff_no, status, level, stars, channel, requested_at, closes_at, rated_at)
        VALUES (@ticketId, @date, @number, @windowNo, @staffNo, @status, @level, @stars, @channel, @requestedAt, @closesAt, @ratedAt)`),
      followUp: db.prepare(`
        INSERT INTO follow_ups (id, ticket_id, service_date, number, window_no, staff_no, level, reasons, opened_at, callback_due, fix_due, callback_at, fix_at)
        VALUES (@id, @ticketId, @date, @number, @windowNo, @staffNo, @level, '[]', @openedAt, @callbackDue, @fixDue, @callbackAt, @fixAt)`),
      appointment: db.prepare(`
        INSERT INTO appointments (id, code, category, date, status, ticket_id, booked_at, booked_by) VALUES (?, ?, ?, ?, ?, ?, ?, '1001')`),
      leader: db.prepare(`
        INSERT INTO leader_duty_visits (id, department, leader_name, role, date, window_no, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, '2001', 0)`),
      onsite: db.prepare(`
        INSERT INTO onsite_services (id, requester, address, matter, department, scheduled_at, service_date, status, staff_nos, created_by, created_at)
        VALUES (?, '某公司', '某地', '某事项', ?, ?, ?, ?, ?, '2001', 0)`),
    };
  }

  serviceDay(date: string, openedAt: number): void {
    if (this.days.has(date)) return;
    this.days.add(date);
    this.s.day.run(date, openedAt);
  }

  event(at: number, date: string, type: string, ticketId: string | null, windowNo: number | null, staffNo: string | null, data: object = {}): void {
    this.s.event.run(at, date, type, ticketId, windowNo, staffNo, JSON.stringify(data));
  }

  /** Writes a visit; returns its ticket id. */
  visit(v: VisitSpec): string {
    const id = nextId('t');
    this.serviceDay(v.date, v.issuedAt);
    const [seq] = v.number.match(/\d+/) ?? ['0'];
    this.event(v.issuedAt, v.date, 'ticket.issued', id, null, null);
    this.event(v.calledAt, v.date, 'ticket.called', id, v.windowNo, v.staffNo, { how: 'next' });
    const served = v.transfer?.thenCalled ?? (v.finishedAt !== undefined ? { windowNo: v.windowNo, staffNo: v.staffNo, calledAt: v.calledAt, finishedAt: v.finishedAt } : null);
    if (v.transfer) {
      this.event(v.transfer.at, v.date, 'ticket.transferred', id, v.windowNo, v.staffNo, { toCategory: v.transfer.toCategory, toWindowNo: null, note: null });
      const then = v.transfer.thenCalled;
      if (then) this.event(then.calledAt, v.date, 'ticket.called', id, then.windowNo, then.staffNo, { how: 'next' });
    }
    if (v.noShowAt !== undefined) this.event(v.noShowAt, v.date, 'ticket.no_show', id, v.windowNo, v.staffNo);
    const last = v.transfer?.thenCalled ?? { windowNo: v.windowNo, calledAt: v.calledAt };
    this.s.ticket.run({
      id,
      date: v.date,
      number: v.number,
      seq: Number(seq),
      category: v.transfer?.toCategory ?? v.category,
      status: served ? 'finished' : v.noShowAt !== undefined ? 'no_show' : 'waiting',
      priority: v.priority ?? null,
      issuedAt: v.issuedAt,
      windowNo: v.transfer && !v.transfer.thenCalled ? null : last.windowNo,
      calledAt: v.transfer && !v.transfer.thenCalled ? null : last.calledAt,
      finishedAt: served?.finishedAt ?? null,
      fromWindow: v.transfer ? v.windowNo : null,
      fromCategory: v.transfer ? v.category : null,
      transferredAt: v.transfer?.at ?? null,
    });
    if (served) {
      this.event(served.finishedAt, v.date, 'ticket.finished', id, served.windowNo, served.staffNo, { caseNo: null, handlingMs: served.finishedAt - served.calledAt });
      const rating = v.rating ?? null;
      this.s.evaluation.run({
        ticketId: id,
        date: v.date,
        number: v.number,
        windowNo: served.windowNo,
        staffNo: served.staffNo,
        status: rating ? 'rated' : 'unrated',
        level: rating?.level ?? null,
        stars: rating ? STARS[rating.level] : null,
        channel: rating?.channel ?? null,
        requestedAt: served.finishedAt,
        closesAt: served.finishedAt + 30_000,
        ratedAt: rating?.at ?? null,
      });
    }
    return id;
  }

  /** A follow-up of a poor rating (`ticketId` rated poorly by `visit`). */
  followUp(f: { ticketId: string; date: string; number: string; windowNo: number; staffNo: string; level: SatisfactionLevel; openedAt: number; fixDue: string; fixAt: number | null }): void {
    this.s.followUp.run({ ...f, id: nextId('f'), callbackDue: f.fixDue, callbackAt: f.fixAt });
  }

  appointment(category: CategoryCode, date: string, status: 'booked' | 'checked_in', ticketId: string | null = null): void {
    this.s.appointment.run(nextId('a'), nextId('c').slice(-6), category, date, status, ticketId, 0);
  }

  leaderVisit(department: string, role: LeaderRole, date: string, windowNo: number): void {
    this.s.leader.run(nextId('l'), department, '领导', role, date, windowNo);
  }

  onsite(department: string, date: string, scheduledAt: number, status: 'done' | 'requested' | 'cancelled', staffNos: string[]): void {
    this.s.onsite.run(nextId('o'), department, scheduledAt, date, status, JSON.stringify(staffNos));
  }

  /** Everything written inside one transaction (a day of the benchmark's years, a test's set). */
  inTransaction<T>(write: () => T): T {
    return this.db.transaction(write)();
  }
}
