import { AppointmentReply, localDate, TicketReply } from '@hall/shared';
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devicePageUrl, api, login, startTestHall, type TestHall, deviceToken } from '../../../hall-server/test/support/hall-server';
import { launchBrowser, newPage, screenshot } from '../../../hall-server/test/support/browser';

// The kiosk page as a visitor meets it, at the kiosk's resolution (1080x1920 portrait).

describe('the kiosk page', () => {
  let hall: TestHall;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });
  beforeEach(async () => {
    page = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
    await page.goto(devicePageUrl(hall, 'kiosk-01'));
    await page.locator('.kiosk-tile').first().waitFor();
  });

  const waitingIn = async (code: string) =>
    ((await api(hall.server.url, 'GET', '/api/categories')).body.categories as { code: string; waiting: number }[]).find((c) => c.code === code)!.waiting;

  /** The ticket behind the confirmation on screen, as the server knows it. */
  async function ticketOnScreen(): Promise<TicketReply> {
    const url = await page.getByTestId('ticket-qr').getAttribute('data-url');
    const id = url!.split('/t/')[1]!;
    return TicketReply.parse((await api(hall.server.url, 'GET', `/api/tickets/${id}`)).body);
  }

  it('is the kiosk its credential names: the admin devices page shows it online', async () => {
    const admin = (await api(hall.server.url, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const kiosk = async () => (await api(hall.server.url, 'GET', '/api/admin/devices', { token: admin })).body.devices.find((d: { deviceId: string }) => d.deviceId === 'kiosk-01');
    await expect.poll(kiosk).toMatchObject({ kind: 'kiosk', name: '一楼大厅东侧取号机', online: true });
  });

  it('shows every category with its queue, then the number the server issued', async () => {
    await expect(page.locator('.kiosk-hall').textContent()).resolves.toBe('县政务服务中心');
    expect(await page.locator('.kiosk-tile').count()).toBe(11);
    await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'B' } });
    await page.locator('[data-category="B"] .kiosk-tile-waiting').filter({ hasText: '等候 1 人' }).waitFor();
    const home = await screenshot(page, 'kiosk-home-1080x1920');
    expect(statSync(home).size).toBeGreaterThan(20_000);

    await page.locator('[data-category="B"]').click();
    const number = await page.getByTestId('ticket-number').textContent();
    const { ticket } = await ticketOnScreen();
    expect(number).toBe(ticket.number);
    expect(ticket).toMatchObject({ number: 'B002', category: 'B', status: 'waiting', priority: null });
    await page.getByText('前面还有 1 人').waitFor();
    await page.locator('.kiosk-qr-code svg').waitFor();
    await screenshot(page, 'kiosk-confirmation-1080x1920');

    await page.getByRole('button', { name: '完成' }).click();
    await page.locator('.kiosk-tile').first().waitFor();
  });

  it('issues a 绿色通道 ticket ahead of the ordinary ones', async () => {
    await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'D' } });
    await page.getByRole('button', { name: /绿色通道/ }).click();
    await page.getByText('绿色通道：请选择业务').waitFor();
    await page.locator('[data-category="D"]').click();
    await page.getByTestId('ticket-number').waitFor();
    const { ticket, ahead } = await ticketOnScreen();
    expect(ticket.priority).toBe('green_channel');
    expect(ahead).toBe(0);
    await page.locator('.kiosk-badge').filter({ hasText: '绿色通道' }).waitFor();
  });

  it('gives one ticket for a double tap', async () => {
    const before = await waitingIn('E');
    await page.locator('[data-category="E"]').dblclick();
    await page.getByTestId('ticket-number').waitFor();
    await page.waitForTimeout(300);
    expect(await waitingIn('E')).toBe(before + 1);
  });

  it('retries a lost reply with the same key: still one ticket, and the one it shows', async () => {
    const before = await waitingIn('F');
    let attempts = 0;
    // The first request reaches the server, but its reply is lost on the way back.
    await page.route('**/api/tickets', async (route) => {
      attempts++;
      const response = await route.fetch();
      if (attempts === 1) return route.abort('connectionreset');
      return route.fulfill({ response });
    });
    await page.locator('[data-category="F"]').click();
    await page.getByTestId('ticket-number').waitFor();
    expect(attempts).toBe(2);
    expect(await waitingIn('F')).toBe(before + 1);
    const { ticket } = await ticketOnScreen();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
  });

  it('says so plainly when the server is unreachable, and recovers by itself', async () => {
    await hall.down();
    await page.getByText('系统暂时无法取号，请联系导服员').first().waitFor();
    await expect(page.locator('[data-category="A"]').isDisabled()).resolves.toBe(true);
    await hall.up();
    await page.locator('.kiosk-unavailable').waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('[data-category="A"]').click();
    await page.getByTestId('ticket-number').waitFor();
    expect((await ticketOnScreen()).ticket.category).toBe('A');
  });

  it('never shows a number when issuing fails, and says why', async () => {
    await page.route('**/api/tickets', (route) => route.abort('connectionrefused'));
    await page.locator('[data-category="G"]').click();
    await page.locator('.kiosk-problem').filter({ hasText: '系统暂时无法取号，请联系导服员' }).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('ticket-number').count()).resolves.toBe(0);
  });

  it('goes back home by itself after the confirmation', async () => {
    await page.clock.install();
    await page.reload();
    await page.locator('[data-category="H"]').click();
    await page.getByTestId('ticket-number').waitFor();
    await page.clock.runFor(21_000);
    await page.locator('.kiosk-tile').first().waitFor();
  });

  it('checks in an appointment with its 10-digit code, and says plainly when the code is wrong', async () => {
    const token = await login(hall.server.url, '1017', 17);
    const today = localDate(Date.now(), 'Asia/Shanghai');
    const { appointment } = AppointmentReply.parse((await api(hall.server.url, 'POST', '/api/appointments', { token, body: { category: 'H', date: today } })).body);
    await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'H' } });

    await page.getByRole('button', { name: /预约签到/ }).click();
    const key = (label: string) => page.locator('.kiosk-key').filter({ hasText: new RegExp(`^${label}$`) });
    const type = async (code: string) => {
      for (const digit of code) await key(digit).click();
    };
    expect(appointment.code).toMatch(/^\d{10}$/);
    const wrong = appointment.code === '9999999999' ? '9999999998' : '9999999999';
    // 签到取号 waits for the whole code: 9 digits cannot be sent.
    await type(wrong.slice(0, 9));
    await expect(page.getByRole('button', { name: '签到取号' }).isDisabled()).resolves.toBe(true);
    await type(wrong.slice(9) + '7');
    await expect(page.getByTestId('appointment-code').getAttribute('aria-label')).resolves.toBe(wrong);
    await page.getByRole('button', { name: '签到取号' }).click();
    await page.locator('.kiosk-problem').filter({ hasText: '这个预约码不能签到：请核对预约码和预约日期，已经签到过的请留意叫号' }).waitFor();
    await expect(page.getByTestId('appointment-code').getAttribute('aria-label')).resolves.toBe(wrong);
    await screenshot(page, 'kiosk-appointment-wrong-code-1080x1920');

    await key('清除').click();
    await type(appointment.code.slice(0, 5) + '0');
    await key('删除').click();
    await type(appointment.code.slice(5));
    await expect(page.getByTestId('appointment-code').getAttribute('aria-label')).resolves.toBe(appointment.code);
    await page.getByRole('button', { name: '签到取号' }).click();
    await page.locator('.kiosk-badge').filter({ hasText: '预约' }).waitFor();
    const { ticket, ahead } = await ticketOnScreen();
    expect(ticket).toMatchObject({ category: 'H', priority: 'appointment' });
    expect(ahead).toBe(0);
  });

  it('speaks English when asked', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Choose the service you need').waitFor();
    await page.locator('[data-category="A"]').getByText('Household registration').waitFor();
  });

  it('opens a phone page from the QR code that follows the ticket until it is called', async () => {
    await page.locator('[data-category="K"]').click();
    const url = await page.getByTestId('ticket-qr').getAttribute('data-url');
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await phone.goto(url!);
    const number = await page.getByTestId('ticket-number').textContent();
    await expect(phone.getByTestId('phone-number').textContent()).resolves.toBe(number);
    await phone.getByTestId('phone-status').filter({ hasText: '等候中' }).waitFor();
    const token = await login(hall.server.url, '1019', 19);
    await api(hall.server.url, 'POST', '/api/windows/19/call-next', { token });
    await phone.getByTestId('phone-status').filter({ hasText: '请到 19 号窗口办理' }).waitFor({ timeout: 2000 });
    await screenshot(phone, 'phone-called-390x844');
    await phone.close();
  });
});
