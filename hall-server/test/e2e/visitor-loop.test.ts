import { EvaluationReply, FollowUpsReply, TicketReply } from '@hall/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { devicePageAddress, api, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// One visitor's whole visit, every page a real page in Chromium against one hall server: the
// kiosk issues the ticket, the window console calls it, the hall screen and the window screen
// show it, the console finishes it, the window's pad asks for a rating, the visitor is not
// satisfied and says why, and the duty captain's office page has the follow-up and the day's
// figures. Nothing is done through the API but the checks.

/** 10:00 on a Wednesday in the hall, whatever the time of the run. */
const OPEN_HOURS = Date.parse('2026-11-25T02:00:00Z');

describe('the whole visitor loop', () => {
  let hall: TestHall;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(OPEN_HOURS) }), launchBrowser()]);
    // One context: the console keeps its sign-in in sessionStorage, the office in localStorage
    // under its own key, so the pages do not see each other's.
    context = await browser.newContext({ locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  async function open(path: string, width: number, height: number): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(hall.server.url + path);
    return page;
  }

  it('kiosk → console → screens → pad → follow-up and the day’s figures', async () => {
    const base = hall.server.url;
    const [kiosk, console1, hallScreen, windowScreen, pad] = await Promise.all([
      open(devicePageAddress(hall, 'kiosk-01'), 1080, 1920),
      open('/window', 1366, 768),
      open(devicePageAddress(hall, { kind: 'hall-screen' }), 1920, 1080),
      open(devicePageAddress(hall, { kind: 'window-screen', windowNo: 1 }), 1280, 720),
      open(devicePageAddress(hall, 'pad-01'), 1280, 800),
    ]);

    // The kiosk: 户政 (A), a ticket with the number the server gave it.
    await kiosk.locator('[data-category="A"]').click();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!;
    const qr = await kiosk.getByTestId('ticket-qr').getAttribute('data-url');
    // The QR code carries the visitor's secret, which the phone page follows the ticket by.
    const secret = qr!.split('/t/')[1]!;
    expect(secret).toMatch(/^[\w-]{22}$/);
    expect(TicketReply.parse((await api(base, 'GET', `/api/tickets/${secret}`)).body).ticket).toMatchObject({ number, status: 'waiting' });
    await hallScreen.locator('[data-category="A"][data-waiting="1"]').waitFor();

    // The window console: 王芳 signs in at window 1; the pad facing her shows who serves.
    await console1.locator('input[name="windowNo"]').fill('1');
    await console1.locator('input[name="staffNo"]').fill('1001');
    await console1.locator('input[name="pin"]').fill('123456');
    await console1.getByRole('button', { name: '登录' }).click();
    await console1.locator('[data-action="call-next"]').waitFor();
    await pad.getByTestId('pad-staff-name').filter({ hasText: '王芳' }).waitFor();

    // 叫号: the console has the ticket in hand; both screens show it.
    await console1.keyboard.press('F1');
    await console1.getByTestId('current-number').filter({ hasText: number }).waitFor();
    await Promise.all([
      hallScreen.locator(`[data-testid="latest-call"][data-number="${number}"][data-window="1"]`).waitFor(),
      hallScreen.locator(`[data-testid="window-board"] li[data-window="1"][data-number="${number}"]`).waitFor(),
      windowScreen.getByTestId('window-number').filter({ hasText: number }).waitFor(),
    ]);

    // 办结: the pad asks the visitor about this very ticket.
    await console1.keyboard.press('F4');
    await console1.getByTestId('served-today').filter({ hasText: /^1$/ }).waitFor();
    await pad.getByTestId('pad-ticket-number').filter({ hasText: number }).waitFor();

    // The visitor is not satisfied: too slow.
    await pad.getByRole('button', { name: '不满意', exact: true }).click();
    await pad.getByRole('button', { name: '效率低' }).click();
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.getByTestId('pad-thanks').waitFor();
    await console1.getByTestId('console-info').filter({ hasText: `${number} 的评价：不满意` }).waitFor();

    // The duty captain: the follow-up is there, and the day shows one served ticket and one rating.
    const office = await open('/office', 1366, 768);
    await office.locator('input[name="staffNo"]').fill('2001');
    await office.locator('input[name="pin"]').fill('123456');
    await office.getByRole('button', { name: '登录', exact: true }).click();
    const followUp = office.locator(`.office-item[data-number="${number}"]`);
    await followUp.waitFor();
    expect(await followUp.getByTestId('item-level').textContent()).toBe('不满意');
    expect(await followUp.getByTestId('item-reasons').textContent()).toBe('原因：效率低');
    expect(await followUp.getByTestId('item-staff').textContent()).toBe('王芳（工号 1001）');
    await office.getByTestId('figure-served').filter({ hasText: /^1$/ }).waitFor();
    expect(await office.getByTestId('figure-rated').textContent()).toBe('1');
    expect(await office.getByTestId('figure-unrated').textContent()).toBe('0');
    expect(await office.getByTestId('figure-satisfactionRate').textContent()).toBe('0.0%');
    expect(await office.getByTestId('figure-followUpsOpen').textContent()).toBe('1');

    const captain = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
    const { followUps } = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups', { token: captain })).body);
    expect(followUps).toEqual([expect.objectContaining({ number, windowNo: 1, level: 'dissatisfied', reasons: ['slow'], status: 'awaiting_callback' })]);
    // The rating as recorded is the office's to read, by the ticket's id.
    expect(EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${followUps[0]!.ticketId}`, { token: captain })).body).evaluation).toMatchObject({
      status: 'rated',
      level: 'dissatisfied',
      stars: 2,
      reasons: ['slow'],
      channel: 'pad',
      windowNo: 1,
      staff: { staffNo: '1001' },
    });
  });
});
