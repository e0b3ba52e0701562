import type { EvaluationChannel, RecordedReason, SatisfactionLevel } from '@hall/shared';
import type { Db } from './connection';

// The span's ratings for the province's 好差评 platform, a page at a time in the order they
// were given, with the names the set-up tables keep (removed windows and categories too). The
// visitor's call-back number and comment are not read at all.

export interface ExportedRatingRow {
  ticketId: string;
  serviceDate: string;
  number: string;
  windowNo: number;
  staffNo: string;
  caseNo: string | null;
  itemCode: string | null;
  level: SatisfactionLevel;
  stars: number;
  reasons: readonly RecordedReason[];
  channel: EvaluationChannel;
  ratedAt: number;
  category: string;
  categoryName: string | null;
  itemName: string | null;
  windowName: string | null;
  department: string | null;
  followUp: { callbackDue: string; fixDue: string; callbackAt: number | null; fixAt: number | null } | null;
}

interface Row extends Omit<ExportedRatingRow, 'reasons' | 'followUp'> {
  reasons: string;
  callbackDue: string | null;
  fixDue: string | null;
  callbackAt: number | null;
  fixAt: number | null;
}

/** Where the last page ended: ratings are read in (ratedAt, ticketId) order. */
export interface RatingsCursor {
  ratedAt: number;
  ticketId: string;
}

export class RatingsExportStore {
  private readonly statement;

  constructor(db: Db) {
    this.statement = db.prepare(`
      SELECT e.ticket_id AS ticketId, e.service_date AS serviceDate, e.number, e.window_no AS windowNo,
        e.staff_no AS staffNo, e.case_no AS caseNo, e.item_code AS itemCode, e.level, e.stars, e.reasons,
        e.channel, e.rated_at AS ratedAt, t.category, c.name AS categoryName, i.name AS itemName,
        w.name AS windowName, w.department, f.callback_due AS callbackDue, f.fix_due AS fixDue,
        f.callback_at AS callbackAt, f.fix_at AS fixAt
      FROM evaluations e
      JOIN tickets t ON t.id = e.ticket_id
      LEFT JOIN categories c ON c.code = t.category
      LEFT JOIN service_items i ON i.category = t.category AND i.code = e.item_code
      LEFT JOIN windows w ON w.no = e.window_no
      LEFT JOIN follow_ups f ON f.id = e.follow_up_id
      WHERE e.service_date BETWEEN @from AND @to AND e.status = 'rated'
        AND (e.rated_at, e.ticket_id) > (@afterAt, @afterId)
      ORDER BY e.rated_at, e.ticket_id
      LIMIT @limit`);
  }

  /** Up to `limit` ratings of service days from..to after `cursor`. */
  page(from: string, to: string, limit: number, cursor: RatingsCursor | null): ExportedRatingRow[] {
    const rows = this.statement.all({ from, to, limit, afterAt: cursor?.ratedAt ?? -1, afterId: cursor?.ticketId ?? '' }) as Row[];
    return rows.map(({ reasons, callbackDue, fixDue, callbackAt, fixAt, ...rest }) => ({
      ...rest,
      reasons: JSON.parse(reasons) as RecordedReason[],
      followUp: callbackDue === null || fixDue === null ? null : { callbackDue, fixDue, callbackAt, fixAt },
    }));
  }
}
