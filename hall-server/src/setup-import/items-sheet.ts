import { ServiceItem, t, type Category, type ImportProblem, type Locale, type MessageKey } from '@hall/shared';
import type { SheetRow } from './sheet-rows';

// The service items sheet (事项清单) a center keeps in Excel: one item a row under the headers
// 类别代码 | 事项编码 | 事项名称 | 排序 (optional; the English headers work too). Checked in full
// before anything changes: every bad row is named with its number and why. The items of each
// category the sheet names replace that category's items; categories it does not name keep theirs.

const COLUMNS = {
  category: ['类别代码', '类别', 'category', 'category code', 'categorycode'],
  code: ['事项编码', '事项代码', 'item code', 'itemcode', 'code'],
  name: ['事项名称', 'item name', 'itemname', 'name'],
  order: ['排序', '顺序', 'order', 'position'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['category', 'code', 'name'];
/** More than any hall keeps; a file beyond it is the wrong file. */
export const MAX_ITEM_ROWS = 5_000;

const ITEM_CODE_MAX = ServiceItem.shape.code.maxLength!;
const ITEM_NAME_MAX = ServiceItem.shape.name.maxLength!;

export type ItemsSheet = { ok: true; items: Map<string, { code: string; name: string }[]> } | { ok: false; problems: ImportProblem[] };

/** The header's wording, for matching: no spaces, underscores or case. */
const plain = (header: string) => header.toLowerCase().replace(/[\s_]+/g, ' ').trim();

export function readItemsSheet(rows: readonly SheetRow[], categories: readonly Pick<Category, 'code'>[], locale: Locale): ItemsSheet {
  const say = (key: string, params: Record<string, string | number> = {}) => t(locale, `import.${key}` as MessageKey, params);
  const [header, ...body] = rows;
  if (!header || header.row !== 1) return { ok: false, problems: [{ row: 1, reason: say('noHeader') }] };

  const at: Partial<Record<Column, number>> = {};
  const problems: ImportProblem[] = [];
  header.cells.forEach((cell, index) => {
    const column = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(plain(cell)));
    if (column === undefined) return;
    if (at[column] !== undefined) problems.push({ row: 1, column: cell, reason: say('columnTwice') });
    else at[column] = index;
  });
  for (const column of REQUIRED) {
    if (at[column] === undefined) problems.push({ row: 1, column: COLUMNS[column][0], reason: say('columnMissing') });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ row: 2, reason: say('noRows') }] };
  if (body.length > MAX_ITEM_ROWS) return { ok: false, problems: [{ row: MAX_ITEM_ROWS + 2, reason: say('tooManyRows', { max: MAX_ITEM_ROWS }) }] };

  const known = new Set(categories.map((c) => c.code));
  const width = header.cells.length;
  const seen = new Map<string, number>();
  const parsed: { row: number; category: string; code: string; name: string; order: number | null; index: number }[] = [];
  body.forEach(({ row, cells }, index) => {
    const before = problems.length;
    const value = (column: Column) => (at[column] === undefined ? '' : (cells[at[column]!] ?? ''));
    const bad = (column: Column, reason: string) => problems.push({ row, column: header.cells[at[column]!], reason });
    if (cells.slice(width).some((c) => c !== '')) problems.push({ row, reason: say('extraCells', { columns: width }) });
    const category = value('category').toUpperCase();
    if (category === '') bad('category', say('empty'));
    else if (!known.has(category)) bad('category', say('unknownCategory', { category }));
    const code = value('code');
    if (code === '') bad('code', say('empty'));
    else if (code.length > ITEM_CODE_MAX) bad('code', say('tooLong', { max: ITEM_CODE_MAX }));
    else {
      const first = seen.get(`${category}\u0000${code}`);
      if (first !== undefined) bad('code', say('duplicateCode', { code, category, row: first }));
      else seen.set(`${category}\u0000${code}`, row);
    }
    const name = value('name');
    if (name === '') bad('name', say('empty'));
    else if (name.length > ITEM_NAME_MAX) bad('name', say('tooLong', { max: ITEM_NAME_MAX }));
    const orderText = value('order');
    const order = orderText === '' ? null : Number(orderText);
    if (order !== null && !Number.isInteger(order)) bad('order', say('notWholeNumber'));
    if (problems.length === before) parsed.push({ row, category, code, name, order, index });
  });
  if (problems.length > 0) return { ok: false, problems };

  // By 排序 where given (rows without one after those with), else in the file's order.
  parsed.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index);
  const items = new Map<string, { code: string; name: string }[]>();
  for (const { category, code, name } of parsed) {
    const list = items.get(category) ?? [];
    list.push({ code, name });
    items.set(category, list);
  }
  return { ok: true, items };
}
