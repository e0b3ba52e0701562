import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, startTestHall, type TestHall } from '../support/hall-server';

// 修改密码 from the console (zh-CN) and the office page (English), at 1366x768: each field's
// error beside it, then the new PIN the one that signs in.

const VIEWPORT = { width: 1366, height: 768 };

describe('changing one’s own PIN in the browser', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  const dialog = (page: Page) => page.getByTestId('pin-dialog');
  const fieldError = (page: Page, name: string) => page.getByTestId(`pin-${name}-error`);
  async function fill(page: Page, currentPin: string, newPin: string, confirm: string) {
    await dialog(page).locator('input[name="currentPin"]').fill(currentPin);
    await dialog(page).locator('input[name="newPin"]').fill(newPin);
    await dialog(page).locator('input[name="confirm"]').fill(confirm);
    await dialog(page).locator('button[type="submit"]').click();
  }
  /** The dialog is whole on the screen. */
  async function expectInView(page: Page) {
    const box = (await dialog(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
  }

  it('at the console: says beside each field what is wrong, then changes the PIN', async () => {
    const page = await newPage(browser, { viewport: VIEWPORT });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill('3');
    await page.locator('input[name="staffNo"]').fill('1003');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-action="call-next"]').waitFor();

    await page.locator('[data-action="change-pin"]').click();
    await dialog(page).waitFor();
    await fill(page, '123456', '111111', '111111');
    expect(await fieldError(page, 'newPin').textContent()).toBe('新密码至少 6 位数字，不能全是同一个数字');
    await fill(page, '123456', '246813', '246810');
    expect(await fieldError(page, 'confirm').textContent()).toBe('两次输入的新密码不一样');
    await fill(page, '000000', '246813', '246813');
    await fieldError(page, 'currentPin').filter({ hasText: '当前密码不正确' }).waitFor();
    await expectInView(page);
    await screenshot(page, 'change-pin-console-1366x768');

    await fill(page, '123456', '246813', '246813');
    await page.getByText('密码已修改，下次登录请用新密码').waitFor();
    await dialog(page).waitFor({ state: 'detached' });
    expect((await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1003', pin: '123456', windowNo: 3 } })).status).toBe(401);
    expect((await api(base, 'POST', '/api/auth/login', { body: { staffNo: '1003', pin: '246813', windowNo: 3 } })).status).toBe(200);
    await page.close();
  });

  it('at the office page, in English: the current PIN is asked for first', async () => {
    const page = await newPage(browser, { viewport: VIEWPORT });
    await page.goto(`${base}/office`);
    await page.locator('input[name="staffNo"]').fill('2002');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('office-staff').waitFor();
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByRole('button', { name: 'Change PIN' }).click();
    await dialog(page).waitFor();
    await fill(page, '', '975310', '975310');
    expect(await fieldError(page, 'currentPin').textContent()).toBe('Enter your current PIN');
    await expectInView(page);
    await screenshot(page, 'change-pin-office-en-1366x768');
    await fill(page, '123456', '975310', '975310');
    await page.getByText('Your PIN is changed: sign in with the new one next time').waitFor();
    expect((await api(base, 'POST', '/api/office/login', { body: { staffNo: '2002', pin: '975310' } })).status).toBe(200);
    await page.close();
  });
});
