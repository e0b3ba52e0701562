import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { monthlyCsv } from '../../src/exports/monthly-csv';
import { monthlyXlsx } from '../../src/exports/monthly-workbook';
import { csvRows } from '../../src/setup-import/sheet-rows';
import { monthlyReportFixture } from '../support/monthly-report';

// The monthly report's exports read back: the workbook with exceljs, cell by cell; the CSV file
// with an RFC 4180 parser.

const HALL = '某某县政务服务中心';

async function readBack(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await monthlyXlsx(monthlyReportFixture(), HALL, 'zh-CN')) as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('the monthly report as a workbook', () => {
  it('has the five sheets, each titled with the hall and the month over a frozen header row', async () => {
    const workbook = await readBack();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['窗口', '部门', '人员', '好差评', '领导值班']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell('A1').value).toBe('某某县政务服务中心 2026年12月窗口月度通报');
      expect(sheet.getCell('A1').isMerged).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
    }
  });

  it('ranks the windows, best first and the unranked last, with numbers as numbers in their formats', async () => {
    const sheet = (await readBack()).getWorksheet('窗口')!;
    expect(rowValues(sheet, 2)).toEqual([
      '排名', '较上月排名', '得分', '窗口号', '窗口名称', '部门', '办结', '上月办结', '过号',
      '平均等候（分钟）', '90%等候（分钟）', '平均办理（分钟）', '已评价', '主动评价率', '满意率', '差评', '应整改', '按期整改',
    ]);
    expect([3, 4, 5, 6].map((r) => sheet.getCell(r, 4).value)).toEqual([5, 1, 3, 2]);
    expect([3, 4, 5, 6].map((r) => sheet.getCell(r, 1).value)).toEqual([1, 2, 3, null]);
    // Window 5 rose from 3rd to 1st, window 1 fell from 1st to 2nd, window 3 kept its place.
    expect([3, 4, 5].map((r) => sheet.getCell(r, 2).value)).toEqual([2, -1, 0]);
    expect(sheet.getCell(3, 2).numFmt).toBe('"▲"0;"▼"0;"—"');
    expect(sheet.getCell(4, 3)).toMatchObject({ value: 88.25, numFmt: '0.0' });
    expect(sheet.getCell(4, 10)).toMatchObject({ value: 12.34, numFmt: '0.0' });
    expect(sheet.getCell(4, 15)).toMatchObject({ value: 0.98, numFmt: '0.0%' });
    expect(sheet.getCell(4, 7)).toMatchObject({ value: 150, numFmt: '0' });
    expect(sheet.getCell(4, 8).value).toBe(140);
    expect(sheet.getCell(5, 5).value).toBe('企业开办 "一窗通", 综合');
    // The unranked window has no figures where there was nothing to measure.
    expect([3, 10, 15].map((c) => sheet.getCell(6, c).value)).toEqual([null, null, null]);
  });

  it('shows departments with their leaders overdue in red, and the leader-duty standing', async () => {
    const workbook = await readBack();
    const departments = workbook.getWorksheet('部门')!;
    expect(rowValues(departments, 3)).toEqual(['县市场监督管理局', '1、2、3', 280, 240, 11.5, 8.1, 224, 0.8, 0.98, 2, 2, 1, '逾期', '正常']);
    expect(departments.getRow(3).getCell(1).font?.color?.argb).toBe('FFC00000');
    expect(departments.getRow(4).getCell(1).font?.color).toBeUndefined();
    const duty = workbook.getWorksheet('领导值班')!;
    expect(rowValues(duty, 2)[0]).toBe('部门');
    expect(rowValues(duty, 3)).toEqual(['县市场监督管理局', 0, '2026-03-10', '2026-09-10', '逾期', 1, '2026-12-03', '2027-01-03', '正常']);
  });

  it('lists the staff and the ratings, with the hall’s ratings by level under the windows', async () => {
    const workbook = await readBack();
    const staff = workbook.getWorksheet('人员')!;
    expect(rowValues(staff, 2)).toEqual(['工号', '姓名', '窗口', '办结', '平均办理（分钟）', '已评价', '满意率', '差评']);
    expect(rowValues(staff, 4)).toEqual(['1002', '李强', '3、5', 330, 8.1, 280, 0.99, 1]);
    expect(staff.getCell(3, 5).numFmt).toBe('0.0');
    const ratings = workbook.getWorksheet('好差评')!;
    expect(rowValues(ratings, 3).slice(0, 8)).toEqual([5, '不动产登记', '县自然资源局', 200, 160, 0.8, 0.995, 0.99]);
    // Four windows (rows 3–6), a blank row, then the levels.
    expect(rowValues(ratings, 8)).toEqual(['评价等级', '数量']);
    expect(rowValues(ratings, 9)).toEqual(['非常满意', 300]);
    expect(rowValues(ratings, 13)).toEqual(['非常不满意', 2]);
    expect(ratings.getCell(14, 2)).toMatchObject({ value: 0.98, numFmt: '0.0%' });
  });

  it('writes English headers and sheet names for an English reader', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await monthlyXlsx(monthlyReportFixture(), HALL, 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Windows', 'Departments', 'Staff', 'Ratings', 'Leader duty']);
    expect(workbook.worksheets[0]!.getCell('A2').value).toBe('Rank');
  });
});

describe('the monthly report as a CSV file', () => {
  const text = monthlyCsv(monthlyReportFixture(), 'zh-CN');

  it('starts with a byte-order mark and ends every record with CRLF', () => {
    expect(text.startsWith('\uFEFF排名,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5 + 1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back to the ranking, quoting a name with a comma and a quote', () => {
    expect(text).toContain('"企业开办 ""一窗通"", 综合"');
    const rows = csvRows(text.slice(1)).map((r) => r.cells);
    expect(rows[0]).toHaveLength(18);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['5', '1', '3', '2']);
    expect(rows[1]).toEqual(['1', '▲2', '93.5', '5', '不动产登记', '县自然资源局', '200', '180', '5', '10.0', '25.0', '8.0', '160', '80.0%', '99.5%', '1', '1', '1']);
    expect(rows[2]!.slice(0, 3)).toEqual(['2', '▼1', '88.3']);
    expect(rows[3]!.slice(0, 5)).toEqual(['3', '—', '71.0', '3', '企业开办 "一窗通", 综合']);
    expect(rows[4]!.slice(0, 3)).toEqual(['', '', '']);
  });
});
