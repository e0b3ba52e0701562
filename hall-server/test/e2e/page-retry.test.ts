import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { devicePageUrl, devicePageAddress, api, deviceToken, startTestHall, type TestHall } from '../support/hall-server';

// Every plain-browser page opened while the hall server does not answer yet (starting, or a
// proxy in front of it saying 503) says in words that it is connecting, tries again by itself
// with back-off, and is drawn once the server answers: no dead page, no reload by hand.

describe('a page opened before the server answers', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  /** The visitor's secret of a ticket: the phone page's address. */
  let secret: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
    base = hall.server.url;
    secret = (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'A' } })).body.secret;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  /** Opens `path` with the health check answering 503 until `release()`; counts the tries. */
  async function openRefused(path: string, options: { viewport: { width: number; height: number }; locale?: string }) {
    const page: Page = await newPage(browser, { viewport: options.viewport, ...(options.locale ? { locale: options.locale } : {}) });
    let refusing = true;
    let tries = 0;
    await page.route('**/api/health', (route) => {
      tries++;
      return refusing ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'starting' }) : route.fallback();
    });
    await page.goto(`${base}${path}`);
    return {
      page,
      tries: () => tries,
      release: () => {
        refusing = false;
      },
    };
  }

  const pages: { name: string; path: () => string; viewport: { width: number; height: number } }[] = [
    { name: 'kiosk', path: () => devicePageAddress(hall, 'kiosk-01'), viewport: { width: 1080, height: 1920 } },
    { name: 'pad', path: () => devicePageAddress(hall, 'pad-01'), viewport: { width: 1280, height: 800 } },
    { name: 'console', path: () => '/window?window=1', viewport: { width: 1366, height: 768 } },
    { name: 'office', path: () => '/office', viewport: { width: 1366, height: 768 } },
    { name: 'phone', path: () => `/t/${secret}`, viewport: { width: 390, height: 844 } },
    { name: 'hall screen', path: () => devicePageAddress(hall, { kind: 'hall-screen' }), viewport: { width: 1920, height: 1080 } },
    { name: 'window screen', path: () => devicePageAddress(hall, { kind: 'window-screen', windowNo: 3 }), viewport: { width: 1280, height: 400 } },
  ];

  for (const { name, path, viewport } of pages) {
    it(`${name}: says it is connecting, retries with back-off, and comes up by itself`, async () => {
      const { page, tries, release } = await openRefused(path(), { viewport });
      const waiting = page.getByTestId('boot-connecting');
      await waiting.filter({ hasText: '正在连接服务器…' }).filter({ hasText: '秒后自动重试' }).waitFor();
      // It tries again by itself.
      await expect.poll(tries, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      await screenshot(page, `connecting-${name.replace(' ', '-')}-${viewport.width}x${viewport.height}`);
      release();
      await waiting.waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => page.locator('#root').innerText(), { timeout: 10_000 }).not.toBe('');
      await page.close();
    }, 40_000);
  }

  it('says so in English on a phone set to English', async () => {
    const { page, release } = await openRefused(`/t/${secret}`, { viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await page.getByTestId('boot-connecting').filter({ hasText: 'Connecting to the server…' }).filter({ hasText: 'trying again in' }).waitFor();
    await screenshot(page, 'connecting-phone-en-390x844');
    release();
    await page.getByTestId('boot-connecting').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  }, 40_000);

  it('on 127.0.0.1 (a secure context), a page opened while the server is down comes from the kept copy and waits for the server', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 400 }, locale: 'zh-CN' });
    const first = await context.newPage();
    await first.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo: 3 }));
    await first.locator('[data-testid="window-screen"][data-connected="true"] [data-testid="window-status"]').waitFor();
    // The worker has kept the page and its assets.
    await expect
      .poll(() => first.evaluate(`caches.open('hall-pages-v1').then((c) => c.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))`), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['/display/window/3', expect.stringMatching(/^\/ui\/display-app\/assets\/.+\.js$/)]));
    await first.close();

    await hall.down();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // Without the kept copy this is the browser's error page (net::ERR_CONNECTION_REFUSED). The
    // page kept its credential: opened without it, it comes up as the paired screen.
    await page.goto(`${base}/display/window/3`);
    await page.getByTestId('boot-connecting').filter({ hasText: '正在连接服务器…' }).filter({ hasText: '秒后自动重试' }).waitFor();
    await screenshot(page, 'connecting-window-screen-server-down-1280x400');
    await hall.up();
    await page.locator('[data-testid="window-screen"][data-connected="true"] [data-testid="window-status"]').waitFor({ timeout: 20_000 });
    await context.close();
  }, 60_000);
});
