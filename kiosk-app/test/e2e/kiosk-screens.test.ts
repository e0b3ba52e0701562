import { TicketReply, type HallConfigFile, type Locale } from '@hall/shared';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePages, launchBrowser, newPage, screenshot } from '../../../hall-server/test/support/browser';
import { devicePageUrl, api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../../../hall-server/test/support/hall-server';

// Every kiosk screen as a visitor meets it at 1080x1920, in Chinese and English: every button on
// the screen, nothing pushed below it; the tiles' service items and unattended categories; the
// confirmation naming its windows and never promising a short wait nobody will give; the
// printer's fault on the home screen before anyone taps; 呼叫导服员 reaching the guides live.
// Mid-morning in the demo hall: windows 1-6 open; K (交通运输), served by windows 19 and 22, by nobody.

const SIZE = { width: 1080, height: 1920 };
/** Monday 10:00 in the hall. */
const NOW = Date.parse('2026-03-02T10:00:00+08:00');

/** A kiosk app whose printer is out of paper (the Electron bridge, played by the page). */
const PAPER_OUT = () => {
  const fault = { ok: false, fault: 'paper_out', message: '打印机缺纸' };
  Object.defineProperty(globalThis, 'hallKiosk', {
    value: { print: async () => fault, checkPrinter: async () => fault, deviceConfig: async () => ({}) },
  });
};

// One Chromium for the file; each part of it starts its own hall server.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the kiosk screens at 1080x1920', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => NOW } });
    for (const [staffNo, windowNo] of [['1001', 1], ['1003', 3], ['1006', 6]] as const) await login(hall.server.url, staffNo, windowNo);
  });
  afterAll(async () => {
    await closePages(browser);
    await hall.stop();
  });

  async function kiosk(locale: Locale, device = 'kiosk-02', init?: () => void): Promise<Page> {
    const page = await newPage(browser, { viewport: SIZE });
    await page.clock.setFixedTime(NOW);
    if (init) await page.addInitScript(init);
    await page.goto(devicePageUrl(hall, device));
    await page.locator('.kiosk-tile').first().waitFor();
    if (locale === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('Choose the service you need').waitFor();
    }
    return page;
  }

  /** Every button lies inside the screen, and the page does not scroll. */
  async function expectAllOnScreen(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    const outside: string[] = [];
    const buttons = await page.locator('button').all();
    expect(buttons.length).toBeGreaterThan(1);
    for (const button of buttons) {
      const box = await button.boundingBox();
      if (box === null) continue; // not rendered
      if (box.x < 0 || box.y < 0 || box.x + box.width > SIZE.width || box.y + box.height > SIZE.height) {
        outside.push(`${await button.textContent()} ${JSON.stringify(box)}`);
      }
    }
    expect(outside, name).toEqual([]);
    // Nor does the page scroll: what is below the screen cannot be reached on a kiosk.
    const height = await page.locator('.kiosk').evaluate((kiosk) => kiosk.scrollHeight);
    expect(height).toBeLessThanOrEqual(SIZE.height);
  }

  async function ticketOnScreen(page: Page): Promise<TicketReply> {
    const url = await page.getByTestId('ticket-qr').getAttribute('data-url');
    return TicketReply.parse((await api(hall.server.url, 'GET', `/api/tickets/${url!.split('/t/')[1]}`)).body);
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`fits home, 绿色通道, 预约签到, 补打 and the confirmation on the screen (${locale})`, async () => {
      const page = await kiosk(locale);
      const zh = locale === 'zh-CN';
      await expectAllOnScreen(page, `kiosk-home-${locale}-1080x1920`);

      await page.locator('.kiosk-green').click();
      await page.locator('.kiosk-priority-check').waitFor();
      await expectAllOnScreen(page, `kiosk-green-channel-${locale}-1080x1920`);
      await page.locator('.kiosk-back').click();

      await page.locator('.kiosk-appointment').click();
      await page.getByTestId('appointment-code').waitFor();
      // All ten boxes filled, in their three groups.
      for (const digit of '3125550198') await page.locator('.kiosk-key').filter({ hasText: new RegExp(`^${digit}$`) }).click();
      await expect(page.getByTestId('appointment-code').getAttribute('aria-label')).resolves.toBe('3125550198');
      await expectAllOnScreen(page, `kiosk-appointment-${locale}-1080x1920`);
      await page.locator('.kiosk-back').click();

      await page.locator('.kiosk-staff').click();
      await page.locator('[data-field="number"]').click();
      await page.locator('.kiosk-letters').waitFor();
      await expectAllOnScreen(page, `kiosk-reprint-${locale}-1080x1920`);
      await page.locator('.kiosk-back').click();

      await page.locator('[data-category="A"]').click();
      await page.locator('.kiosk-qr-code svg').waitFor();
      await page.getByTestId('ticket-windows').filter({ hasText: zh ? '办理窗口：1、2、23号窗口' : 'At windows 1, 2, 23' }).waitFor();
      await expectAllOnScreen(page, `kiosk-confirmation-${locale}-1080x1920`);
      await page.locator('.kiosk-done').click();
      await page.close();
    });
  }

  it('shows each category’s service items, and a category nobody serves, on its tile and its confirmation', async () => {
    const page = await kiosk('zh-CN');
    await page.locator('[data-category="B"] .kiosk-tile-items').filter({ hasText: '不动产首次登记、不动产转移登记、抵押登记' }).waitFor();
    const k = page.locator('[data-category="K"]');
    await k.locator('.kiosk-tile-unattended-note').filter({ hasText: '暂无窗口办理，请咨询导服员' }).waitFor();
    expect(await page.locator('[data-category="A"] .kiosk-tile-unattended-note').count()).toBe(0);
    // The hall allows such tickets (the demo hall's setting): taken, with no wait promised.
    await k.click();
    await page.getByTestId('ticket-estimate').filter({ hasText: '暂无窗口办理，请咨询导服员' }).waitFor();
    expect(await page.locator('.kiosk-confirm').textContent()).not.toMatch(/很快就到您|约 0 分钟/);
    expect((await ticketOnScreen(page)).ticket.category).toBe('K');
    await screenshot(page, 'kiosk-confirmation-unattended-1080x1920');
    await page.close();
  });

  it('never says 很快就到您 with people ahead', async () => {
    const page = await kiosk('zh-CN');
    // C: window 6 serves it, busy with none yet: three taken first, so people are ahead.
    for (let i = 0; i < 3; i++) await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'C' } });
    await page.locator('[data-category="C"]').click();
    await page.getByTestId('ticket-estimate').waitFor();
    const { ahead } = await ticketOnScreen(page);
    expect(ahead).toBeGreaterThan(0);
    await expect(page.getByTestId('ticket-estimate').textContent()).resolves.toMatch(/^预计等候约 [1-9]\d* 分钟$/);
    await page.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`says the printer is out of paper on the home screen before anyone taps, and names the other kiosk (${locale})`, async () => {
      const page = await kiosk(locale, 'kiosk-01', PAPER_OUT);
      const banner = page.getByTestId('printer-down');
      await banner.filter({ hasText: locale === 'zh-CN' ? '打印机缺纸' : 'out of paper' }).waitFor();
      await banner.filter({ hasText: '一楼大厅西侧取号机' }).waitFor();
      await expectAllOnScreen(page, `kiosk-home-printer-down-${locale}-1080x1920`);
      await page.locator('[data-category="D"]').click();
      await page.locator('.kiosk-photo-hint').waitFor();
      await page.locator('.kiosk-qr-code svg').waitFor();
      await expectAllOnScreen(page, `kiosk-printer-fault-confirmation-${locale}-1080x1920`);
      await page.close();
    });
  }

  it('calls a guide from the home screen, live until a guide marks it handled', async () => {
    const page = await kiosk('zh-CN', 'kiosk-02');
    await page.getByTestId('call-guide').filter({ hasText: '呼叫导服员' }).click();
    await page.getByTestId('call-guide').filter({ hasText: '已通知导服员，请在此稍候' }).waitFor();
    const open = (await api(hall.server.url, 'GET', '/api/help-requests', { token: deviceToken(hall, 'kiosk') })).body.helpRequests as { id: string; place: string }[];
    expect(open.map((h) => h.place)).toEqual(['一楼大厅西侧取号机']);
    await screenshot(page, 'kiosk-guide-called-1080x1920');
    const guide = await login(hall.server.url, '1006', 7);
    await api(hall.server.url, 'POST', `/api/help-requests/${open[0]!.id}/handled`, { token: guide });
    await page.getByTestId('call-guide').filter({ hasText: '呼叫导服员' }).waitFor();
    await page.close();
  });
});

/** The demo hall changed by `edit`, at 10:00, window 1 open. */
async function demoHallWith(edit: (config: HallConfigFile) => void): Promise<TestHall> {
  const config = JSON.parse(readFileSync(new URL('../../../hall-server/config/demo-hall.json', import.meta.url), 'utf8')) as HallConfigFile;
  edit(config);
  const path = join(mkdtempSync(join(tmpdir(), 'hall-config-')), 'hall.json');
  writeFileSync(path, JSON.stringify(config));
  const hall = await startTestHall({ clock: { now: () => NOW }, env: { HALL_CONFIG: path } });
  await login(hall.server.url, '1001', 1);
  return hall;
}

/** A kiosk's home screen at 10:00, its tiles shown. */
async function kioskHome(browser: Browser, hall: TestHall): Promise<Page> {
  const page = await newPage(browser, { viewport: SIZE });
  await page.clock.setFixedTime(NOW);
  await page.goto(devicePageUrl(hall, 'kiosk-01'));
  await page.locator('[data-category="A"]:not([disabled])').waitFor();
  return page;
}

describe('a hall that issues no tickets for a category nobody serves', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await demoHallWith((config) => (config.settings.unattendedTickets = 'refuse'));
  });
  afterAll(async () => {
    await closePages(browser);
    await hall.stop();
  });

  it('disables the tile and says why; the server refuses such a ticket in words', async () => {
    const page = await kioskHome(browser, hall);
    const k = page.locator('[data-category="K"]');
    await k.locator('.kiosk-tile-unattended-note').filter({ hasText: '暂无窗口办理，请咨询导服员' }).waitFor();
    await expect(k.isDisabled()).resolves.toBe(true);
    const refused = await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'K' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CATEGORY_UNATTENDED', message: '这项业务暂无窗口办理，暂停取号，请咨询导服员' });
    await screenshot(page, 'kiosk-home-refusing-unattended-1080x1920');
    await page.close();
  });
});

describe('a category closed for new tickets', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await demoHallWith((config) => (config.categories.find((c) => c.code === 'B')!.open = false));
  });
  afterAll(async () => {
    await closePages(browser);
    await hall.stop();
  });

  for (const [locale, note] of [['zh-CN', '暂停取号'], ['en', 'Not issuing tickets now']] as const) {
    it(`says 暂停取号 on its tile, which takes no tap (${locale})`, async () => {
      const page = await kioskHome(browser, hall);
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
      const b = page.locator('[data-category="B"]');
      await b.locator('.kiosk-tile-closed-note').filter({ hasText: note }).waitFor();
      await expect(b.isDisabled()).resolves.toBe(true);
      await expect(page.locator('[data-category="A"] .kiosk-tile-closed-note').count()).resolves.toBe(0);
      await screenshot(page, `kiosk-home-category-closed-${locale}-1080x1920`);
      await page.close();
    });
  }

  it('closes and renames a tile live when an administrator changes its category, without a reload', async () => {
    const page = await kioskHome(browser, hall);
    const admin = await officeLogin(hall.server.url, '9001');
    const a = (await api(hall.server.url, 'GET', '/api/admin/setup', { token: admin })).body.categories.find((c: { code: string }) => c.code === 'A');
    const changed = await api(hall.server.url, 'PUT', '/api/admin/categories/A', { token: admin, body: { ...a, code: undefined, name: '户政业务', open: false } });
    expect(changed.status).toBe(200);
    const tile = page.locator('[data-category="A"]');
    await tile.locator('.kiosk-tile-closed-note').filter({ hasText: '暂停取号' }).waitFor();
    await tile.locator('.kiosk-tile-name').filter({ hasText: '户政业务' }).waitFor();
    await expect(tile.isDisabled()).resolves.toBe(true);
    await api(hall.server.url, 'PUT', '/api/admin/categories/A', { token: admin, body: { ...a, code: undefined, open: true } });
    await page.locator('[data-category="A"]:not([disabled])').filter({ hasText: a.name }).waitFor();
    await page.close();
  });

  it('the server refuses a ticket of it (CATEGORY_CLOSED)', async () => {
    const refused = await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'B' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CATEGORY_CLOSED', message: '这项业务暂停取号，请咨询导服员' });
  });
});
