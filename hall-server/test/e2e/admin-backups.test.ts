import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// 备份与运行状况 on the admin page (issue 17): the hall's health as GET /api/health says it, the
// backups kept, 立即备份 with its progress and result (a failure said in Chinese), and the
// nightly backup's time and days in the settings, at a 1920x1080 office screen and a laptop, in
// Chinese and English.

const LARGE = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };
/** Wednesday 2026-11-25, 01:00 in the hall (Asia/Shanghai): the night's backup (02:00) not due during the test. */
const WEDNESDAY_1AM = Date.parse('2026-11-24T17:00:00Z');
const SLOW = 60_000;

describe('the admin page’s backups and health', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(WEDNESDAY_1AM) }), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  async function openBackups(viewport: { width: number; height: number }, locale: string): Promise<Page> {
    const page = await newPage(browser, { viewport, locale });
    await page.goto(`${base}/admin`);
    await page.locator('input[name="staffNo"]').fill('9001');
    await page.locator('input[name="pin"]').fill('123456');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('office-staff').waitFor();
    await page.locator('[data-section="backups"]').click();
    await page.locator('[data-health="disk"] dd').waitFor();
    return page;
  }
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const doc = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): { scrollWidth: number; clientWidth: number } } };
      const main = doc.document.querySelector('.admin-main');
      return { page: doc.document.documentElement.scrollWidth - doc.document.documentElement.clientWidth, main: main.scrollWidth - main.clientWidth };
    });

  it('shows the health, makes a backup with 立即备份, and says a failed one in Chinese', async () => {
    const page = await openBackups(LARGE, 'zh-CN');
    expect(await page.locator('[data-health="disk"] dd').textContent()).toBe('正常，可以写入');
    expect(await page.locator('[data-health="last"] dd').textContent()).toBe('还没有备份');
    expect(await page.locator('[data-health="next"] dd').textContent()).toBe('2026-11-25 02:00');
    expect(await page.locator('[data-health="help"] dd').textContent()).toBe('无');
    await page.getByText('备份文件夹里还没有备份。').waitFor();

    const button = page.getByRole('button', { name: '立即备份' });
    await button.click();
    await expect.poll(() => page.getByTestId('backup-result').textContent()).toMatch(/^备份完成，已检查无误：hall-20261125-01\d{4}\.db$/);
    const row = page.locator('tr[data-backup]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('管理页面');
    expect(await row.locator('td').nth(3).textContent()).toBe('成功');
    expect(await row.locator('td').nth(4).textContent()).toMatch(/号票 0 张，评价 0 条/);
    await expect.poll(() => page.locator('[data-health="last"] dd').textContent()).toMatch(/^2026-11-25 01:\d\d · 成功$/);
    expect(await overflow(page)).toEqual({ page: 0, main: 0 });
    await screenshot(page, 'admin-backups-1920x1080');

    // The backup folder's place taken by a file: the next backup fails, and the page says why.
    const folder = join(hall.dir, 'backups');
    renameSync(folder, `${folder}-kept`);
    writeFileSync(folder, 'not a folder');
    try {
      await button.click();
      await expect.poll(() => page.getByTestId('backup-result').textContent()).toBe('备份失败：备份没有做成，请检查备份文件夹所在的磁盘');
      expect(await page.getByTestId('backup-result').getAttribute('role')).toBe('alert');
      // The health says so too, though the folder could not take the failure's record.
      await expect.poll(() => page.locator('[data-health="last"] dd').textContent()).toMatch(/^2026-11-25 01:\d\d · 失败$/);
      expect(await page.getByTestId('health-problem').count()).toBe(0);
      await screenshot(page, 'admin-backups-failed-1920x1080');
    } finally {
      await page.close();
      renameSync(folder, join(hall.dir, 'not-a-folder'));
      renameSync(`${folder}-kept`, folder);
    }
  }, SLOW);

  it('sets the nightly backup’s time and days kept in the settings', async () => {
    const page = await openBackups(LAPTOP, 'zh-CN');
    await page.locator('[data-section="settings"]').click();
    await page.locator('[data-field="backup.time"] input').fill('03:30');
    await page.locator('[data-field="backup.keepDays"] input').fill('0');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('error-backup.keepDays').textContent()).toBe('请填写 1 到 3650 之间的整数');
    await page.locator('[data-field="backup.keepDays"] input').fill('14');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('admin-message').textContent()).toContain('已保存');
    const token = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const reply = await api(base, 'GET', '/api/admin/backups', { token });
    // Tonight at 03:30 in the hall (UTC+8): 19:30 UTC.
    expect(reply.body).toMatchObject({ keepDays: 14, nextAt: '2026-11-24T19:30:00.000Z' });
    await page.locator('[data-section="backups"]').click();
    await page.getByText('保留 14 天，最近一次成功的备份总会保留。').waitFor();
    await expect.poll(() => page.locator('[data-health="next"] dd').textContent()).toBe('2026-11-25 03:30');
    expect(await overflow(page)).toEqual({ page: 0, main: 0 });
    await screenshot(page, 'admin-backups-1366x768');
    await page.close();
  }, SLOW);

  for (const viewport of [LARGE, LAPTOP]) {
    it(`reads in English at ${viewport.width}x${viewport.height}, nothing cut off`, async () => {
      const page = await openBackups(viewport, 'en');
      expect(await page.locator('[data-health="disk"] dt').textContent()).toBe('Disk');
      expect(await page.locator('[data-health="disk"] dd').textContent()).toBe('Fine, takes writes');
      await page.locator('tr[data-backup]').first().waitFor();
      expect(await page.locator('tr[data-backup] td').nth(3).textContent()).toBe('Good');
      expect(await page.getByRole('button', { name: 'Back up now' }).isVisible()).toBe(true);
      expect(await overflow(page)).toEqual({ page: 0, main: 0 });
      await screenshot(page, `admin-backups-${viewport.width}x${viewport.height}-en`);
      await page.close();
    }, SLOW);
  }
});
