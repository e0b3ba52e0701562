import { dayAfter, localDateTime, pickLocale, startOfLocalDate, t, type AuditEntry, type AuditQuery, type AuditReply, type Locale } from '@hall/shared';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditNames, AuditRow, AuditSelection, AuditStore } from '../db/audit-store';
import { CSV_BOM, csvLine } from '../exports/csv';
import { auditSummary } from './summary';

// The audit log (审计日志): every staff action and set-up change between two of the hall's local
// dates, newest first, as entries for the admin page or as a CSV file for Excel.

/** The page's entries at most; `truncated` says there were more. */
export const AUDIT_LIMIT = 2_000;
/** Rows read per query while the CSV streams: the hall's commands run between two of them. */
const CSV_PAGE = 1_000;

export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly timezone: () => string,
  ) {}

  entries(query: AuditQuery, acceptLanguage: string | undefined): AuditReply {
    const locale = pickLocale(acceptLanguage);
    const rows = this.store.page(this.selection(query), AUDIT_LIMIT + 1);
    const names = this.store.names();
    return { entries: rows.slice(0, AUDIT_LIMIT).map((row) => entry(row, names, locale)), truncated: rows.length > AUDIT_LIMIT };
  }

  /** The whole span as CSV: UTF-8 with a byte-order mark (Excel in China reads it as UTF-8 then), headers in the reader's language. */
  async *csv(query: AuditQuery, acceptLanguage: string | undefined): AsyncGenerator<string> {
    const locale = pickLocale(acceptLanguage);
    const selection = this.selection(query);
    const names = this.store.names();
    const timezone = this.timezone();
    const header = (['at', 'staffNo', 'staffName', 'kind', 'windowNo', 'summary'] as const).map((h) => t(locale, `audit.csv.${h}`));
    yield `${CSV_BOM}${csvLine(header)}`;
    let cursor: AuditRow | undefined;
    for (;;) {
      const rows = this.store.page(selection, CSV_PAGE, cursor);
      if (rows.length === 0) return;
      yield rows
        .map((row) => {
          const { staffNo, staffName, kind, windowNo, summary } = entry(row, names, locale);
          return csvLine([localDateTime(row.at, timezone), staffNo ?? '', staffName ?? '', kind, windowNo === null ? '' : String(windowNo), summary]);
        })
        .join('');
      cursor = rows[rows.length - 1];
      await nextTurn();
    }
  }

  /** The query's local dates as instants: from the first day's local midnight to the one after the last day. */
  private selection(query: AuditQuery): AuditSelection {
    const timezone = this.timezone();
    return {
      from: startOfLocalDate(query.from, timezone),
      until: startOfLocalDate(dayAfter(query.to), timezone),
      ...(query.staffNo ? { staffNo: query.staffNo } : {}),
      ...(typeof query.windowNo === 'number' ? { windowNo: query.windowNo } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    };
  }
}

function entry(row: AuditRow, names: AuditNames, locale: Locale): AuditEntry {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    at: new Date(row.at).toISOString(),
    staffNo: row.staffNo,
    staffName: row.staffName,
    kind: row.type,
    windowNo: row.windowNo,
    summary: auditSummary(row, data, names, locale),
    details: row.ticketNumber === null ? data : { ...data, ticketNumber: row.ticketNumber },
  };
}
