import { FollowUpsReply, IssueTicketReply, PublicRatings, RatingsExport, WindowActionReply } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, demoDeviceToken, devicePageAddress, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// 好差评 published: the public ratings page at a hall PC's 1920x1080 and a phone's 390x844, the
// hall screen's ratings slide, and the 事项 picked at the window console when finishing.

const PHONE = '13912345678';
const COMMENT = '窗口态度差';
const CASE_NO = 'HY-2026-1207-09';
/** The hall screen's slide turn (display-app RatingsSlide's SLIDE_CYCLE_MS): the board gives way at its start. */
const SLIDE_CYCLE_MS = 180_000;

describe('好差评 published', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  /** Added to the hall's clock: the slide test moves it to the start of a slide's turn. */
  let shift = 0;
  let captain: string;

  /** A visit of category A at a window, finished (with a 办件编号) and rated at its pad. */
  async function ratedVisit(windowNo: number, staff: string, rating: Record<string, unknown>, caseNo?: string) {
    await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
    await api(base, 'POST', `/api/windows/${windowNo}/call-next`, { token: staff });
    const ticketId = WindowActionReply.parse((await api(base, 'POST', `/api/windows/${windowNo}/finish`, { token: staff, body: caseNo ? { caseNo } : {} })).body).ticket!.id;
    const pad = { authorization: `Bearer ${demoDeviceToken(hall, `pad-0${windowNo}`)}` };
    expect((await api(base, 'POST', '/api/evaluations', { body: { ticketId, ...rating }, headers: pad })).status).toBe(201);
    return ticketId;
  }

  beforeAll(async () => {
    const morning = Date.parse('2026-12-07T02:00:00Z'); // 10:00 in the hall, a Monday
    const realStart = Date.now();
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => morning + (Date.now() - realStart) + shift } }), launchBrowser()]);
    base = hall.server.url;
    captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    const staff = await login(base, '1001', 1);
    await ratedVisit(1, staff, { level: 'very_satisfied' });
    await ratedVisit(1, staff, { level: 'satisfied' });
    const poor = await ratedVisit(1, staff, { level: 'dissatisfied', reasons: ['attitude'], comment: COMMENT, callbackPhone: PHONE }, CASE_NO);
    const { followUps } = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=all', { token: captain })).body);
    const id = followUps.find((f) => f.ticketId === poor)!.id;
    for (const step of ['callback', 'fix']) await api(base, 'POST', `/api/follow-ups/${id}/${step}`, { token: captain, body: { note: '已回访整改' } });
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  /** Nothing sticks out sideways, and every element stays inside the page's width. */
  async function expectNoOverflow(page: Page) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  it('shows the month per window to anyone, on a hall PC and on a phone, with no visitor’s data', async () => {
    const published = PublicRatings.parse((await api(base, 'GET', '/api/public/ratings?month=2026-12')).body);
    expect(published.totals).toEqual({ rated: 3, satisfactionRate: 2 / 3, poorRatings: 1, rectifiedOnTime: 1 });

    const page = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/public/ratings`);
    await page.getByTestId('month').filter({ hasText: '2026年12月' }).waitFor();
    const totals = page.getByTestId('totals');
    await totals.locator('[data-figure="satisfaction"]').filter({ hasText: '66.7%' }).waitFor();
    expect(await totals.locator('[data-figure="rated"]').textContent()).toBe('3');
    expect(await totals.locator('[data-figure="poor"]').textContent()).toBe('1');
    expect(await totals.locator('[data-figure="rectified"]').textContent()).toBe('1');
    const window1 = page.locator('[data-window="1"]');
    expect(await window1.locator('.ratings-window-name').textContent()).toBe('户政一号窗口');
    expect(await window1.locator('.ratings-cell-satisfaction').textContent()).toBe('66.7%');
    expect(await page.locator('tbody tr').count()).toBe(published.windows.length);
    const text = (await page.locator('body').textContent())!;
    for (const kept of [PHONE, COMMENT, CASE_NO, '1001', 'A001']) expect(text).not.toContain(kept);
    await expectNoOverflow(page);
    await screenshot(page, 'public-ratings-1920x1080');

    // A month back: nothing rated in November; forward again, and no further than this month.
    await page.getByTestId('previous-month').click();
    await page.getByTestId('month').filter({ hasText: '2026年11月' }).waitFor();
    await page.locator('.ratings-none').waitFor();
    await page.getByTestId('next-month').click();
    await totals.locator('[data-figure="rated"]').filter({ hasText: '3' }).waitFor();
    expect(await page.getByTestId('next-month').isDisabled()).toBe(true);
    await page.close();

    for (const locale of ['zh-CN', 'en'] as const) {
      const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, locale, isMobile: true, hasTouch: true });
      await phone.goto(`${base}/public/ratings`);
      await phone.locator('[data-window="1"] .ratings-cell-satisfaction').filter({ hasText: '66.7%' }).waitFor();
      await expectNoOverflow(phone);
      // Each window is a card: its figures labelled, none cut off at the card's edge.
      const card = (await phone.locator('[data-window="1"]').boundingBox())!;
      for (const cell of await phone.locator('[data-window="1"] > *').all()) {
        const box = (await cell.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
      }
      const button = (await phone.getByTestId('previous-month').boundingBox())!;
      expect(button.height).toBeGreaterThanOrEqual(48);
      if (locale === 'en') await phone.getByTestId('month').filter({ hasText: '12/2026' }).waitFor();
      await screenshot(phone, `public-ratings-${locale}-390x844`);
      await phone.close();
    }
  });

  it('lets the month’s ratings take the hall screen’s board for a while, and gives it back at once for a call', async () => {
    // To the start of a slide's turn, a minute and more after the last call.
    const now = hall.server.hall.now();
    const target = Math.ceil((now + 61_000) / SLIDE_CYCLE_MS) * SLIDE_CYCLE_MS + 1_000;
    shift += target - now;
    const screen = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    await screen.goto(base + devicePageAddress(hall, { kind: 'hall-screen' }));
    const slide = screen.getByTestId('ratings-slide');
    await slide.waitFor();
    expect(await screen.getByTestId('ratings-slide-totals').textContent()).toBe('评价 3 · 满意率 66.7% · 差评 1（按时整改 1）');
    expect(await slide.locator('[data-window="1"]').textContent()).toContain('66.7%');
    expect(await screen.getByTestId('latest-call').getAttribute('data-number')).toBe('A003');
    await screenshot(screen, 'hall-screen-ratings-slide-1920x1080');

    const staff = await login(base, '1002', 2);
    await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
    await api(base, 'POST', '/api/windows/2/call-next', { token: staff });
    await screen.getByTestId('window-board').locator('[data-window="2"][data-state="serving"]').waitFor();
    expect(await slide.count()).toBe(0);
    await screen.close();
    await api(base, 'POST', '/api/windows/2/finish', { token: staff, body: {} });
    await api(base, 'POST', '/api/auth/logout', { token: staff });
  });

  it('lets staff pick the 事项 when finishing, and offers the window’s last choice for the category again', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill('2');
    await page.locator('input[name="staffNo"]').fill('1002');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录' }).click();
    const pick = page.getByTestId('item-pick');
    await pick.waitFor();
    expect(await pick.isDisabled()).toBe(true); // nothing in hand
    const issue = async () => IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body).ticket;
    const first = await issue();
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').filter({ hasText: first.number }).waitFor();
    expect(await pick.textContent()).toContain('未选择（可选）');

    await pick.click();
    const choices = page.getByTestId('item-choices');
    await choices.waitFor();
    expect(await choices.locator('button').allTextContents()).toEqual(['户口迁移A01', '居民身份证办理A02', '户籍证明A03', expect.stringMatching(/A04$/)]);
    for (const button of await choices.locator('button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(80);
    await screenshot(page, 'console-item-picker-1366x768');
    // The function keys do nothing while the picker is open.
    await page.keyboard.press('F4');
    await choices.locator('[data-item="A02"]').click();
    await choices.waitFor({ state: 'detached' });
    expect(await pick.textContent()).toContain('居民身份证办理');
    const box = (await pick.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(52);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'console-item-chosen-1366x768');
    await page.keyboard.press('F4');
    await page.getByTestId('current-none').waitFor();

    // The next visit of the category: the same 事项 offered, also after a reload.
    const second = await issue();
    await page.reload();
    await pick.waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').filter({ hasText: second.number }).waitFor();
    expect(await pick.textContent()).toContain('居民身份证办理');
    await page.keyboard.press('F4');
    await page.getByTestId('current-none').waitFor();

    // The visit's rating carries its 事项 to the province's export.
    const pad = { authorization: `Bearer ${demoDeviceToken(hall, 'pad-02')}` };
    const pending = hall.server.hall.pendingEvaluation(2)!;
    expect((await api(base, 'POST', '/api/evaluations', { body: { ticketId: pending.ticketId, level: 'very_satisfied' }, headers: pad })).status).toBe(201);
    const exported = RatingsExport.parse((await api(base, 'GET', '/api/evaluations/export?from=2026-12-07&to=2026-12-07', { token: captain })).body);
    expect(exported.ratings.find((r) => r.number === second.number)).toMatchObject({ itemCode: 'A02', itemName: '居民身份证办理', windowNo: 2 });
    await page.close();
  });
});
