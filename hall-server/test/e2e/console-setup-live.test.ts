import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, officeLogin, startTestHall, type TestHall, deviceToken } from '../support/hall-server';

// A window console while an administrator changes its window's set-up: the console shows the new
// categories (and a renamed one's new name) live, without a reload, and calls from them next.

const VIEWPORT = { width: 1366, height: 768 };
/** Monday 2 March 2026, 10:00 in the hall. */
const NOW = Date.parse('2026-03-02T10:00:00+08:00');

describe('a console while its window’s set-up changes', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  let admin: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => NOW } }), launchBrowser()]);
    base = hall.server.url;
    admin = await officeLogin(base, '9001');
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  async function signedInConsole(windowNo: number, staffNo: string, locale: string): Promise<Page> {
    const page = await newPage(browser, { viewport: VIEWPORT, locale });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill(String(windowNo));
    await page.locator('input[name="staffNo"]').fill(staffNo);
    await page.locator('input[name="pin"]').fill('123456');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-action="call-next"]').waitFor();
    return page;
  }

  for (const [locale, windowNo, staffNo, name] of [
    ['zh-CN', 20, '1020', '交通运输（道路）'],
    ['en', 21, '1021', 'Road transport'],
  ] as const) {
    it(`shows the categories an administrator gives its window, live (${locale})`, async () => {
      const page = await signedInConsole(windowNo, staffNo, locale);
      const day = page.locator('.console-day');
      await day.locator('[data-category="L"]').waitFor();
      expect(await day.locator('[data-category="K"]').count()).toBe(0);
      const ticket = (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'K' } })).body.ticket.number as string;

      const window = (await api(base, 'GET', '/api/admin/setup', { token: admin })).body.windows.find((w: { no: number }) => w.no === windowNo);
      const changed = await api(base, 'PUT', `/api/admin/windows/${windowNo}`, { token: admin, body: { ...window, no: undefined, categories: ['K', 'L'], routing: 'ordered' } });
      expect(changed.status).toBe(200);
      const k = (await api(base, 'GET', '/api/admin/setup', { token: admin })).body.categories.find((c: { code: string }) => c.code === 'K');
      const renamed = locale === 'en' ? { nameEn: name } : { name };
      expect((await api(base, 'PUT', '/api/admin/categories/K', { token: admin, body: { ...k, code: undefined, ...renamed } })).status).toBe(200);

      // Without a reload: the window's day lists K under its new name, and K is called first.
      await day.locator('[data-category="K"]').filter({ hasText: name }).waitFor();
      await screenshot(page, `console-setup-changed-live-${locale}-1366x768`);
      await page.locator('[data-action="call-next"]').click();
      await page.getByTestId('current-number').filter({ hasText: ticket }).waitFor();
      await page.close();
    });
  }

  for (const [locale, windowNo, staffNo, notice] of [
    ['zh-CN', 19, '1019', '本窗口已被管理员删除，请重新登录。'],
    ['en', 22, '1022', 'An administrator has removed this window. Please sign in again.'],
  ] as const) {
    it(`goes back to the sign-in form, saying why, when an administrator removes its window (${locale})`, async () => {
      const page = await signedInConsole(windowNo, staffNo, locale);
      expect((await api(base, 'DELETE', `/api/admin/devices/pad-${windowNo}`, { token: admin })).status).toBe(204);
      expect((await api(base, 'DELETE', `/api/admin/windows/${windowNo}`, { token: admin })).status).toBe(204);
      await page.getByTestId('signin-notice').filter({ hasText: notice }).waitFor();
      await page.locator('input[name="staffNo"]').waitFor();
      await screenshot(page, `console-window-removed-${locale}-1366x768`);
      await page.close();
    });
  }
});
