import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { devicePageUrl, startTestHall, type TestHall } from '../support/hall-server';

// Pairing the hall's devices in the browser (issue 15): a new hall screen shows its code, an
// administrator approves it at /admin, and the screen shows the hall; it keeps its credential
// over a reload and a server restart; a code typed in, a direct enrolment's address shown once,
// and a revoked pad back at the pairing screen. At the pages' real sizes, in Chinese and English.

const HALL = { width: 1920, height: 1080 };
const PAD = { width: 1280, height: 800 };
const ADMIN = { width: 1366, height: 768 };
const SLOW = 60_000;

describe('pairing the hall’s devices', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  async function openAdmin(locale = 'zh-CN'): Promise<Page> {
    const page = await newPage(browser, { viewport: ADMIN, locale });
    await page.goto(`${base}/admin`);
    await page.locator('input[name="staffNo"]').fill('9001');
    await page.locator('input[name="pin"]').fill('123456');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('office-staff').waitFor();
    await page.locator('[data-section="devices"]').click();
    await page.getByTestId('devices').waitFor();
    return page;
  }
  const codeOn = async (device: Page) => (await device.getByTestId('pairing-code').filter({ hasText: /^\d{6}$/ }).textContent())!;
  const hallShown = (screen: Page) => screen.locator('[data-testid="hall-screen"][data-connected="true"]').waitFor({ timeout: 15_000 });

  it('a fresh hall screen shows its code; approved at /admin it shows the hall, and keeps its credential over a reload and a restart', async () => {
    const screen = await newPage(browser, { viewport: HALL });
    await screen.goto(`${base}/display/hall`);
    const code = await codeOn(screen);
    await screen.getByText('请管理员打开 管理后台 → 设备 → 输入配对码').waitFor();
    await screenshot(screen, 'pairing-hall-screen-1920x1080');

    const admin = await openAdmin();
    const pending = admin.getByTestId('pending-pairings').locator(`li[data-code="${code}"]`);
    await pending.filter({ hasText: '请求作为 大厅屏，来自 127.0.0.1' }).waitFor();
    await screenshot(admin, 'admin-pending-pairing-1366x768');
    await pending.getByRole('button', { name: '配对' }).click();
    const form = admin.getByTestId('pair-form');
    await expect(form.locator('[data-field="kind"] select').inputValue()).resolves.toBe('hall-screen');
    await form.locator('[data-field="name"] input').fill('二楼大厅屏');
    await screenshot(admin, 'admin-pair-form-1366x768');
    await form.getByRole('button', { name: '配对' }).click();
    await expect.poll(() => admin.getByTestId('admin-message').textContent()).toContain('已配对 二楼大厅屏');
    await hallShown(screen);
    await admin.locator('tr', { hasText: '二楼大厅屏' }).waitFor();

    // The credential stays with the page: a reload and a server restart come back to the hall.
    await screen.reload();
    await hallShown(screen);
    expect(screen.url()).toBe(`${base}/display/hall`);
    await hall.restart();
    await screen.locator('[data-testid="hall-screen"][data-connected="false"]').waitFor();
    await hallShown(screen);
    await screen.reload();
    await hallShown(screen);
    expect(await screen.getByTestId('pairing').count()).toBe(0);
    // A network fault while it checks its credential: it keeps it and asks again.
    let failed = 0;
    await screen.route('**/api/devices/self', (route) => (failed++ < 2 ? route.abort('connectionrefused') : route.continue()));
    await screen.reload();
    await hallShown(screen);
    expect(failed).toBe(3);
    expect(await screen.getByTestId('pairing').count()).toBe(0);
    await Promise.all([screen.close(), admin.close()]);
  }, SLOW);

  /** The pairing screen fits the device's screen: nothing scrolls, nothing is cut off. */
  async function expectPairingFits(device: Page, size: { width: number; height: number }) {
    await codeOn(device);
    const box = await device.getByTestId('pairing').evaluate((pairing) => ({ height: pairing.scrollHeight, width: pairing.scrollWidth }));
    expect(box.height).toBeLessThanOrEqual(size.height);
    expect(box.width).toBeLessThanOrEqual(size.width);
  }

  for (const [name, path, size] of [
    ['kiosk', '/kiosk', { width: 1080, height: 1920 }],
    ['window-screen', '/display/window/2', { width: 1280, height: 400 }],
    ['window-screen-en', '/display/window/2?lang=en', { width: 1280, height: 400 }],
  ] as const) {
    it(`fits the pairing screen on a ${name} (${size.width}x${size.height})`, async () => {
      const device = await newPage(browser, { viewport: size });
      await device.goto(`${base}${path}`);
      await expectPairingFits(device, size);
      await screenshot(device, `pairing-${name}-${size.width}x${size.height}`);
      await device.close();
    });
  }

  it('shows the pairing screen in English on a screen set to English', async () => {
    const screen = await newPage(browser, { viewport: HALL });
    await screen.goto(`${base}/display/hall?lang=en`);
    await codeOn(screen);
    await screen.getByText('An administrator opens 管理后台 Admin → 设备 Devices → 输入配对码 Enter pairing code').waitFor();
    await screenshot(screen, 'pairing-hall-screen-en-1920x1080');
    await screen.close();
  });

  it('a code typed in pairs a pad as its window’s; a wrong code is refused beside its field', async () => {
    const pad = await newPage(browser, { viewport: PAD });
    await pad.goto(`${base}/pad/6`);
    const code = await codeOn(pad);
    await screenshot(pad, 'pairing-pad-1280x800');
    const admin = await openAdmin();
    await admin.getByRole('button', { name: '输入配对码' }).click();
    const form = admin.getByTestId('pair-form');
    await form.locator('[data-field="code"] input').fill(code === '000000' ? '000001' : '000000');
    await form.locator('[data-field="kind"] select').selectOption('pad');
    await form.locator('[data-field="windowNo"] select').selectOption('6');
    await form.locator('[data-field="name"] input').fill('6号窗口新评价器');
    await form.getByRole('button', { name: '配对' }).click();
    await admin.getByTestId('error-code').filter({ hasText: '没有设备显示这个配对码' }).waitFor();
    await form.locator('[data-field="code"] input').fill(code);
    await form.getByRole('button', { name: '配对' }).click();
    await expect.poll(() => admin.getByTestId('admin-message').textContent()).toContain('已配对 6号窗口新评价器');
    await pad.getByTestId('pad-no-staff').waitFor();
    await expect(pad.locator('.pad-window-no').textContent()).resolves.toBe('6号窗口');
    await Promise.all([pad.close(), admin.close()]);
  }, SLOW);

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`enrols a window screen directly, showing its address once (${locale})`, async () => {
      const admin = await openAdmin(locale);
      const zh = locale === 'zh-CN';
      await admin.getByRole('button', { name: zh ? '直接登记' : 'Enrol directly' }).click();
      const form = admin.getByTestId('pair-form');
      await form.locator('[data-field="kind"] select').selectOption('window-screen');
      await form.locator('[data-field="windowNo"] select').selectOption('9');
      await form.locator('[data-field="name"] input').fill(zh ? '9号窗口备用屏' : 'Window 9 spare screen');
      await form.getByRole('button', { name: zh ? '直接登记' : 'Enrol directly' }).click();
      const once = admin.getByTestId('enrolled-once');
      await once.filter({ hasText: zh ? '只显示这一次' : 'shown this once' }).waitFor();
      const link = await admin.getByTestId('enrolled-link').inputValue();
      expect(link).toMatch(new RegExp(`^${base}/display/window/9#token=hqd_[A-Za-z0-9_-]{43}$`));
      await screenshot(admin, `admin-enrolled-once-1366x768${zh ? '' : '-en'}`);
      await once.getByRole('button', { name: zh ? '我已记下，关闭' : 'Noted, close' }).click();
      expect(await admin.getByTestId('enrolled-link').count()).toBe(0);

      const screen = await newPage(browser, { viewport: { width: 1280, height: 400 } });
      await screen.goto(link);
      await screen.locator('[data-testid="window-screen"][data-connected="true"]').waitFor();
      // The credential is off the address bar, kept by the page.
      expect(screen.url()).toBe(`${base}/display/window/9`);
      await Promise.all([screen.close(), admin.close()]);
    }, SLOW);
  }

  it('a revoked pad goes back to the pairing screen, saying why', async () => {
    const pad = await newPage(browser, { viewport: PAD });
    await pad.clock.install();
    await pad.goto(devicePageUrl(hall, 'pad-03'));
    await pad.locator('.pad-window-no').filter({ hasText: '3号窗口' }).waitFor();
    const admin = await openAdmin();
    await admin.locator('tr[data-device="pad-03"]').getByRole('button', { name: '停用' }).click();
    await admin.getByTestId('confirm').filter({ hasText: '它的页面会立即回到配对界面' }).waitFor();
    await screenshot(admin, 'admin-revoke-confirm-1366x768');
    await admin.getByTestId('confirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => admin.getByTestId('admin-message').textContent()).toContain('已停用设备');
    // An idle pad sends nothing the server could refuse: it asks again within half a minute.
    await pad.clock.fastForward('00:31');
    await pad.getByTestId('pairing-notice').filter({ hasText: '本机的设备凭证已被管理员停用，请重新配对' }).waitFor();
    await codeOn(pad);
    await screenshot(pad, 'pairing-pad-revoked-1280x800');
    // The credential is gone from the page: a reload stays at the pairing screen.
    await pad.reload();
    await codeOn(pad);
    await Promise.all([pad.close(), admin.close()]);
  }, SLOW);
});
