import type { CategoryCode, EvaluationChannel, LeaderRole, ReportBy, SatisfactionLevel } from '@hall/shared';
import type { Db } from './connection';

// The rows behind the office's span reports and the monthly report (issue 16), read straight
// from the tables over service days `from`..`to` (the hall's local dates). Read-only. Counting
// that SQL does well (distinct tickets called, events by kind) happens here; the rest (means,
// 90th percentiles, open time) in services/span-figures.ts. How each figure is counted:
// docs/REPORTS.md.

/** One served visit (a finished ticket: one evaluations row each) with its times and rating. */
export interface VisitRow {
  date: string;
  windowNo: number;
  staffNo: string;
  category: CategoryCode;
  /** From its issue (or its last transfer, or its return after a no-show) to the call that served it. */
  waitMs: number;
  handlingMs: number;
  calledAt: number;
  finishedAt: number;
  level: SatisfactionLevel | null;
  channel: EvaluationChannel | null;
  /** A checked-in appointment's ticket. */
  appointment: boolean;
}

/** Per key of the breakdown: tickets called there and, of those, called after a transfer. */
export interface CallCount {
  key: string;
  issued: number;
  transfersIn: number;
}

export interface EventCount {
  key: string;
  transfersOut: number;
  extendedService: number;
}

export interface NoShowRow {
  windowNo: number;
  staffNo: string | null;
  category: CategoryCode;
}

export interface WindowEventRow {
  windowNo: number;
  staffNo: string;
  type: 'window.signed_in' | 'window.signed_out' | 'window.paused' | 'window.resumed';
  at: number;
}

export interface FollowUpRow {
  windowNo: number;
  staffNo: string;
  category: CategoryCode;
  fixDue: string;
  fixAt: number | null;
}

export interface IssuedCount {
  date: string;
  category: CategoryCode;
  issued: number;
}

export interface CategoryTransfer {
  fromCategory: CategoryCode;
  toCategory: CategoryCode;
  count: number;
}

export interface AppointmentCount {
  category: CategoryCode;
  kept: number;
  missed: number;
}

export interface OnsiteRow {
  department: string;
  staffNos: string[];
}

export interface WindowRecord {
  no: number;
  name: string;
  department: string;
  removed: boolean;
}

/** Window-state events, as the partial index of migration 018 lists them. */
const WINDOW_STATE = `type IN ('window.signed_in', 'window.signed_out', 'window.paused', 'window.resumed')`;

/** What the calls are grouped by, for each breakdown that has calls. */
const CALL_KEY: Record<Exclude<ReportBy, 'category'>, string> = {
  window: 'CAST(ev.window_no AS TEXT)',
  staff: 'ev.staff_no',
  department: 'w.department',
};

export class SpanReportStore {
  private readonly statements;
  private readonly calls: Record<Exclude<ReportBy, 'category'>, ReturnType<Db['prepare']>>;
  private readonly eventCounts: Record<Exclude<ReportBy, 'category'>, ReturnType<Db['prepare']>>;

  constructor(db: Db) {
    const span = 'service_date BETWEEN @from AND @to';
    this.statements = {
      visits: db.prepare(`
        SELECT e.service_date, e.window_no, e.staff_no, t.category,
          MAX(0, t.called_at - MAX(t.issued_at, COALESCE(t.transferred_at, 0), COALESCE(t.reactivated_at, 0))),
          MAX(0, t.finished_at - t.called_at), t.called_at, t.finished_at,
          CASE WHEN e.status = 'rated' THEN e.level END,
          CASE WHEN e.status = 'rated' THEN e.channel END,
          t.priority IS 'appointment'
        FROM evaluations e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.${span} AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL`).raw(),
      noShows: db.prepare(`
        SELECT t.window_no AS windowNo, t.category,
          (SELECT ev.staff_no FROM events ev WHERE ev.ticket_id = t.id AND ev.type = 'ticket.no_show' ORDER BY ev.at DESC LIMIT 1) AS staffNo
        FROM tickets t WHERE t.${span} AND t.status = 'no_show' AND t.window_no IS NOT NULL`),
      hallEvents: db.prepare(`
        SELECT COALESCE(SUM(type = 'ticket.transferred'), 0) AS transfers, COALESCE(SUM(type = 'window.extended_service'), 0) AS extendedService
        FROM events WHERE ${span} AND type IN ('ticket.transferred', 'window.extended_service')`),
      issued: db.prepare(`SELECT service_date AS date, category, COUNT(*) AS issued FROM tickets WHERE ${span} GROUP BY 1, 2`),
      categoryTransfers: db.prepare(`
        SELECT transfer_from_category AS fromCategory, category AS toCategory, COUNT(*) AS count
        FROM tickets WHERE ${span} AND transfer_from_category IS NOT NULL GROUP BY 1, 2`),
      windowEvents: db.prepare(`
        SELECT window_no AS windowNo, staff_no AS staffNo, type, at FROM events
        WHERE ${span} AND ${WINDOW_STATE} ORDER BY at, id`),
      lastWindowEvent: db.prepare(`
        SELECT window_no AS windowNo, staff_no AS staffNo, type, at FROM events
        WHERE window_no = @windowNo AND ${WINDOW_STATE} AND service_date < @from ORDER BY service_date DESC, at DESC, id DESC LIMIT 1`),
      followUps: db.prepare(`
        SELECT f.window_no AS windowNo, f.staff_no AS staffNo, t.category, f.fix_due AS fixDue, f.fix_at AS fixAt
        FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id WHERE f.${span}`),
      appointments: db.prepare(`
        SELECT category, COALESCE(SUM(status = 'checked_in'), 0) AS kept, COALESCE(SUM(status = 'booked' AND date < @today), 0) AS missed
        FROM appointments WHERE date BETWEEN @from AND @to GROUP BY category`),
      onsite: db.prepare(`SELECT department, staff_nos AS staffNos FROM onsite_services WHERE ${span} AND status = 'done'`),
      serviceDays: db.prepare(`SELECT service_date FROM service_days WHERE service_date BETWEEN @from AND @to ORDER BY 1`).pluck(),
      windows: db.prepare(`SELECT no, name, department, removed_at IS NOT NULL AS removed FROM windows ORDER BY no`),
      staffNames: db.prepare(`SELECT staff_no, name FROM staff`).raw(),
      categoryNames: db.prepare(`SELECT code, name FROM categories ORDER BY position`).raw(),
      leaderVisits: db.prepare(`SELECT department, role, COUNT(*) AS count FROM leader_duty_visits WHERE date BETWEEN @from AND @to GROUP BY 1, 2`),
      lastSittings: db.prepare(`SELECT department, role, MAX(date) AS date FROM leader_duty_visits WHERE date <= @asOf GROUP BY 1, 2`),
    };
    const callsBy = (key: string, join: string) =>
      db.prepare(`
        SELECT ${key} AS key, COUNT(DISTINCT ev.ticket_id) AS issued,
          COUNT(DISTINCT CASE WHEN t.transferred_at < ev.at THEN ev.ticket_id END) AS transfersIn
        FROM events ev JOIN tickets t ON t.id = ev.ticket_id ${join}
        WHERE ev.${span} AND ev.type = 'ticket.called' GROUP BY 1`);
    const eventsBy = (key: string, join: string) =>
      db.prepare(`
        SELECT ${key} AS key, SUM(ev.type = 'ticket.transferred') AS transfersOut, SUM(ev.type = 'window.extended_service') AS extendedService
        FROM events ev ${join} WHERE ev.${span} AND ev.type IN ('ticket.transferred', 'window.extended_service') GROUP BY 1`);
    const joinWindow = 'JOIN windows w ON w.no = ev.window_no';
    this.calls = {
      window: callsBy(CALL_KEY.window, ''),
      staff: callsBy(CALL_KEY.staff, ''),
      department: callsBy(CALL_KEY.department, joinWindow),
    };
    this.eventCounts = {
      window: eventsBy(CALL_KEY.window, ''),
      staff: eventsBy(CALL_KEY.staff, ''),
      department: eventsBy(CALL_KEY.department, joinWindow),
    };
  }

  visits(from: string, to: string): VisitRow[] {
    const rows = this.statements.visits.all({ from, to }) as unknown[][];
    return rows.map(([date, windowNo, staffNo, category, waitMs, handlingMs, calledAt, finishedAt, level, channel, appointment]) => ({
      date: date as string,
      windowNo: windowNo as number,
      staffNo: staffNo as string,
      category: category as CategoryCode,
      waitMs: waitMs as number,
      handlingMs: handlingMs as number,
      calledAt: calledAt as number,
      finishedAt: finishedAt as number,
      level: level as SatisfactionLevel | null,
      channel: channel as EvaluationChannel | null,
      appointment: appointment === 1,
    }));
  }

  /** Distinct tickets called, and called after their last transfer, per window, staff member or department. */
  calledBy(by: Exclude<ReportBy, 'category'>, from: string, to: string): CallCount[] {
    return this.calls[by].all({ from, to }) as CallCount[];
  }

  /** Transfers made and extended-service sessions begun, per window, staff member or department. */
  eventsBy(by: Exclude<ReportBy, 'category'>, from: string, to: string): EventCount[] {
    return this.eventCounts[by].all({ from, to }) as EventCount[];
  }

  hallEvents(from: string, to: string): { transfers: number; extendedService: number } {
    return this.statements.hallEvents.get({ from, to }) as { transfers: number; extendedService: number };
  }

  noShows(from: string, to: string): NoShowRow[] {
    return this.statements.noShows.all({ from, to }) as NoShowRow[];
  }

  issued(from: string, to: string): IssuedCount[] {
    return this.statements.issued.all({ from, to }) as IssuedCount[];
  }

  categoryTransfers(from: string, to: string): CategoryTransfer[] {
    return this.statements.categoryTransfers.all({ from, to }) as CategoryTransfer[];
  }

  /** The span's sign-ins, sign-outs, pauses and resumptions in order, and each window's last one before it. */
  windowEvents(from: string, to: string, windowNos: readonly number[]): { before: WindowEventRow[]; during: WindowEventRow[] } {
    const before = windowNos.flatMap((windowNo) => {
      const row = this.statements.lastWindowEvent.get({ windowNo, from }) as WindowEventRow | undefined;
      return row ? [row] : [];
    });
    return { before, during: this.statements.windowEvents.all({ from, to }) as WindowEventRow[] };
  }

  /** The days the hall opened (a day nothing happened on has no row). */
  serviceDays(from: string, to: string): string[] {
    return this.statements.serviceDays.all({ from, to }) as string[];
  }

  followUps(from: string, to: string): FollowUpRow[] {
    return this.statements.followUps.all({ from, to }) as FollowUpRow[];
  }

  /** Appointments for the span's days: checked in (kept), and still booked for a day before `today` (missed). */
  appointments(from: string, to: string, today: string): AppointmentCount[] {
    return this.statements.appointments.all({ from, to, today }) as AppointmentCount[];
  }

  /** On-site services done, by the day they were scheduled for. */
  onsite(from: string, to: string): OnsiteRow[] {
    return (this.statements.onsite.all({ from, to }) as { department: string; staffNos: string }[]).map((r) => ({
      department: r.department,
      staffNos: JSON.parse(r.staffNos) as string[],
    }));
  }

  /** Every window the hall ever had, removed ones too (old rows name them). */
  windows(): WindowRecord[] {
    return (this.statements.windows.all() as (Omit<WindowRecord, 'removed'> & { removed: number })[]).map((w) => ({ ...w, removed: w.removed === 1 }));
  }

  staffNames(): Map<string, string> {
    return new Map(this.statements.staffNames.all() as [string, string][]);
  }

  categoryNames(): Map<CategoryCode, string> {
    return new Map(this.statements.categoryNames.all() as [CategoryCode, string][]);
  }

  /** Leaders' sittings on the span's days, per department and role. */
  leaderVisits(from: string, to: string): { department: string; role: LeaderRole; count: number }[] {
    return this.statements.leaderVisits.all({ from, to }) as { department: string; role: LeaderRole; count: number }[];
  }

  /** Each department's last sitting per role on or before `asOf`. */
  lastSittings(asOf: string): Map<string, Partial<Record<LeaderRole, string>>> {
    const last = new Map<string, Partial<Record<LeaderRole, string>>>();
    for (const row of this.statements.lastSittings.all({ asOf }) as { department: string; role: LeaderRole; date: string }[]) {
      last.set(row.department, { ...last.get(row.department), [row.role]: row.date });
    }
    return last;
  }
}
