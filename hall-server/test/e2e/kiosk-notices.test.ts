import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { demoDeviceToken, api, startTestHall, type TestHall, deviceToken, clockFrom } from '../support/hall-server';

// A kiosk's trouble reaches the people whose work it is, named by the kiosk's place: the guide
// on duty at their window console, the duty captain on the office page; not every window.
// Monday 10:00: 杨帆 (1006) is the morning guide, 章建国 (2001) the duty captain; 1001 is
// window staff only.

const VIEWPORT = { width: 1366, height: 768 };

describe('kiosk faults and 呼叫导服员 at the consoles and the office', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    const start = Date.parse('2026-03-02T10:00:00+08:00');
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(start) }), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  async function console_(windowNo: number, staffNo: string): Promise<Page> {
    const page = await newPage(browser, { viewport: VIEWPORT });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill(String(windowNo));
    await page.locator('input[name="staffNo"]').fill(staffNo);
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-action="call-next"]').waitFor();
    return page;
  }

  it('shows them to the guide and the captain, not to other windows, and 已处理 clears them everywhere', async () => {
    const guide = await console_(6, '1006');
    const other = await console_(1, '1001');
    const office = await newPage(browser, { viewport: VIEWPORT });
    await office.goto(`${base}/office`);
    await office.locator('input[name="staffNo"]').fill('2001');
    await office.locator('input[name="pin"]').fill('123456');
    await office.getByRole('button', { name: '登录', exact: true }).click();
    await office.getByTestId('office-staff').waitFor();

    await api(base, 'PUT', '/api/devices/kiosk-01/status', { token: demoDeviceToken(hall, 'kiosk-01'), body: { part: 'printer', fault: 'paper_out' } });
    await api(base, 'POST', '/api/help-requests', { token: demoDeviceToken(hall, 'kiosk-02'), body: { deviceId: 'kiosk-02' } });
    for (const page of [guide, office]) {
      await page.getByTestId('device-fault').filter({ hasText: '一楼大厅东侧取号机：打印机缺纸，请导服员协助' }).waitFor();
      await page.getByTestId('help-request').filter({ hasText: '一楼大厅西侧取号机有群众呼叫导服员' }).waitFor();
    }
    await screenshot(guide, 'console-kiosk-help-1366x768');
    await screenshot(office, 'office-kiosk-help-1366x768');
    // The window that is not a guide's heard the same broadcast, and shows neither.
    await other.getByTestId('current-number').or(other.locator('[data-action="call-next"]')).first().waitFor();
    expect(await other.getByTestId('device-fault').count()).toBe(0);
    expect(await other.getByTestId('help-request').count()).toBe(0);

    await guide.getByRole('button', { name: '已处理' }).click();
    await guide.getByTestId('help-request').waitFor({ state: 'detached' });
    await office.getByTestId('help-request').waitFor({ state: 'detached' });
    const open = (await api(base, 'GET', '/api/help-requests', { token: deviceToken(hall, 'kiosk') })).body.helpRequests;
    expect(open).toEqual([]);

    await api(base, 'POST', '/api/help-requests', { token: demoDeviceToken(hall, 'kiosk-01'), body: { deviceId: 'kiosk-01' } });
    await guide.getByTestId('help-request').filter({ hasText: '一楼大厅东侧取号机' }).waitFor();
    await office.getByTestId('help-request').filter({ hasText: '一楼大厅东侧取号机' }).getByRole('button', { name: '已处理' }).click();
    await guide.getByTestId('help-request').waitFor({ state: 'detached' });
    await office.getByTestId('help-request').waitFor({ state: 'detached' });
  });
});
