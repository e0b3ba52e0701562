import type { CategoryCode, EvaluationChannel, LeaderRole, ReportBy, SatisfactionLevel } from '@hall/shared';
import type { Db } from './connection';

// The rows behind the office's span reports and the monthly report (issue 16), read straight
// from the tables over service days `from`..`to` (the hall's local dates). Read-only. Counting
// that SQL does well (distinct tickets called, events by kind) happens here; the rest (means,
// 90th percentiles, open time) in services/span-figures.ts. How each figure is counted:
// docs/REPORTS.md.

/** The served visits (finished tickets) of one row of a breakdown, summed in SQL. */
export interface ServedGroup {
  /** Null: a visit no row of the breakdown can claim (it counts for the hall). */
  key: string | null;
  served: number;
  waitMsSum: number;
  handlingMsSum: number;
  /** Checked-in appointments' tickets. */
  appointments: number;
  /** The configured handling time of each visit's category, summed. */
  expectedHandlingMsSum: number;
  /** Every visit's wait and handling (ms), comma-separated, for the percentiles. */
  waits: string;
  handlings: string;
}

export interface RatingGroup {
  key: string;
  level: SatisfactionLevel;
  channel: EvaluationChannel;
  count: number;
}

/** A window's service day: its first call and last finish of a visit served. */
export interface ServedDay {
  windowNo: number;
  date: string;
  firstCall: number;
  lastFinish: number;
}

/** Per key of the breakdown: tickets called there and, of those, called after a transfer. */
export interface CallCount {
  key: string;
  issued: number;
  transfersIn: number;
}

/**
 * Tickets called at the same set of windows (or staff members), `keys` comma-separated: a
 * department's count is its windows' sets, each ticket once however many of its windows called it.
 */
export interface CallSet {
  keys: string;
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
  served: number;
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

/** What visits and ratings are grouped by in SQL. */
export type VisitKey = Exclude<ReportBy, 'department'>;

/** Window-state events, as the partial index of migration 018 lists them. */
const WINDOW_STATE = `type IN ('window.signed_in', 'window.signed_out', 'window.paused', 'window.resumed')`;

/** What calls and events are grouped by (a department's are its windows'). */
export type CallKey = 'window' | 'staff';
const CALL_KEY: Record<CallKey, string> = {
  window: 'CAST(ev.window_no AS TEXT)',
  staff: 'ev.staff_no',
};

export class SpanReportStore {
  private readonly statements;
  private readonly calls: Record<CallKey, { issued: ReturnType<Db['prepare']>; transfersIn: ReturnType<Db['prepare']> }>;
  private readonly eventCounts: Record<CallKey, ReturnType<Db['prepare']>>;
  private readonly served: Record<VisitKey, ReturnType<Db['prepare']>>;
  private readonly ratings: Record<VisitKey, ReturnType<Db['prepare']>>;

  constructor(db: Db) {
    const span = 'service_date BETWEEN @from AND @to';
    this.statements = {
      servedDays: db.prepare(`
        SELECT window_no AS windowNo, service_date AS date, MIN(called_at) AS firstCall, MAX(finished_at) AS lastFinish
        FROM tickets WHERE ${span} AND status = 'finished' GROUP BY 1, 2`),
      staffWindows: db.prepare(`SELECT staff_no AS staffNo, window_no AS windowNo FROM evaluations WHERE ${span} GROUP BY 1, 2`),
      noShows: db.prepare(`
        SELECT t.window_no AS windowNo, t.category,
          (SELECT ev.staff_no FROM events ev WHERE ev.ticket_id = t.id AND +ev.type = 'ticket.no_show' ORDER BY ev.at DESC LIMIT 1) AS staffNo
        FROM tickets t WHERE t.${span} AND t.status = 'no_show' AND t.window_no IS NOT NULL`),
      hallEvents: db.prepare(`
        SELECT COALESCE(SUM(type = 'ticket.transferred'), 0) AS transfers, COALESCE(SUM(type = 'window.extended_service'), 0) AS extendedService
        FROM events INDEXED BY events_day WHERE ${span} AND type IN ('ticket.transferred', 'window.extended_service')`),
      issued: db.prepare(`SELECT service_date AS date, category, COUNT(*) AS issued, SUM(status = 'finished') AS served FROM tickets WHERE ${span} GROUP BY 1, 2`),
      categoryTransfers: db.prepare(`
        SELECT transfer_from_category AS fromCategory, category AS toCategory, COUNT(*) AS count
        FROM tickets WHERE ${span} AND transfer_from_category IS NOT NULL GROUP BY 1, 2`),
      windowEvents: db.prepare(`
        SELECT window_no AS windowNo, staff_no AS staffNo, type, at FROM events INDEXED BY events_window_state
        WHERE ${span} AND ${WINDOW_STATE} ORDER BY at, id`),
      lastWindowEvent: db.prepare(`
        SELECT window_no AS windowNo, staff_no AS staffNo, type, at FROM events INDEXED BY events_window_state
        WHERE window_no = @windowNo AND ${WINDOW_STATE} AND service_date < @from ORDER BY service_date DESC, at DESC LIMIT 1`),
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
    };
    const callsBy = (key: string) => ({
      issued: db.prepare(`
        SELECT keys, COUNT(*) AS count FROM (
          SELECT group_concat(DISTINCT ${key}) AS keys FROM events ev INDEXED BY events_calls
          WHERE ev.${span} AND ev.type = 'ticket.called' GROUP BY ev.ticket_id
        ) GROUP BY keys`),
      // Few tickets are transferred: each one's calls after its last transfer, by its own events.
      transfersIn: db.prepare(`
        SELECT keys, COUNT(*) AS count FROM (
          SELECT group_concat(DISTINCT ${key}) AS keys
          FROM tickets t INDEXED BY tickets_report CROSS JOIN events ev INDEXED BY events_ticket ON ev.ticket_id = t.id
          WHERE t.${span} AND t.transferred_at IS NOT NULL AND ev.type = 'ticket.called' AND ev.at > t.transferred_at GROUP BY t.id
        ) GROUP BY keys`),
    });
    // By the day's index, not the events' kind: the span read live is a day or a few (the
    // rest is written, services/report-days.ts), while the kind's index runs over all history.
    const eventsBy = (key: string) =>
      db.prepare(`
        SELECT ${key} AS key, SUM(ev.type = 'ticket.transferred') AS transfersOut, SUM(ev.type = 'window.extended_service') AS extendedService
        FROM events ev INDEXED BY events_day WHERE ev.${span} AND ev.type IN ('ticket.transferred', 'window.extended_service') GROUP BY 1`);
    // A served visit's wait runs from its issue, its last transfer or its return after a no-show (the latest) to the call that served it.
    const servedBy = (key: string, join: string) =>
      db.prepare(`
        SELECT key, COUNT(*) AS served, TOTAL(wait) AS waitMsSum, TOTAL(handling) AS handlingMsSum,
          TOTAL(appointment) AS appointments, TOTAL(expected) AS expectedHandlingMsSum,
          COALESCE(group_concat(wait), '') AS waits, COALESCE(group_concat(handling), '') AS handlings
        FROM (
          SELECT ${key} AS key, MAX(0, t.called_at - MAX(t.issued_at, COALESCE(t.transferred_at, 0), COALESCE(t.reactivated_at, 0))) AS wait,
            MAX(0, t.finished_at - t.called_at) AS handling, t.priority IS 'appointment' AS appointment, c.default_handling_minutes * 60000 AS expected
          FROM tickets t ${join} LEFT JOIN categories c ON c.code = t.category
          WHERE t.${span} AND t.status = 'finished' AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL
        ) GROUP BY key`);
    const ratingsBy = (key: string, join: string) =>
      db.prepare(`
        SELECT ${key} AS key, e.level, e.channel, COUNT(*) AS count
        FROM evaluations e ${join} WHERE e.${span} AND e.status = 'rated' GROUP BY 1, 2, 3`);
    // A department's visits and ratings are its windows' (span-report.ts sums them).
    this.served = {
      window: servedBy('CAST(t.window_no AS TEXT)', ''),
      category: servedBy('t.category', ''),
      // The staff member is on the visit's evaluation row (one per finished ticket; a ticket
      // finished before ratings were kept has none and counts for the hall alone).
      staff: servedBy('e.staff_no', 'LEFT JOIN evaluations e ON e.ticket_id = t.id'),
    };
    this.ratings = {
      window: ratingsBy('CAST(e.window_no AS TEXT)', ''),
      category: ratingsBy('t.category', 'JOIN tickets t ON t.id = e.ticket_id'),
      staff: ratingsBy('e.staff_no', ''),
    };
    this.calls = { window: callsBy(CALL_KEY.window), staff: callsBy(CALL_KEY.staff) };
    this.eventCounts = { window: eventsBy(CALL_KEY.window), staff: eventsBy(CALL_KEY.staff) };
  }

  /** The span's served visits summed per window, category or staff member. */
  servedBy(by: VisitKey, from: string, to: string): ServedGroup[] {
    return this.served[by].all({ from, to }) as ServedGroup[];
  }

  /** The span's ratings per key, level and channel. */
  ratingsBy(by: VisitKey, from: string, to: string): RatingGroup[] {
    return this.ratings[by].all({ from, to }) as RatingGroup[];
  }

  servedDays(from: string, to: string): ServedDay[] {
    return this.statements.servedDays.all({ from, to }) as ServedDay[];
  }

  /** The windows each staff member served at. */
  staffWindows(from: string, to: string): { staffNo: string; windowNo: number }[] {
    return this.statements.staffWindows.all({ from, to }) as { staffNo: string; windowNo: number }[];
  }

  /** Tickets called, and called after their last transfer, by the set of windows or staff members that called them. */
  callSets(by: CallKey, from: string, to: string): CallSet[] {
    const sets = new Map<string, CallSet>();
    const set = (keys: string) => sets.get(keys) ?? sets.set(keys, { keys, issued: 0, transfersIn: 0 }).get(keys)!;
    for (const { keys, count } of this.calls[by].issued.all({ from, to }) as { keys: string | null; count: number }[]) if (keys !== null) set(keys).issued += count;
    for (const { keys, count } of this.calls[by].transfersIn.all({ from, to }) as { keys: string | null; count: number }[]) if (keys !== null) set(keys).transfersIn += count;
    return [...sets.values()];
  }

  /** Transfers made and extended-service sessions begun, per window or staff member. */
  eventsBy(by: CallKey, from: string, to: string): EventCount[] {
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
}
