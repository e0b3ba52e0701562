import { EvaluationReply } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// A visitor who missed the window's pad rates the visit from the ticket's phone page (the QR
// code), once, until the end of the day.

describe('rating from the phone page', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  let token: string;
  let now = Date.parse('2026-11-25T02:00:00Z'); // 10:00 in the hall
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => now } }), launchBrowser()]);
    base = hall.server.url;
    token = await login(base, '1015', 15);
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  /** A visit served at window 15: the ticket's id (as its pad is told it) and the visitor's secret (the QR code). */
  async function served(): Promise<{ ticketId: string; secret: string }> {
    const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'G' } });
    await api(base, 'POST', '/api/windows/15/call-next', { token });
    const finished = await api(base, 'POST', '/api/windows/15/finish', { token });
    return { ticketId: finished.body.ticket.id, secret: issued.body.secret };
  }
  async function openPhone(secret: string): Promise<Page> {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/t/${secret}`);
    await page.getByTestId('phone-status').filter({ hasText: '已办结' }).waitFor();
    return page;
  }
  /** The rating as recorded: the office's view. */
  const evaluationOf = async (id: string) => EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${id}`, { token: await officeLogin(base, '2001') })).body);

  it('takes a poor rating with its reasons, once, and opens a follow-up', async () => {
    const { ticketId, secret } = await served();
    const page = await openPhone(secret);
    await page.getByTestId('phone-rate').getByText('今天 23:59 前可以评价').waitFor();
    await page.getByRole('button', { name: '非常不满意' }).click();
    const submit = page.getByRole('button', { name: '提交评价' });
    expect(await submit.isDisabled()).toBe(true); // a reason first
    await page.getByRole('button', { name: '态度不好' }).click();
    await page.getByRole('button', { name: '多次跑腿' }).click();
    await page.getByRole('button', { name: '多次跑腿' }).click(); // changed their mind
    await page.locator('textarea').fill('窗口人员不耐烦');
    await screenshot(page, 'phone-rating-reasons-390x844');
    await submit.click();
    await page.getByTestId('phone-rated').filter({ hasText: '您的评价：非常不满意' }).waitFor();

    const { evaluation } = await evaluationOf(ticketId);
    expect(evaluation).toMatchObject({ status: 'rated', level: 'very_dissatisfied', stars: 1, channel: 'phone', reasons: ['attitude'], comment: '窗口人员不耐烦' });
    expect(evaluation?.followUpId).not.toBeNull();
    // Opened again, the page shows the rating and asks nothing.
    await page.reload();
    await page.getByTestId('phone-rated').waitFor();
    expect(await page.getByTestId('phone-rate').count()).toBe(0);
    await page.close();
  });

  it('says so when the pad was quicker, and shows the rating given there', async () => {
    const { ticketId, secret } = await served();
    const page = await openPhone(secret);
    await page.getByTestId('phone-rate').waitFor();
    await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 15), body: { ticketId, level: 'satisfied' } });
    await page.getByRole('button', { name: '非常满意' }).click();
    await page.getByRole('alert').filter({ hasText: '这次办事已经评价过了' }).waitFor();
    await page.getByTestId('phone-rated').filter({ hasText: '您的评价：满意' }).waitFor();
    expect((await evaluationOf(ticketId)).evaluation?.level).toBe('satisfied');
    await page.close();
  });

  it('asks nothing of a visit of an earlier day', async () => {
    const { ticketId, secret } = await served();
    now += 24 * 3_600_000;
    hall.server.hall.openServiceDayIfDue();
    const page = await openPhone(secret);
    // Once the page has the server's answer, and not before, it is clear nothing will be asked.
    await page.getByTestId('phone-rate-closed').waitFor({ state: 'attached' });
    expect(await page.getByTestId('phone-rate').count()).toBe(0);
    expect((await evaluationOf(ticketId)).evaluation?.status).toBe('unrated');
    await page.close();
  });
});
