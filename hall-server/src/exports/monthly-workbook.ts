import { t, type Locale, type MonthlyReport } from '@hall/shared';
import type ExcelJS from 'exceljs';
import { loadExcel, type Excel } from './excel';
import { DEPARTMENTS_TABLE, LEADER_DUTY_TABLE, RATINGS_TABLE, STAFF_TABLE, WINDOWS_TABLE, monthlyTitle, ratingLevels, type ColumnKind, type Table } from './monthly-columns';

// The monthly window report (月度通报) as an Excel workbook: sheets 窗口, 部门, 人员, 好差评 and
// 领导值班, each with the hall and the month as its title, a frozen header row, and the numbers
// as numbers (formatted, so the office can sort and sum them).

/** Excel's number formats by column kind; a change of rank shows as ▲2 / ▼1 / —. */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  count: '0',
  minutes: '0.0',
  percent: '0.0%',
  score: '0.0',
  rankChange: '"▲"0;"▼"0;"—"',
};

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const RED = 'FFC00000';

function monthlyWorkbook(Excel: Excel, report: MonthlyReport, hallName: string, locale: Locale): ExcelJS.Workbook {
  const workbook = new Excel.Workbook();
  workbook.creator = hallName;
  const title = monthlyTitle(report, hallName, locale);
  addSheet(workbook, WINDOWS_TABLE, report, title, locale);
  addSheet(workbook, DEPARTMENTS_TABLE, report, title, locale);
  addSheet(workbook, STAFF_TABLE, report, title, locale);
  const ratings = addSheet(workbook, RATINGS_TABLE, report, title, locale);
  addRatingLevels(ratings, report, locale);
  addSheet(workbook, LEADER_DUTY_TABLE, report, title, locale);
  return workbook;
}

export async function monthlyXlsx(report: MonthlyReport, hallName: string, locale: Locale): Promise<Buffer> {
  return Buffer.from(await monthlyWorkbook(await loadExcel(), report, hallName, locale).xlsx.writeBuffer());
}

function addSheet<Row>(workbook: ExcelJS.Workbook, table: Table<Row>, report: MonthlyReport, title: string, locale: Locale): ExcelJS.Worksheet {
  const { columns } = table;
  const sheet = workbook.addWorksheet(t(locale, table.name), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 28;

  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => t(locale, c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;

  for (const row of table.rows(report)) {
    const added = sheet.addRow(columns.map((c) => c.value(row, locale)));
    if (table.alert?.(row)) added.font = { color: { argb: RED } };
  }
  return sheet;
}

/** The hall's ratings by level, under the windows, after a blank row. */
function addRatingLevels(sheet: ExcelJS.Worksheet, report: MonthlyReport, locale: Locale): void {
  sheet.addRow([]);
  sheet.addRow([t(locale, 'monthly.col.level'), t(locale, 'monthly.col.count')]).font = { bold: true };
  for (const { level, count } of ratingLevels(report)) sheet.addRow([t(locale, level), count]);
  sheet.addRow([t(locale, 'monthly.col.satisfactionRate'), report.hall.ratings.satisfactionRate]).getCell(2).numFmt = NUMBER_FORMATS.percent!;
}
