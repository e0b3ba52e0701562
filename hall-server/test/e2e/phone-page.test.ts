/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page-side helpers below run in the browser (page.evaluate, addInitScript).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser';
import { api, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// The phone page (手机查号) as a visitor meets it, at phone sizes: the wait told honestly, the
// windows that serve the ticket, the call felt and seen even with the page in the background,
// what to do after 已过号, and no character left alone on a line.

declare global {
  interface Window {
    vibrations: unknown[];
    notifications: { title: string; body: string | undefined }[];
    /** What the stubbed permission prompt answers when the visitor taps 叫号时提醒我. */
    permissionAnswer: NotificationPermission;
  }
}

/**
 * The browser's vibration and notifications, recorded: headless Chromium has no motor and shows
 * no notifications, and its permission prompt cannot be clicked.
 */
function stubAlerts() {
  window.vibrations = [];
  window.notifications = [];
  window.permissionAnswer = 'granted';
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: unknown) => {
      window.vibrations.push(pattern);
      return true;
    },
  });
  class RecordedNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission(): Promise<NotificationPermission> {
      RecordedNotification.permission = window.permissionAnswer;
      return Promise.resolve(window.permissionAnswer);
    }
    constructor(title: string, options?: NotificationOptions) {
      window.notifications.push({ title, body: options?.body });
    }
  }
  Object.defineProperty(window, 'Notification', { configurable: true, value: RecordedNotification });
}

describe('phone page', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const now = Date.parse('2026-11-25T02:00:00Z'); // 10:00 in the hall
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: { now: () => now } }), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await hall.stop();
  });

  /** A ticket taken at a kiosk: its number and the visitor's secret its QR code carries. */
  async function issue(category: string): Promise<{ secret: string; number: string }> {
    const { body } = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category } });
    return { secret: body.secret, number: body.ticket.number };
  }
  async function act(windowNo: number, token: string, action: string, body: unknown = {}) {
    const reply = await api(base, 'POST', `/api/windows/${windowNo}/${action}`, { token, body });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  }
  async function openPhone(secret: string, options: { locale?: string; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', viewport: { width: options.width ?? 390, height: 844 }, isMobile: true, hasTouch: true });
    contexts.push(context);
    await context.addInitScript(stubAlerts);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/t/${secret}`);
    await page.getByTestId('phone-number').waitFor();
    return page;
  }

  it('shows a waiting ticket: issue time, people ahead, an honest wait and the windows serving it, live', async () => {
    await issue('G');
    const mine = await issue('G');
    const page = await openPhone(mine.secret);
    await page.getByTestId('phone-issued').filter({ hasText: '取号时间 10:00' }).waitFor();
    await page.getByTestId('phone-ahead').filter({ hasText: '前面还有 1 人' }).waitFor();
    // Before anyone signs in, no window calls 住房公积金: the page says so, with no wait.
    await page.getByTestId('phone-wait').filter({ hasText: '暂无窗口办理此业务，请咨询导服员' }).waitFor();
    expect(await page.locator('.phone-window').allTextContents()).toEqual(['15号 未开放', '16号 未开放']);
    await screenshot(page, 'phone-waiting-unattended-390x844');

    // Window 15 opens: the page hears it, names the window and gives the server's estimate.
    const token = await login(base, '1015', 15);
    await page.locator('.phone-window').filter({ hasText: /^15号$/ }).waitFor();
    const wait = await page.getByTestId('phone-wait').filter({ hasText: /^预计等候约 [1-9]\d* 分钟$/ }).textContent();
    expect(wait).not.toContain('约 0 分钟');
    expect(await page.title()).toBe(`${mine.number} 等候中`);
    await screenshot(page, 'phone-waiting-390x844');

    // Paused for lunch: nobody calls it again.
    await act(15, token, 'pause', { reason: '午休' });
    await page.locator('.phone-window').filter({ hasText: '15号 暂停' }).waitFor();
    await page.getByTestId('phone-wait').filter({ hasText: '暂无窗口办理此业务' }).waitFor();
    await act(15, token, 'resume');
    await page.getByTestId('phone-wait').filter({ hasText: '预计等候约' }).waitFor();

    // The first visitor is called: nobody ahead now.
    await act(15, token, 'call-next');
    await page.getByTestId('phone-ahead').filter({ hasText: '前面已经没有人了' }).waitFor();
    expect(await page.getByTestId('phone-wait').textContent()).not.toMatch(/约 0 分钟/);
  });

  it('when called: vibrates, retitles the page and notifies a visitor who allowed it, again on a recall', async () => {
    const mine = await issue('D');
    const page = await openPhone(mine.secret);
    expect(await page.title()).toBe(`${mine.number} 等候中`);
    await page.getByRole('button', { name: '叫号时提醒我' }).click();
    await page.getByTestId('phone-notify').filter({ hasText: '叫号时会提醒您' }).waitFor();
    expect(await page.evaluate(() => window.vibrations.length)).toBe(0);

    const token = await login(base, '1008', 8);
    await act(8, token, 'call', { number: mine.number });
    await page.getByTestId('phone-status').filter({ hasText: '请到 8 号窗口办理' }).waitFor();
    await expect.poll(() => page.title()).toBe(`【请到8号窗口】${mine.number}`);
    await expect.poll(() => page.evaluate(() => window.vibrations.length)).toBe(1);
    expect(await page.evaluate(() => window.notifications)).toEqual([{ title: `【请到8号窗口】${mine.number}`, body: '请到 8 号窗口办理' }]);
    await screenshot(page, 'phone-called-390x844');

    await act(8, token, 'recall');
    await expect.poll(() => page.evaluate(() => window.vibrations.length)).toBe(2);
    expect(await page.evaluate(() => window.notifications.length)).toBe(2);
  });

  it('sends no notification to a visitor who did not allow them, and still vibrates and retitles', async () => {
    const mine = await issue('F');
    const page = await openPhone(mine.secret, { locale: 'en-US' });
    await page.evaluate(() => (window.permissionAnswer = 'denied'));
    await page.getByRole('button', { name: 'Alert me when I am called' }).click();
    await page.getByTestId('phone-notify').filter({ hasText: 'did not allow alerts' }).waitFor();

    const token = await login(base, '1012', 12);
    await act(12, token, 'call', { number: mine.number });
    await expect.poll(() => page.title()).toBe(`[Go to window 12] ${mine.number}`);
    await expect.poll(() => page.evaluate(() => window.vibrations.length)).toBe(1);
    expect(await page.evaluate(() => window.notifications)).toEqual([]);
  });

  it('after 已过号 says what to do', async () => {
    const mine = await issue('A');
    const page = await openPhone(mine.secret);
    const token = await login(base, '1001', 1);
    await act(1, token, 'call', { number: mine.number });
    await page.getByTestId('phone-status').filter({ hasText: '请到 1 号窗口办理' }).waitFor();
    await act(1, token, 'no-show');
    await page.getByTestId('phone-status').filter({ hasText: '已过号' }).waitFor();
    await page.getByTestId('phone-no-show-help').filter({ hasText: '过号后请联系窗口工作人员，当天可以恢复排队' }).waitFor();
    expect(await page.title()).toBe(`${mine.number} 已过号`);
    await screenshot(page, 'phone-no-show-390x844');
  });

  describe('no character alone on a line at 360 to 430 px', () => {
    // One ticket in each state the page shows.
    let states: { name: string; ticket: { secret: string }; ready: string }[];
    beforeAll(async () => {
      const unattended = await issue('K');
      await issue('C');
      const waiting = await issue('C');
      const called = await issue('E');
      const noShow = await issue('H');
      const finished = await issue('B');
      await login(base, '1007', 7);
      const tokens = { 10: await login(base, '1010', 10), 17: await login(base, '1017', 17), 3: await login(base, '1003', 3) };
      await act(10, tokens[10], 'call', { number: called.number });
      await act(17, tokens[17], 'call', { number: noShow.number });
      await act(17, tokens[17], 'no-show');
      await act(3, tokens[3], 'call', { number: finished.number });
      await act(3, tokens[3], 'finish');
      states = [
        { name: 'unattended', ticket: unattended, ready: 'phone-wait' },
        { name: 'waiting', ticket: waiting, ready: 'phone-windows' },
        { name: 'called', ticket: called, ready: 'phone-status' },
        { name: 'no-show', ticket: noShow, ready: 'phone-no-show-help' },
        { name: 'finished', ticket: finished, ready: 'phone-rate' },
      ];
    });

    it.each(['zh-CN', 'en-US'])('in %s, in every state, nothing wider than the screen', async (locale) => {
      const lonely: string[] = [];
      for (const state of states) {
        const page = await openPhone(state.ticket.secret, { locale });
        await page.getByTestId(state.ready).waitFor();
        for (const width of [360, 390, 414, 430]) {
          await page.setViewportSize({ width, height: 844 });
          const found = await page.evaluate(lonelyLastLines);
          lonely.push(...found.map((f) => `${state.name} ${width}px: "${f.text}" ends with "${f.lastLine}"`));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) lonely.push(`${state.name} ${width}px: ${overflow}px wider than the screen`);
          await screenshot(page, `phone-${state.name}-${locale}-${width}x844`);
        }
        await page.context().close();
      }
      expect(lonely).toEqual([]);
      // Twenty layouts and screenshots: more than the usual time on a busy machine.
    }, 60_000);
  });
});

/**
 * Each block of text on the page whose last line holds a single character (punctuation and
 * spaces aside), found from where the browser laid each character out.
 */
function lonelyLastLines(): { text: string; lastLine: string }[] {
  const found: { text: string; lastLine: string }[] = [];
  const isMark = (c: string) => /[\s\p{P}\p{S}]/u.test(c);
  for (const element of document.querySelectorAll<HTMLElement>('main p, main h2, main button, main li, main label > span')) {
    const chars: { c: string; top: number; height: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) chars.push({ c: text[i]!, top: rect.top, height: rect.height });
      }
    }
    const lines: string[] = [];
    let lineTop = Number.NEGATIVE_INFINITY;
    for (const { c, top, height } of chars) {
      if (top > lineTop + height / 2) {
        lines.push('');
        lineTop = top;
      }
      lines[lines.length - 1] += c;
    }
    const last = lines.at(-1) ?? '';
    if (lines.length > 1 && [...last].filter((c) => !isMark(c)).length <= 1) found.push({ text: element.textContent ?? '', lastLine: last });
  }
  return found;
}
