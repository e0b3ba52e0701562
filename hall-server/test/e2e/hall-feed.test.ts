import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from '../support/browser';
import { api, connect, demoDeviceToken, deviceToken, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// useHallFeed hands each event to the page's latest handler, so a page reads its current state
// (here the console's language, switched after the feed connected) without a ref of its own.

describe('the hall feed in a page', () => {
  let hall: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    // The clock stands at 10:00 in the hall (in opening hours, whatever the time of the run).
    const morning = Date.parse('2026-11-25T02:00:00Z');
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(morning) }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  it('says an event in the language chosen after the feed connected', async () => {
    const base = hall.server.url;
    const page = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    await page.goto(`${base}/window`);
    await page.locator('input[name="windowNo"]').fill('7');
    await page.locator('input[name="staffNo"]').fill('1007');
    await page.locator('input[name="pin"]').fill('123456');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-action="call-next"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '中文' }).waitFor();

    const ticket = (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'C' } })).body.ticket;
    await page.locator('[data-action="call-next"]').click();
    await page.getByTestId('current-number').filter({ hasText: ticket.number }).waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('console-info').filter({ hasText: `${ticket.number} finished` }).waitFor();
    const pad = connect(base, { client: 'pad', windowNo: 7, token: demoDeviceToken(hall, 'pad-07') });
    await pad.waitFor('hall:snapshot');
    await page.keyboard.press('F5');
    const asked = await pad.waitFor('evaluation:requested', (p) => p.number === ticket.number);
    // The console's own reply to 请评价 first: landing after the rating, its notice would replace the rating's.
    await page.getByTestId('console-info').filter({ hasText: `${ticket.number}: the visitor is asked to rate on the pad` }).waitFor();

    const rated = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 7), body: { ticketId: asked.ticketId, level: 'very_satisfied' } });
    expect(rated.status).toBe(201);
    // The notice comes from the feed's 'evaluation:recorded', not from a reply to this page.
    await page.getByTestId('console-info').filter({ hasText: `${ticket.number} rated: Very satisfied` }).waitFor();
    pad.socket.close();
  });
});
