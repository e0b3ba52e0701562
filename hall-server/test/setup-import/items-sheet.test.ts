import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readItemsSheet } from '../../src/setup-import/items-sheet';
import { csvRows, sheetRows } from '../../src/setup-import/sheet-rows';

// The service items sheet, from real .xlsx workbooks (written by exceljs, as Excel writes them)
// and CSV text as Excel and WPS save it: checked in full, every bad row named.

const categories = [{ code: 'A' }, { code: 'B' }];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('事项清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function read(bytes: Buffer, kind: 'xlsx' | 'csv', locale: 'zh-CN' | 'en' = 'zh-CN') {
  const rows = await sheetRows(bytes, kind);
  if (rows === null) throw new Error('not a file');
  return readItemsSheet(rows, categories, locale);
}

describe('the service items sheet', () => {
  it('reads an .xlsx workbook: Chinese headers, numbers as typed, rich text, ordered by 排序', async () => {
    const bytes = await xlsx([
      ['类别代码', '事项编码', '事项名称', '排序'],
      ['A', 'A02', '户口迁移', 2],
      ['a', 'A01', { richText: [{ text: '身份证' }, { text: '办理', font: { bold: true } }] }, 1],
      [],
      ['B', 101, '企业开办', null],
    ]);
    const sheet = await read(bytes, 'xlsx');
    expect(sheet).toEqual({
      ok: true,
      items: new Map([
        ['A', [{ code: 'A01', name: '身份证办理' }, { code: 'A02', name: '户口迁移' }]],
        ['B', [{ code: '101', name: '企业开办' }]],
      ]),
    });
  });

  it('names every bad row with its number, column and reason, and keeps nothing', async () => {
    const bytes = await xlsx([
      ['类别代码', '事项编码', '事项名称'],
      ['A', 'A01', '户口迁移'],
      ['Z', 'Z01', '不存在的类别'],
      ['A', 'A01', '重复的编码'],
      ['B', '', ''],
      ['B', 'B01', '很'.repeat(101)],
      ['B', 'B02', '多了一列', '备注'],
    ]);
    const sheet = await read(bytes, 'xlsx');
    expect(sheet).toEqual({
      ok: false,
      problems: [
        { row: 3, column: '类别代码', reason: '没有类别代码为 Z 的业务类别' },
        { row: 4, column: '事项编码', reason: 'A 类里事项编码 A01 重复（第 2 行已有）' },
        { row: 5, column: '事项编码', reason: '不能为空' },
        { row: 5, column: '事项名称', reason: '不能为空' },
        { row: 6, column: '事项名称', reason: '不能超过 100 个字' },
        { row: 7, reason: '这一行的内容超出了表头的 3 列' },
      ],
    });
  });

  it('says which header is missing, and in English when asked', async () => {
    const bytes = await xlsx([['Category code', 'Item name'], ['A', '户口迁移']]);
    expect(await read(bytes, 'xlsx', 'en')).toEqual({ ok: false, problems: [{ row: 1, column: '事项编码', reason: 'The header lacks this column' }] });
  });

  it('reads English headers and a sheet whose first row is empty as having no header', async () => {
    const english = await xlsx([['Category Code', 'Item Code', 'Item Name', 'Order'], ['B', 'B01', '企业开办', '']]);
    expect(await read(english, 'xlsx')).toMatchObject({ ok: true, items: new Map([['B', [{ code: 'B01', name: '企业开办' }]]]) });
    const shifted = await xlsx([[], ['类别代码', '事项编码', '事项名称'], ['B', 'B01', '企业开办']]);
    expect(await read(shifted, 'xlsx')).toMatchObject({ ok: false, problems: [{ row: 1 }] });
  });

  it('refuses bytes that are not a workbook', async () => {
    expect(await sheetRows(Buffer.from('类别代码,事项编码'), 'xlsx')).toBeNull();
  });

  it('reads CSV with a BOM, CRLF, quoted commas, doubled quotes and a line break in a cell', async () => {
    const text = '\uFEFF类别代码,事项编码,事项名称\r\nA,A01,"户口迁移，""跨省"""\r\n\r\nB,B01,"企业开办,\r\n变更"\r\nA,A02,  出生登记  \r\n';
    const sheet = await read(Buffer.from(text, 'utf8'), 'csv');
    expect(sheet).toEqual({
      ok: true,
      items: new Map([
        ['A', [{ code: 'A01', name: '户口迁移，"跨省"' }, { code: 'A02', name: '出生登记' }]],
        ['B', [{ code: 'B01', name: '企业开办,\r\n变更' }]],
      ]),
    });
  });

  it('numbers CSV rows as a spreadsheet does: blank lines count, a break inside quotes does not', () => {
    expect(csvRows('h1,h2\n\n"a\nb",c\nd,e').map((r) => r.row)).toEqual([1, 3, 4]);
  });

  it('reads a CSV saved by Excel in China (GB18030, no BOM)', async () => {
    const gbk = Buffer.from('c0e0b1f0b4fac2eb2ccac2cfeeb1e0c2eb2ccac2cfeec3fbb3c60d0a412c4139392cbba7bfdac7a8d2c60d0a', 'hex');
    expect(await read(gbk, 'csv')).toEqual({ ok: true, items: new Map([['A', [{ code: 'A99', name: '户口迁移' }]]]) });
  });

  it('takes 185 items in one go', async () => {
    const rows = Array.from({ length: 185 }, (_, i) => [i % 2 === 0 ? 'A' : 'B', `X${String(i + 1).padStart(3, '0')}`, `事项${i + 1}`]);
    const sheet = await read(await xlsx([['类别代码', '事项编码', '事项名称'], ...rows]), 'xlsx');
    expect(sheet.ok && [...sheet.items.values()].reduce((n, items) => n + items.length, 0)).toBe(185);
  });
});
