import type { Db } from './connection';

// The audit log's rows: the event log's staff actions and set-up changes, with the names they
// need (the ticket's number, the actor as the set-up knows them now), newest first.

/** Staff actions of the event log. Set-up changes (`setup.*`) and PIN changes (`staff.*`) are in by their prefix. */
export const AUDITED_KINDS = [
  'ticket.called',
  'ticket.recalled',
  'ticket.no_show',
  'ticket.finished',
  'ticket.transferred',
  'ticket.reactivated',
  'ticket.no_show_undone',
  'ticket.reprinted',
  'window.signed_in',
  'window.signed_out',
  'window.paused',
  'window.resumed',
  'window.extended_service',
  'appointment.booked',
  'roster.changed',
  'notice.changed',
  'evaluation.requested',
  'follow_up.called_back',
  'follow_up.fixed',
  'help.handled',
  // The office (issue 16, H2).
  'leader_duty.recorded',
  'onsite.requested',
  'onsite.changed',
] as const;
export const AUDITED_PREFIXES = ['setup.', 'staff.'] as const;

export interface AuditSelection {
  /** Instants (ms since the epoch): from inclusive, until exclusive. */
  from: number;
  until: number;
  staffNo?: string;
  windowNo?: number;
  /** A kind (`ticket.called`) or a prefix of kinds (`ticket.`, or `ticket`). */
  kind?: string;
}

export interface AuditRow {
  id: number;
  at: number;
  type: string;
  windowNo: number | null;
  staffNo: string | null;
  /** The event's own fields (JSON). */
  data: string;
  ticketNumber: string | null;
  staffName: string | null;
  /** The actor's roles now (JSON array), null if the set-up no longer has them. */
  staffRoles: string | null;
}

/** Where a page of rows ends: the next page starts just before it. */
export interface AuditCursor {
  at: number;
  id: number;
}

/** The next string after every string starting with `prefix`, for a range on the index. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** A kind (`ticket.called`), or a prefix of kinds (`ticket.` or `ticket`), as a range of the index. */
function kindRange(kind: string): { kindFrom: string; kindTo: string } {
  if (kind.includes('.') && !kind.endsWith('.')) return { kindFrom: kind, kindTo: `${kind}\u0000` };
  const prefix = kind.endsWith('.') ? kind : `${kind}.`;
  return { kindFrom: prefix, kindTo: prefixEnd(prefix) };
}

/** Up to this many events of the asked kind in the span are found by kind and sorted. */
const FEW_OF_A_KIND = 20_000;

const audited = [
  `e.type IN (${AUDITED_KINDS.map((k) => `'${k}'`).join(', ')})`,
  ...AUDITED_PREFIXES.map((p) => `(e.type >= '${p}' AND e.type < '${prefixEnd(p)}')`),
].join(' OR ');

export class AuditStore {
  constructor(private readonly db: Db) {}

  /** Up to `limit` rows, newest first, before `cursor` if given. */
  page(selection: AuditSelection, limit: number, cursor?: AuditCursor): AuditRow[] {
    // Newest first is a walk back along events_at that stops at the page's last row; a kind with
    // few events in the span would make that walk the whole span, so those are found by their kind
    // (events_kind) and sorted, and the time index is kept out of it (+e.at).
    const byKind = selection.kind !== undefined && !selection.staffNo && this.fewOfKind(selection);
    const time = byKind ? '+e.at' : 'e.at';
    const where = [`${time} >= @from`, `${time} < @until`, `(${audited})`];
    // A 请评价 pressed again is a staff action; the one every 办结 asks by itself is the 办结's.
    where.push(`NOT (e.type = 'evaluation.requested' AND EXISTS (
      SELECT 1 FROM events f WHERE f.ticket_id = e.ticket_id AND f.type = 'ticket.finished' AND f.at = e.at))`);
    const params: Record<string, string | number> = { from: selection.from, until: selection.until, limit };
    if (selection.staffNo) {
      where.push('e.staff_no = @staffNo');
      params.staffNo = selection.staffNo;
    }
    if (selection.windowNo !== undefined) {
      where.push('e.window_no = @windowNo');
      params.windowNo = selection.windowNo;
    }
    if (selection.kind) {
      const { kindFrom, kindTo } = kindRange(selection.kind);
      where.push('e.type >= @kindFrom AND e.type < @kindTo');
      params.kindFrom = kindFrom;
      params.kindTo = kindTo;
    }
    if (cursor) {
      where.push('(e.at < @cursorAt OR (e.at = @cursorAt AND e.id < @cursorId))');
      params.cursorAt = cursor.at;
      params.cursorId = cursor.id;
    }
    return this.db
      .prepare(
        `SELECT e.id, e.at, e.type, e.window_no AS windowNo, e.staff_no AS staffNo, e.data,
           t.number AS ticketNumber, s.name AS staffName, s.roles AS staffRoles
         FROM events e
         LEFT JOIN tickets t ON t.id = e.ticket_id
         LEFT JOIN staff s ON s.staff_no = e.staff_no
         WHERE ${where.join(' AND ')}
         ORDER BY e.at DESC, e.id DESC
         LIMIT @limit`,
      )
      .all(params) as AuditRow[];
  }

  /** Whether the span holds few enough events of the kind to sort them all. */
  private fewOfKind(selection: AuditSelection): boolean {
    const count = this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE type >= @kindFrom AND type < @kindTo AND at >= @from AND at < @until LIMIT @enough)`)
      .pluck()
      .get({ ...kindRange(selection.kind!), from: selection.from, until: selection.until, enough: FEW_OF_A_KIND + 1 }) as number;
    return count <= FEW_OF_A_KIND;
  }

  /** Names the summaries use: staff (a PIN reset's person), categories, kiosks by device id. */
  names(): AuditNames {
    const pairs = (sql: string) => new Map((this.db.prepare(sql).all() as { key: string; name: string }[]).map((r) => [r.key, r.name]));
    return {
      staff: pairs(`SELECT staff_no AS key, name FROM staff`),
      categories: pairs(`SELECT code AS key, name FROM categories`),
      kiosks: pairs(`SELECT device_id AS key, name FROM kiosks`),
    };
  }
}

export interface AuditNames {
  staff: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, string>;
  kiosks: ReadonlyMap<string, string>;
}
