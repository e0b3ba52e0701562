import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection';
import { csvRows } from '../../src/setup-import/sheet-rows';
import { api, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';
import { ReportRows } from '../support/report-rows';

// The monthly report's files through HTTP: who may fetch them, a bad month, their types and names.

const at = (local: string) => Date.parse(`${local}+08:00`);

async function download(base: string, path: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('the monthly report exports', () => {
  let hall: TestHall;
  let base: string;
  let captain: string;

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => at('2027-01-05T09:00:00') } });
    base = hall.server.url;
    captain = await officeLogin(base, '2001');
    // December: window 2 serves two visitors quickly, window 1 one after a long wait.
    const db = openDatabase(hall.dbPath);
    const rows = new ReportRows(db);
    rows.inTransaction(() => {
      const visit = (number: string, windowNo: number, staffNo: string, issued: string, waitMinutes: number) => {
        const issuedAt = at(issued);
        rows.serviceDay('2026-12-08', issuedAt);
        rows.visit({ date: '2026-12-08', number, category: 'A', windowNo, staffNo, issuedAt, calledAt: issuedAt + waitMinutes * 60_000, finishedAt: issuedAt + (waitMinutes + 6) * 60_000 });
      };
      visit('A001', 2, '1002', '2026-12-08T09:00:00', 3);
      visit('A002', 2, '1002', '2026-12-08T09:10:00', 4);
      visit('A003', 1, '1001', '2026-12-08T09:20:00', 50);
    });
    db.close();
  });
  afterAll(async () => {
    await hall?.stop();
  });

  it('gives a duty captain the workbook, named for the month in Chinese, with the ranking', async () => {
    const reply = await download(base, '/api/reports/monthly.xlsx?month=2026-12', captain);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers.get('content-disposition')).toBe(
      `attachment; filename="monthly-window-report-2026-12.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年12月窗口月度通报.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.bytes as unknown as ArrayBuffer);
    const windows = workbook.getWorksheet('窗口')!;
    expect(String(windows.getCell('A1').value)).toMatch(/2026年12月窗口月度通报$/);
    expect(windows.getCell(3, 4).value).toBe(2);
    expect(windows.getCell(3, 7).value).toBe(2);
  });

  it('gives the ranking as CSV with a byte-order mark, in English for an English page', async () => {
    const reply = await download(base, '/api/reports/monthly.csv?month=2026-12', captain, { 'accept-language': 'en' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toContain(`filename*=UTF-8''monthly-window-report-2026-12.csv`);
    expect([...reply.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(reply.bytes.subarray(3).toString('utf8')).map((r) => r.cells);
    expect(rows[0]!.slice(0, 4)).toEqual(['Rank', 'Rank vs last month', 'Score', 'Window']);
    expect(rows[1]![3]).toBe('2');
  });

  it('refuses a bad month and anyone but the office', async () => {
    for (const format of ['xlsx', 'csv']) {
      const bad = await api(base, 'GET', `/api/reports/monthly.${format}?month=2026-13`, { token: captain });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect((await api(base, 'GET', `/api/reports/monthly.${format}?month=2026-12`)).status).toBe(401);
      const staff = await login(base, '1003', 3);
      expect((await api(base, 'GET', `/api/reports/monthly.${format}?month=2026-12`, { token: staff })).status).toBe(403);
    }
  });
});
