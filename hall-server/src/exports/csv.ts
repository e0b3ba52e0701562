// CSV files for Excel (RFC 4180): the audit log's and the monthly report's.

/** Excel in China reads a CSV file as UTF-8 only when it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV record, ended by CRLF. Cells are quoted when they hold a comma, a quote or a line
 * break; a text cell that a spreadsheet would take for a formula (=, +, -, @) gets a leading
 * apostrophe, so a notice or a name typed as "=…" stays text. Numbers are written as they are.
 */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells
    .map((cell) => {
      if (typeof cell === 'number') return String(cell);
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
