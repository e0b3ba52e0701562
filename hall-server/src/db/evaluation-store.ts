import type { EvaluationChannel, EvaluationStatus, RecordedReason, SatisfactionLevel } from '@hall/shared';
import { STARS } from '@hall/shared';
import type { Evaluation, FollowUp, HeldRating } from '../domain';
import type { Db } from './connection';

// Ratings and their follow-ups: rows in, domain objects out. Decides nothing.

interface EvaluationRow {
  ticket_id: string;
  service_date: string;
  number: string;
  window_no: number;
  staff_no: string;
  case_no: string | null;
  item_code: string | null;
  status: EvaluationStatus;
  level: SatisfactionLevel | null;
  reasons: string;
  comment: string | null;
  callback_phone: string | null;
  channel: EvaluationChannel | null;
  device_id: string | null;
  requested_at: number;
  closes_at: number;
  rated_at: number | null;
  follow_up_id: string | null;
  held: string | null;
}

interface FollowUpRow {
  id: string;
  ticket_id: string;
  service_date: string;
  number: string;
  window_no: number;
  staff_no: string;
  case_no: string | null;
  level: SatisfactionLevel;
  reasons: string;
  comment: string | null;
  callback_phone: string | null;
  opened_at: number;
  callback_due: string;
  fix_due: string;
  callback_at: number | null;
  callback_by: string | null;
  callback_note: string | null;
  fix_at: number | null;
  fix_by: string | null;
  fix_note: string | null;
}

function toEvaluation(row: EvaluationRow): Evaluation {
  return {
    ticketId: row.ticket_id,
    number: row.number,
    serviceDate: row.service_date,
    windowNo: row.window_no,
    staffNo: row.staff_no,
    caseNo: row.case_no,
    itemCode: row.item_code,
    status: row.status,
    level: row.level,
    reasons: JSON.parse(row.reasons) as RecordedReason[],
    comment: row.comment,
    callbackPhone: row.callback_phone,
    channel: row.channel,
    deviceId: row.device_id,
    requestedAt: row.requested_at,
    closesAt: row.closes_at,
    ratedAt: row.rated_at,
    followUpId: row.follow_up_id,
    held: row.held === null ? null : (JSON.parse(row.held) as HeldRating),
  };
}

function step(at: number | null, by: string | null, note: string | null): FollowUp['callback'] {
  return at === null || by === null ? null : { at, staffNo: by, note: note ?? '' };
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    number: row.number,
    serviceDate: row.service_date,
    windowNo: row.window_no,
    staffNo: row.staff_no,
    caseNo: row.case_no,
    level: row.level,
    reasons: JSON.parse(row.reasons) as RecordedReason[],
    comment: row.comment,
    callbackPhone: row.callback_phone,
    openedAt: row.opened_at,
    callbackDue: row.callback_due,
    fixDue: row.fix_due,
    callback: step(row.callback_at, row.callback_by, row.callback_note),
    fix: step(row.fix_at, row.fix_by, row.fix_note),
  };
}

/**
 * A follow-up past a deadline with its step not done, on the local date `@today` (the same
 * rule as the domain's followUpProgress, for queries that count or list such items).
 */
export const OVERDUE_SQL = '((callback_at IS NULL AND callback_due < @today) OR (fix_at IS NULL AND fix_due < @today))';

export interface FollowUpSelection {
  /** open: not yet fixed; overdue: past a deadline on `today` with its step not done. */
  status: 'open' | 'overdue' | 'all';
  today: string;
  from?: string | undefined;
  to?: string | undefined;
}

export class EvaluationStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      upsertEvaluation: db.prepare(`
        INSERT INTO evaluations (ticket_id, service_date, number, window_no, staff_no, case_no, item_code, status, level, stars,
          reasons, comment, callback_phone, channel, device_id, requested_at, closes_at, rated_at, follow_up_id, held)
        VALUES (@ticketId, @serviceDate, @number, @windowNo, @staffNo, @caseNo, @itemCode, @status, @level, @stars,
          @reasons, @comment, @callbackPhone, @channel, @deviceId, @requestedAt, @closesAt, @ratedAt, @followUpId, @held)
        ON CONFLICT (ticket_id) DO UPDATE SET window_no = excluded.window_no, staff_no = excluded.staff_no,
          case_no = excluded.case_no, item_code = excluded.item_code, status = excluded.status, level = excluded.level, stars = excluded.stars,
          reasons = excluded.reasons, comment = excluded.comment, callback_phone = excluded.callback_phone,
          channel = excluded.channel, device_id = excluded.device_id, requested_at = excluded.requested_at,
          closes_at = excluded.closes_at, rated_at = excluded.rated_at, follow_up_id = excluded.follow_up_id,
          held = excluded.held`),
      upsertFollowUp: db.prepare(`
        INSERT INTO follow_ups (id, ticket_id, service_date, number, window_no, staff_no, case_no, level, reasons, comment,
          callback_phone, opened_at, callback_due, fix_due, callback_at, callback_by, callback_note, fix_at, fix_by, fix_note)
        VALUES (@id, @ticketId, @serviceDate, @number, @windowNo, @staffNo, @caseNo, @level, @reasons, @comment,
          @callbackPhone, @openedAt, @callbackDue, @fixDue, @callbackAt, @callbackBy, @callbackNote, @fixAt, @fixBy, @fixNote)
        ON CONFLICT (id) DO UPDATE SET callback_at = excluded.callback_at, callback_by = excluded.callback_by,
          callback_note = excluded.callback_note, fix_at = excluded.fix_at, fix_by = excluded.fix_by, fix_note = excluded.fix_note`),
      evaluationsOfDay: db.prepare(`SELECT * FROM evaluations WHERE service_date = ?`),
      evaluation: db.prepare(`SELECT * FROM evaluations WHERE ticket_id = ?`),
      followUp: db.prepare(`SELECT * FROM follow_ups WHERE id = ?`),
    };
  }

  save(evaluation: Evaluation): void {
    this.statements.upsertEvaluation.run({
      ...evaluation,
      stars: evaluation.level === null ? null : STARS[evaluation.level],
      reasons: JSON.stringify(evaluation.reasons),
      held: evaluation.held === null ? null : JSON.stringify(evaluation.held),
    });
  }

  saveFollowUp(followUp: FollowUp): void {
    const { callback, fix, ...rest } = followUp;
    this.statements.upsertFollowUp.run({
      ...rest,
      reasons: JSON.stringify(followUp.reasons),
      callbackAt: callback?.at ?? null,
      callbackBy: callback?.staffNo ?? null,
      callbackNote: callback?.note ?? null,
      fixAt: fix?.at ?? null,
      fixBy: fix?.staffNo ?? null,
      fixNote: fix?.note ?? null,
    });
  }

  /** The ratings asked for on a service day, for the live hall. */
  ofDay(serviceDate: string): Map<string, Evaluation> {
    const rows = this.statements.evaluationsOfDay.all(serviceDate) as EvaluationRow[];
    return new Map(rows.map((row) => [row.ticket_id, toEvaluation(row)]));
  }

  /** The rating of a ticket of any day. */
  evaluation(ticketId: string): Evaluation | null {
    const row = this.statements.evaluation.get(ticketId) as EvaluationRow | undefined;
    return row ? toEvaluation(row) : null;
  }

  followUp(id: string): FollowUp | null {
    const row = this.statements.followUp.get(id) as FollowUpRow | undefined;
    return row ? toFollowUp(row) : null;
  }

  /** Follow-ups, newest first. */
  followUps(selection: FollowUpSelection): FollowUp[] {
    const where: string[] = [];
    const params: Record<string, string> = { today: selection.today };
    if (selection.status === 'open') where.push('fix_at IS NULL');
    if (selection.status === 'overdue') {
      where.push(OVERDUE_SQL);
    }
    if (selection.from !== undefined) {
      where.push('service_date >= @from');
      params.from = selection.from;
    }
    if (selection.to !== undefined) {
      where.push('service_date <= @to');
      params.to = selection.to;
    }
    const sql = `SELECT * FROM follow_ups ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC`;
    // `today` is bound only where a condition names it.
    if (selection.status !== 'overdue') delete params.today;
    return (this.db.prepare(sql).all(params) as FollowUpRow[]).map(toFollowUp);
  }
}
