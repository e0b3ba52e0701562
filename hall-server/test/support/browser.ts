import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

// Debian's Chromium, driven by Playwright; no browser download. Screenshots are kept in
// test-results/screenshots/ as artifacts of the run.

export const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * What the hall server's Content-Security-Policy blocked on the pages opened with `newPage`, as
 * Chromium reports it in the console: a page that needs something the policy does not allow
 * breaks quietly (no style, no socket, no sound); the CSP test asserts there is none.
 */
export const cspViolations: { url: string; text: string }[] = [];

/** A page in Chinese whose actions fail within seconds, not at the test's time-out; its CSP violations are recorded. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', ...options });
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push({ url: page.url(), text: message.text() });
  });
  return page;
}

/**
 * Closes every page of a browser the file shares between its parts, before a part stops its hall
 * server: a page left connected would keep reconnecting, and one still long-polling holds the
 * server's close.
 */
export async function closePages(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close()));
}
