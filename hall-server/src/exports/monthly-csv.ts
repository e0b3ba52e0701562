import { t, type Locale, type MonthlyReport } from '@hall/shared';
import { CSV_BOM, csvLine } from './csv';
import { WINDOWS_TABLE, type ColumnKind } from './monthly-columns';

// The monthly report's window ranking (月度通报's 窗口 sheet) as a CSV file: UTF-8 with a
// byte-order mark so Excel in China opens the Chinese right, CRLF line ends, RFC 4180 quoting.

/** A number as the CSV writes it: minutes and the score to one decimal, shares as percentages, an empty cell for none. */
function cell(value: string | number | null, kind: ColumnKind): string | number {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'minutes':
    case 'score':
      return value.toFixed(1);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'rankChange':
      return value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : '—';
    default:
      return value;
  }
}

export function monthlyCsv(report: MonthlyReport, locale: Locale): string {
  const { columns } = WINDOWS_TABLE;
  const lines = [csvLine(columns.map((c) => t(locale, c.header)))];
  for (const row of WINDOWS_TABLE.rows(report)) lines.push(csvLine(columns.map((c) => cell(c.value(row, locale), c.kind))));
  return CSV_BOM + lines.join('');
}
