import { WindowsReply } from '@hall/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { devicePageUrl, api, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// 暂停 at the console with the time the window expects to reopen, seen on the window's screen:
// the console at 1366x768, the window screen at 1280x400.

describe('a pause with its reopening time, from the console to the window screen', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    // 10:00 in the hall, and running on.
    const morning = Date.parse('2026-11-25T02:00:00Z');
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(morning) }), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('takes an optional 预计恢复时间, refuses one already past, and the window screen shows it', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill('16');
    await page.locator('input[name="staffNo"]').fill('1016');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-action="call-next"]').waitFor();
    const screen = await newPage(browser, { viewport: { width: 1280, height: 400 } });
    await screen.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo: 16 }));
    await screen.locator('[data-testid="window-status"][data-state="idle"]').waitFor();

    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-reason="rest"]').click();
    const until = dialog.getByLabel('预计恢复时间（可不填）');
    await until.fill('10点半');
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await dialog.getByTestId('dialog-problem').filter({ hasText: '请按 13:30 这样的格式填写预计恢复时间' }).waitFor();
    await until.fill('9:30');
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await dialog.getByTestId('dialog-problem').filter({ hasText: '预计恢复时间应晚于现在' }).waitFor();
    // The window as the screens see it (a window's day, GET /api/windows/16, is for its own staff).
    const summary = async () => WindowsReply.parse((await api(base, 'GET', '/api/windows')).body).windows.find((w) => w.no === 16)!;
    expect((await summary()).state).toBe('open');

    await until.fill('10:45');
    await screenshot(page, 'console-pause-until-1366x768');
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await summary()).toMatchObject({ state: 'paused', pauseReason: '休息', pauseUntil: '2026-11-25T02:45:00.000Z' });
    await screen.getByTestId('window-reopens').filter({ hasText: '预计 10:45 恢复服务' }).waitFor();
    await screen.locator('[data-testid="window-status"][data-state="paused"]').filter({ hasText: '休息' }).waitFor();

    // Resumed: the time goes with the pause; paused again without one, none is shown.
    await page.locator('[data-action="resume"]').click();
    await screen.locator('[data-testid="window-status"][data-state="idle"]').waitFor();
    await page.keyboard.press('F7');
    await dialog.locator('[data-reason="training"]').click();
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await screen.locator('[data-testid="window-status"][data-state="paused"]').filter({ hasText: '业务培训' }).waitFor();
    expect(await screen.getByTestId('window-reopens').count()).toBe(0);
    expect((await summary()).pauseUntil).toBeNull();
    await Promise.all([page.close(), screen.close()]);
  }, 40_000);
});
