import ExcelJS from 'exceljs';
import { RatingsExport } from '@hall/shared';
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReportData } from '../../bench/support/report-data';
import { cspViolations, launchBrowser, newPage, screenshot } from '../support/browser';
import { startTestHall, type TestHall } from '../support/hall-server';

// The office's 月度通报 and 报表 views at the office PC's sizes, over two months of the
// center's load written straight into the tables (November and December 2026). The hall's clock
// is 5 January 2027, early in the month: the page opens on December.

const JANUARY_5TH = Date.parse('2027-01-05T09:00:00+08:00');

describe('the monthly report page', () => {
  let hall: TestHall;
  let browser: Browser;

  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => JANUARY_5TH } }), launchBrowser()]);
    // The server reopens a file that already holds the demo hall and its two months.
    await hall.down();
    for (const suffix of ['', '-wal', '-shm']) rmSync(hall.dbPath + suffix, { force: true });
    await generateReportData(hall.dbPath, { days: 44, ticketsPerDay: 150, startAfter: '2026-10-31' });
    await hall.up();
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  async function openView(page: Page, view: string): Promise<void> {
    await page.goto(`${hall.server.url}/office`);
    await page.locator('input[name="staffNo"]').fill('2001');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: view, exact: true }).click();
  }

  /** Nothing wider than the window: the page never scrolls sideways (tables scroll inside their boxes). */
  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): { scrollWidth: number; clientWidth: number } } }).document;
      const view = d.querySelector('.office-view');
      return d.documentElement.scrollWidth <= d.documentElement.clientWidth && view.scrollWidth <= view.clientWidth;
    });

  it('shows December’s ranking, departments, staff and charts at 1366x768, and saves the XLSX under its name', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await openView(page, '月度通报');
    const ranking = page.getByTestId('window-ranking').locator('tbody tr');
    await page.getByText('2026-12-01 至 2026-12-31').waitFor();
    expect(await page.locator('input[name="month"]').inputValue()).toBe('2026-12');
    await ranking.first().waitFor();
    // Best first: the first row is ranked 1, the ranks go up, and the changes against November are shown.
    const ranks = (await ranking.locator('.monthly-rank').allTextContents()).filter((r) => r !== '—').map(Number);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await ranking.locator('.monthly-up, .monthly-down').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('departments').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('staff').locator('tbody tr').count()).toBeGreaterThan(1);
    // Each chart drew its bars: a window's, the month's 23 working days, the waiting bands.
    for (const [chart, least] of [['windows', 5], ['daily', 20], ['waiting', 5]] as const) {
      expect(await page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle`).count()).toBeGreaterThanOrEqual(least);
    }
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'office-monthly-report-1366x768');

    // The export shows its progress while the file is on its way, then saves it under the month's name.
    const progress = page.getByTestId('export-progress');
    await page.route('**/api/reports/monthly.xlsx?*', async (route) => {
      const response = await route.fetch();
      await progress.waitFor();
      await route.fulfill({ response });
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe('2026年12月窗口月度通报.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['窗口', '部门', '人员', '好差评', '领导值班']);
    expect(workbook.getWorksheet('窗口')!.getCell(3, 1).value).toBe(1);
    await progress.waitFor({ state: 'detached' });
    await page.getByText('已保存 2026年12月窗口月度通报.xlsx').waitFor();

    // December's ratings handed to the province from the same bar: every rating of the month, as JSON.
    const [ratings] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="ratings-json"]').click()]);
    const handedOn = RatingsExport.parse(JSON.parse(readFileSync((await ratings.path())!, 'utf8')));
    expect([handedOn.from, handedOn.to]).toEqual(['2026-12-01', '2026-12-31']);
    expect(handedOn.ratings.length).toBeGreaterThan(100);
    expect(handedOn.ratings.every((rating) => rating.serviceDate >= '2026-12-01' && rating.serviceDate <= '2026-12-31')).toBe(true);
    await page.getByText(`已保存 ${ratings.suggestedFilename()}`).waitFor();

    // 报表 by staff member over December: a wide table that scrolls inside its box.
    await page.getByRole('button', { name: '报表', exact: true }).click();
    await page.locator('input[name="from"]').fill('2026-12-01');
    await page.locator('input[name="to"]').fill('2026-12-31');
    await page.locator('[data-by="staff"]').click();
    await page.getByTestId('summary').locator('thead th').filter({ hasText: '按人员' }).waitFor();
    await page.getByText('2026-12-01 至 2026-12-31').waitFor();
    expect(await page.getByTestId('summary').locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'office-summary-by-staff-1366x768');
    await page.close();
  });

  it('fits 1920x1080 in English, and the 报表 view breaks a span down by department', async () => {
    const page = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    await openView(page, '月度通报');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByText('Window ranking').waitFor();
    await page.getByTestId('window-ranking').locator('tbody tr').first().waitFor();
    await page.locator('[data-chart="daily"] .recharts-bar-rectangle').first().waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'office-monthly-report-1920x1080-en');

    // November from the 1st to the 30th, by department: the departments' rows and the hall's total.
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await page.locator('input[name="from"]').fill('2026-11-01');
    await page.locator('input[name="to"]').fill('2026-11-30');
    await page.locator('[data-by="department"]').click();
    await page.getByText('2026-11-01 to 2026-11-30').waitFor();
    const table = page.getByTestId('summary');
    await table.locator('thead th').filter({ hasText: 'By department' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    const served = (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
    expect(Number(await table.locator('tfoot td:nth-child(3)').textContent())).toBe(served.reduce((a, b) => a + b, 0));
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'office-summary-by-department-1920x1080-en');
    // The charts and the download need nothing the server's Content-Security-Policy refuses.
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});
