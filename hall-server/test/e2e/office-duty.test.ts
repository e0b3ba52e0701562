import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { startTestHall, type TestHall } from '../support/hall-server';

// The office's 领导值班 and 上门服务 views as a duty captain uses them at 1366x768: a leader's
// sitting recorded and the departments' standing, an on-site service taken from the request to
// done; in Chinese, then in English.

const VIEWPORT = { width: 1366, height: 768 };
/** Monday 2026-12-07, 10:00 in the hall. */
const MONDAY_10AM = Date.parse('2026-12-07T10:00:00+08:00');

const overflowsSideways = (el: Element) => el.scrollWidth > el.clientWidth + 1;

/** Nothing runs off the side of the page or the view, and every control shown is big enough to hit (one look, in the page). */
async function fitsAndHits(page: Page): Promise<void> {
  expect(await page.locator('html').evaluate(overflowsSideways)).toBe(false);
  expect(await page.locator('main.office-view').evaluate(overflowsSideways)).toBe(false);
  const small = await page.locator('main.office-view').evaluate((main: Element) =>
    [...main.querySelectorAll('button, select, input')].flatMap((el) => {
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.height < 56 ? [el.outerHTML.slice(0, 80)] : [];
    }),
  );
  expect(small).toEqual([]);
}

describe('the office’s leader duty and on-site service views', () => {
  let hall: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    const start = Date.now();
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => MONDAY_10AM + (Date.now() - start) } }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('records a sitting, shows who is overdue, and takes an on-site service to done, in Chinese and English', async () => {
    const page = await newPage(browser, { viewport: VIEWPORT });
    await page.goto(`${hall.server.url}/office`);
    await page.locator('input[name="staffNo"]').fill('2001');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('office-staff').waitFor();

    // 领导值班: the department first, then its windows only.
    await page.getByRole('button', { name: '领导值班', exact: true }).click();
    const form = page.getByTestId('leader-duty-form');
    await form.locator('select[name="department"] option', { hasText: '县不动产登记中心' }).waitFor({ state: 'attached' });
    expect(await form.locator('input[name="date"]').inputValue()).toBe('2026-12-07');
    await form.locator('select[name="department"]').selectOption('县不动产登记中心');
    expect(await form.locator('select[name="windowNo"] option').allTextContents()).toEqual(['— 选择窗口 —', '3 号 不动产登记一号窗口', '4 号 不动产登记二号窗口', '5 号 不动产登记三号窗口']);
    // Nothing is sent without a window.
    await form.getByRole('button', { name: '登记值班' }).click();
    expect(await page.getByTestId('leader-duty-problem').textContent()).toBe('请选择部门和窗口，填写领导姓名和日期');
    await form.locator('select[name="windowNo"]').selectOption('3');
    await form.locator('input[name="leaderName"]').fill('陈主任');
    await form.locator('button[data-role="deputy"]').click();
    await form.locator('input[name="from"]').fill('09:00');
    await form.locator('input[name="to"]').fill('10:30');
    await form.locator('input[name="note"]').fill('现场督办不动产登记');
    await form.getByRole('button', { name: '登记值班' }).click();
    const visit = page.getByTestId('leader-duty-visits').locator('li', { hasText: '陈主任' });
    await visit.waitFor();
    expect(await visit.textContent()).toBe('2026-12-0709:00–10:30县不动产登记中心分管负责人陈主任3 号窗口现场督办不动产登记');
    const standing = page.getByTestId('leader-duty-standing').locator('tr[data-department="县不动产登记中心"]');
    await standing.locator('td[data-role="deputy"][data-overdue="false"]').waitFor();
    expect(await standing.locator('td[data-role="deputy"]').textContent()).toBe('上次 2026-12-07应于 2027-01-07 前');
    // The head has no sitting on record: overdue, in red; so is every other department.
    expect(await standing.locator('td[data-role="head"]').textContent()).toBe('逾期没有值班记录');
    expect(await standing.locator('td[data-role="head"] .duty-overdue').evaluate((el) => getComputedStyle(el as Element).backgroundColor)).toBe('rgb(179, 18, 31)');
    expect(await page.locator('td[data-overdue="true"]').count()).toBe(23);
    expect(await page.getByTestId('leader-duty-problem').count()).toBe(0);
    await fitsAndHits(page);
    await screenshot(page, 'office-leader-duty-1366x768');

    // 上门服务: a request, staff assigned, under way, done.
    await page.getByRole('button', { name: '上门服务', exact: true }).click();
    await page.locator('[data-action="new-onsite"]').click();
    const request = page.getByTestId('onsite-request-form');
    await request.locator('input[name="requester"]').fill('县福利院');
    await request.locator('input[name="contact"]').fill('0571-1234567');
    await request.locator('input[name="address"]').fill('城关镇福利路 8 号');
    await request.locator('input[name="matter"]').fill('老年人身份证换领');
    await request.locator('select[name="department"]').selectOption('县公安局');
    await request.locator('input[name="time"]').fill('14:30');
    await fitsAndHits(page);
    await screenshot(page, 'office-onsite-request-1366x768');
    await request.getByRole('button', { name: '登记申请' }).click();
    const item = page.locator('.onsite-item', { hasText: '老年人身份证换领' });
    await item.waitFor();
    expect(await request.count()).toBe(0);
    expect(await item.getByTestId('onsite-status').textContent()).toBe('待指派');
    expect(await item.locator('.office-item-where').textContent()).toBe('2026-12-07 14:30 上门县公安局');

    await item.locator('[data-action="assign"]').click();
    await item.locator('select[name="staff"]').selectOption('1001');
    await item.locator('select[name="staff"]').selectOption('1002');
    await item.locator('textarea[name="note"]').fill('带移动办证设备');
    await fitsAndHits(page);
    await screenshot(page, 'office-onsite-assign-1366x768');
    await item.getByRole('button', { name: '确定指派' }).click();
    await page.locator('.onsite-item[data-status="assigned"]').waitFor();
    expect(await item.getByTestId('onsite-staff').textContent()).toBe('人员：王芳、李娜');
    // Done is not offered before the visit is under way.
    expect(await item.locator('[data-action="done"]').count()).toBe(0);
    await item.locator('[data-action="in_progress"]').click();
    await item.getByRole('button', { name: '确认开始' }).click();
    await page.locator('.onsite-item[data-status="in_progress"]').waitFor();
    await item.locator('[data-action="done"]').click();
    await item.locator('textarea[name="note"]').fill('为 3 位老人办理');
    await item.getByRole('button', { name: '确认办结' }).click();
    // Done leaves the open list and is under 已办结, every step on it.
    await page.getByText('没有这一类的上门服务').waitFor();
    await page.locator('[data-tab="done"]').click();
    const done = page.locator('.onsite-item[data-status="done"]');
    await done.waitFor();
    expect(await done.locator('.onsite-steps li strong').allTextContents()).toEqual(['待指派', '已指派', '服务中', '已办结']);
    expect(await done.locator('.onsite-steps').textContent()).toContain('为 3 位老人办理');
    expect(await done.locator('button').count()).toBe(0);
    await fitsAndHits(page);
    await screenshot(page, 'office-onsite-done-1366x768');

    // English: the same views, from the one table.
    await page.getByRole('button', { name: 'English' }).click();
    await done.getByTestId('onsite-status').filter({ hasText: 'Done' }).waitFor();
    await fitsAndHits(page);
    await screenshot(page, 'office-onsite-en-1366x768');
    await page.getByRole('button', { name: 'Leader duty', exact: true }).click();
    await page.getByTestId('leader-duty-standing').locator('tr[data-department="县不动产登记中心"] td[data-role="deputy"]').filter({ hasText: 'Last 2026-12-07' }).waitFor();
    await fitsAndHits(page);
    await screenshot(page, 'office-leader-duty-en-1366x768');
  });
});
