/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, launchBrowser, newPage } from '../support/browser';
import { api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// Every page under the hall server's Content-Security-Policy (http/headers.ts): each loads,
// shows itself, connects its socket, and Chromium reports nothing the policy blocked.

describe('the pages under the Content-Security-Policy', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser.close();
    await hall.stop();
  });

  const demoLink = (kind: string) => hall.server.demoDevices.find((d) => d.device.kind === kind)!.link;

  it('opens every page with nothing blocked', async () => {
    const kiosk = deviceToken(hall, 'kiosk');
    const { secret } = (await api(base, 'POST', '/api/tickets', { body: { category: 'A' }, token: kiosk })).body;
    await login(base, '1001', 1);
    await officeLogin(base, '9001');
    const addresses = [
      demoLink('kiosk'),
      demoLink('pad'),
      demoLink('hall-screen'),
      demoLink('window-screen'),
      `${base}/t/${secret}`,
      `${base}/window`,
      `${base}/office`,
      `${base}/admin`,
    ];
    for (const address of addresses) {
      const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
      const response = await page.goto(address);
      expect(response?.headers()['content-security-policy'], address).toContain("frame-ancestors 'none'");
      // Its script ran and drew the page; its socket, styles and images loaded or were refused by now.
      await page.waitForFunction(() => document.body.innerText.trim().length > 0);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    expect(cspViolations).toEqual([]);
  }, 120_000);

  it('would see a violation: an inline script on a page is blocked and reported', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/office`);
    const before = cspViolations.length;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => cspViolations.length).toBe(before + 1);
    expect(await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    cspViolations.splice(before);
    await page.close();
  });
});
