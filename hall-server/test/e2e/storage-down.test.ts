import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, devicePageUrl, deviceToken, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// What the hall's screens say while its disk takes no writes (issue 17), each at its real size:
// the kiosk takes no tap and says why in large type, the window console says nothing is saved,
// the hall screen has a line for the visitors, the pad says no rating is possible; and each is
// back to normal by itself once the disk takes writes again. The database is made read-only
// through the hall's own connection (PRAGMA query_only, see test/operations/read-only.test.ts):
// the screens hear of it just as of a full disk.

describe('the screens while the disk takes no writes', () => {
  let hall: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    const morning = Date.parse('2026-11-25T02:00:00Z');
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(morning) }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  /** The elements of `selector` outside the viewport or whose text overflows their box (none, to pass). */
  const overflowing = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const w = globalThis as unknown as { innerWidth: number; innerHeight: number; document: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { left: number; top: number; right: number; bottom: number }; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number; outerHTML: string }> } };
      return Array.from(w.document.querySelectorAll(sel))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < 0 || r.top < 0 || r.right > w.innerWidth + 0.5 || r.bottom > w.innerHeight + 0.5 || el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        })
        .map((el) => el.outerHTML.slice(0, 120));
    }, selector);

  it('the kiosk, console, hall screen and pad say so, and come back by themselves', async () => {
    const base = hall.server.url;
    const kiosk = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
    const kioskEn = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
    const consolePage = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    const hallScreen = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    const pad = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await Promise.all([
      kiosk.goto(devicePageUrl(hall, 'kiosk-01')),
      kioskEn.goto(devicePageUrl(hall, 'kiosk-02')),
      consolePage.goto(`${base}/window`),
      hallScreen.goto(devicePageUrl(hall, { kind: 'hall-screen' })),
      pad.goto(devicePageUrl(hall, { kind: 'pad', windowNo: 1 })),
    ]);
    await kiosk.locator('.kiosk-tile').first().waitFor();
    await kioskEn.locator('.kiosk-tile').first().waitFor();
    await kioskEn.locator('.kiosk-header-button').first().click();
    await kioskEn.getByText('Choose the service you need').waitFor();
    await consolePage.locator('input[name="windowNo"]').fill('1');
    await consolePage.locator('input[name="staffNo"]').fill('1001');
    await consolePage.locator('input[name="pin"]').fill('123456');
    await consolePage.getByRole('button', { name: '登录' }).click();
    await consolePage.locator('[data-action="call-next"]').waitFor();
    await hallScreen.locator('[data-testid="hall-screen"][data-connected="true"]').waitFor();
    await pad.locator('[data-testid="pad"][data-connected="true"]').waitFor();

    // A visitor waits at window 1's category: its console has a call to make.
    expect((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body.ticket.number).toBe('A001');
    hall.server.db.pragma('query_only = 1');
    // The first write after it (a kiosk's ticket) finds out; every screen hears at once.
    const refused = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } });
    expect(refused.body.error.code).toBe('DATABASE_READ_ONLY');

    await kiosk.getByTestId('storage-down').filter({ hasText: '系统存储故障，暂停取号，请联系工作人员' }).waitFor();
    expect(await kiosk.locator('.kiosk-tile').first().isDisabled()).toBe(true);
    await kioskEn.getByTestId('storage-down').filter({ hasText: 'Storage fault: no tickets for now' }).waitFor();
    await consolePage.getByTestId('storage-down').filter({ hasText: '现在的操作不会被保存' }).waitFor();
    await expect(consolePage.getByTestId('storage-down').textContent()).resolves.toContain('服务器数据库只读');
    await hallScreen.getByTestId('storage-down').filter({ hasText: '系统存储故障，暂停取号' }).waitFor();
    await pad.getByTestId('pad-problem').filter({ hasText: '系统存储故障，暂时无法评价' }).waitFor();
    // The console's action answers the reason in its own words.
    await consolePage.locator('[data-action="call-next"]').click();
    await consolePage.getByText('服务器数据库只读，无法写入').first().waitFor();

    await Promise.all([
      screenshot(kiosk, 'storage-down-kiosk-1080x1920'),
      screenshot(kioskEn, 'storage-down-kiosk-en-1080x1920'),
      screenshot(consolePage, 'storage-down-console-1366x768'),
      screenshot(hallScreen, 'storage-down-hall-1920x1080'),
      screenshot(pad, 'storage-down-pad-1280x800'),
    ]);
    expect(await overflowing(kiosk, '[data-testid="storage-down"] p')).toEqual([]);
    expect(await overflowing(kioskEn, '[data-testid="storage-down"] p')).toEqual([]);
    expect(await overflowing(consolePage, '[data-testid="storage-down"]')).toEqual([]);
    // First in the console's strip of notices, in view (a notice after it scrolls within the strip).
    const strip = (await consolePage.locator('.console-notices').boundingBox())!;
    const banner = (await consolePage.getByTestId('storage-down').boundingBox())!;
    expect(banner.y + banner.height).toBeLessThanOrEqual(strip.y + strip.height);
    expect(await overflowing(hallScreen, '[data-testid="storage-down"]')).toEqual([]);

    hall.server.db.pragma('query_only = 0');
    // The probe finds the disk writable again; the screens are back without anyone touching them.
    await kiosk.getByTestId('storage-down').waitFor({ state: 'detached' });
    expect(await kiosk.locator('.kiosk-tile').first().isEnabled()).toBe(true);
    await consolePage.getByTestId('storage-down').waitFor({ state: 'detached' });
    await hallScreen.getByTestId('storage-down').waitFor({ state: 'detached' });
    await pad.getByTestId('pad-problem').waitFor({ state: 'detached' });
    await kiosk.locator('[data-category="A"]').click();
    await expect(kiosk.getByTestId('ticket-number').textContent()).resolves.toBe('A002');
  }, 60_000);
});
