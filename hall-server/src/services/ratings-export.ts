import type { ExportedRating } from '@hall/shared';
import { PassThrough, type Readable } from 'node:stream';
import { loadExcel } from '../exports/excel';
import type { ExportHead } from '../queries/ratings';

// The 好差评 export's two files, written as the ratings are read: JSON (RatingsExport, in
// shared) and an XLSX sheet with Chinese headers (exceljs' streaming writer, each row flushed
// once written). Memory stays one page of ratings whatever the span.

/** `{ from, to, generatedAt, timezone, ratings: [...] }`, a page of ratings at a time. */
export async function* ratingsJson(head: ExportHead, pages: AsyncIterable<ExportedRating[]>): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"ratings":[`;
  let first = true;
  for await (const page of pages) {
    yield (first ? '' : ',') + page.map((rating) => JSON.stringify(rating)).join(',');
    first = false;
  }
  yield ']}';
}

/** The sheet's columns: the Chinese header the province's staff read, the field it holds (README "好差评 export"). */
export const RATINGS_SHEET_COLUMNS: readonly { header: string; field: keyof ExportedRating; width: number }[] = [
  { header: '评价时间', field: 'ratedAtLocal', width: 20 },
  { header: '评价时间(UTC)', field: 'ratedAt', width: 26 },
  { header: '办理日期', field: 'serviceDate', width: 12 },
  { header: '号票', field: 'number', width: 8 },
  { header: '评价等级', field: 'levelName', width: 12 },
  { header: '星级', field: 'stars', width: 6 },
  { header: '差评原因', field: 'reasonNames', width: 24 },
  { header: '评价渠道', field: 'channel', width: 10 },
  { header: '窗口号', field: 'windowNo', width: 8 },
  { header: '窗口名称', field: 'windowName', width: 18 },
  { header: '部门', field: 'department', width: 18 },
  { header: '工号', field: 'staffNo', width: 10 },
  { header: '业务类别', field: 'category', width: 8 },
  { header: '业务类别名称', field: 'categoryName', width: 16 },
  { header: '事项编码', field: 'itemCode', width: 18 },
  { header: '事项名称', field: 'itemName', width: 30 },
  { header: '办件编号', field: 'caseNo', width: 24 },
  { header: '整改状态', field: 'followUp', width: 14 },
];

/** The channel and the follow-up state as words in the sheet; the JSON keeps the codes. */
const CHANNEL_NAMES: Record<ExportedRating['channel'], string> = { pad: '评价器', phone: '手机' };
const FOLLOW_UP_NAMES: Record<ExportedRating['followUp'], string> = {
  none: '无需整改',
  open: '待回访',
  called_back: '已回访待整改',
  closed_on_time: '按时整改',
  closed_late: '逾期整改',
  overdue: '已逾期',
};

function cell(rating: ExportedRating, field: keyof ExportedRating): string | number | null {
  switch (field) {
    case 'reasonNames':
      return rating.reasonNames.join('、');
    case 'channel':
      return CHANNEL_NAMES[rating.channel];
    case 'followUp':
      return FOLLOW_UP_NAMES[rating.followUp];
    default: {
      const value = rating[field];
      return typeof value === 'string' || typeof value === 'number' ? value : null;
    }
  }
}

/** The XLSX file as a stream: one sheet 好差评, rows written as the pages come. */
export function ratingsXlsx(pages: AsyncIterable<ExportedRating[]>): Readable {
  const stream = new PassThrough();
  const write = async () => {
    const Excel = await loadExcel();
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('好差评', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = RATINGS_SHEET_COLUMNS.map(({ header, field, width }) => ({ header, key: field, width }));
    sheet.getRow(1).font = { bold: true };
    for await (const page of pages) {
      for (const rating of page) sheet.addRow(RATINGS_SHEET_COLUMNS.map(({ field }) => cell(rating, field))).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}
