import { loadExcel } from '../exports/excel';

// A spreadsheet file's rows as text, numbered as the spreadsheet numbers them (row 1 first),
// from an .xlsx workbook (its first sheet) or a .csv file (UTF-8 with or without a byte-order
// mark, or GB18030, which is what Excel in China saves as "CSV (逗号分隔)").

export interface SheetRow {
  row: number;
  cells: string[];
}

export type SheetKind = 'xlsx' | 'csv';

/** The rows, or null when the bytes are not a workbook or a text file. */
export async function sheetRows(bytes: Buffer, kind: SheetKind): Promise<SheetRow[] | null> {
  return kind === 'xlsx' ? xlsxRows(bytes) : csvRows(csvText(bytes));
}

async function xlsxRows(bytes: Buffer): Promise<SheetRow[] | null> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    // `text` is what the cell shows: a number as typed, rich text as its characters, a formula's result.
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text.trim());
    rows.push({ row: row.number, cells });
  });
  return rows;
}

function csvText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 records: fields split by commas, quoted fields may hold commas, doubled quotes and
 * line breaks; records end with CRLF or LF. A record's number is its place in the file, as a
 * spreadsheet shows it (a line break inside quotes does not start a new row).
 */
export function csvRows(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const endRecord = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c !== '')) rows.push({ row, cells });
    cells = [];
    cell = '';
    row += 1;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\n') endRecord();
    else if (char !== '\r') cell += char;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return rows;
}
