import { deviceLink, EnrolDeviceReply, isUnattended, localDate, WindowsReply, type CallView, type TicketView } from '@hall/shared';
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipTokens } from '../../src/renderer/announcer/announcer';
import { closePages, launchBrowser, newPage, screenshot } from '../../../hall-server/test/support/browser';
import { deviceToken, api, connect, devicePageUrl, login, officeLogin, startTestHall, type TestHall } from '../../../hall-server/test/support/hall-server';

// The hall screen (/display/hall, 1920x1080) and the window screens (/display/window/<no>,
// 1280x400) in Debian's Chromium, against a real hall server. The hall screen speaks through a
// fake engine the test puts in the page: it records what it is asked to say, takes 10 ms a
// step, and notes any step asked of it while it is still busy.

const HALL_VIEWPORT = { width: 1920, height: 1080 };
const WINDOW_VIEWPORT = { width: 1280, height: 400 };

const FAKE_ENGINE = `
  window.__spoken = [];
  window.__speechOverlaps = [];
  let busy = false;
  const step = (kind, text) => new Promise((resolve) => {
    if (busy) window.__speechOverlaps.push(kind + ' ' + (text || ''));
    busy = true;
    window.__spoken.push({ kind, text });
    setTimeout(() => { busy = false; resolve(); }, 10);
  });
  window.__hallSpeechEngine = { name: 'fake', chime: () => step('chime'), speak: (phrase) => step('speak', phrase.text) };
`;

const staffOf = (windowNo: number) => String(1000 + windowNo);
const sentence = (c: Pick<CallView, 'number' | 'windowNo' | 'recall'>) => `请${c.number}号到${c.windowNo}号窗口办理${c.recall ? '（重呼）' : ''}`;

/**
 * Whether each page's socket.io connection has moved from HTTP long-polling to its websocket.
 * The test server's close() can wait forever on a long-poll request still open (see the report),
 * so the tests stop the server only once no page is polling.
 */
const upgraded = new WeakMap<Page, () => boolean>();
function trackTransport(page: Page): void {
  let polling = 0;
  let websockets = 0;
  const isPoll = (url: string) => url.includes('/socket.io/') && url.includes('transport=polling');
  page.on('request', (r) => void (isPoll(r.url()) && polling++));
  page.on('requestfinished', (r) => void (isPoll(r.url()) && polling--));
  page.on('requestfailed', (r) => void (isPoll(r.url()) && polling--));
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/socket.io/')) return;
    websockets++;
    ws.on('close', () => websockets--);
  });
  upgraded.set(page, () => websockets > 0 && polling === 0);
}
async function untilUpgraded(...pages: Page[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pages.every((p) => upgraded.get(p)?.() ?? true)) {
    if (Date.now() > deadline) throw new Error('a page is still long-polling after 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openHallScreen(browser: Browser, hall: TestHall, speech = true): Promise<Page> {
  const page = await newPage(browser, { viewport: HALL_VIEWPORT });
  trackTransport(page);
  if (speech) await page.addInitScript(FAKE_ENGINE);
  await page.goto(devicePageUrl(hall, { kind: 'hall-screen' }));
  await page.locator('[data-testid="hall-screen"][data-connected="true"] [data-testid="latest-call"]').waitFor();
  return page;
}

async function openWindowScreen(browser: Browser, hall: TestHall, windowNo: number): Promise<Page> {
  const page = await newPage(browser, { viewport: WINDOW_VIEWPORT });
  trackTransport(page);
  await page.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo }));
  await page.locator('[data-testid="window-screen"][data-connected="true"] [data-testid="window-status"]').waitFor();
  return page;
}

/**
 * Text colour against the background it stands on, for every text of `selector` at every step
 * of its running animations (paused and stepped through by hand): the WCAG contrast ratios.
 */
const CONTRAST_ON_EVERY_FRAME = `(selector) => {
  const root = document.querySelector(selector);
  const animations = root.getAnimations({ subtree: true });
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = (c) => {
    const [r, g, b] = rgb(c).slice(0, 3).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if ((rgb(c)[3] ?? 1) > 0) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const texts = [...root.querySelectorAll('*')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  animations.forEach((a) => a.pause());
  const frames = [];
  for (let t = 250; t < 3000; t += 500) {
    animations.forEach((a) => (a.currentTime = t));
    for (const el of texts) {
      const [l1, l2] = [luminance(getComputedStyle(el).color), luminance(background(el))].sort((a, b) => b - a);
      // Faded text reads no better than its contrast says: a frame must not fade it.
      const ratio = opacity(el) < 0.95 ? 1 : (l1 + 0.05) / (l2 + 0.05);
      frames.push({ t, text: el.textContent.trim(), background: background(el), ratio });
    }
  }
  animations.forEach((a) => a.finish());
  return { animations: animations.length, frames };
}`;

/** Every element matching `selector` lies inside the viewport, its text inside its box. */
const outsideViewport = async (page: Page, selector: string): Promise<string[]> => {
  const found = (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      const clipped = [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow !== 'ellipsis');
      return r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5 || r.width === 0 || clipped;
    })
    .map((el) => el.outerHTML.slice(0, 160))`)) as string[];
  return found;
};

/** The animations of the hall screen's call flash have run out. */
const flashOver = (page: Page) =>
  page.waitForFunction(() => (globalThis as unknown as { document: { getAnimations(): { animationName?: string }[] } }).document.getAnimations().every((a) => !String(a.animationName).startsWith('call-flash')), undefined, { timeout: 5000 });

/** The browser blocks sound (as a plain browser does before a gesture) until a click. */
const SOUND_BLOCKED = `
      const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state');
      Object.defineProperty(BaseAudioContext.prototype, 'state', { get() { return this.__unlocked ? state.get.call(this) : 'suspended'; } });
      const resume = AudioContext.prototype.resume;
      AudioContext.prototype.resume = function () {
        this.__unlocked = true;
        return resume.call(this).finally(() => this.dispatchEvent(new Event('statechange')));
      };
    `;

/** What the fake engine was asked to say, sentences only. */
const spoken = async (page: Page): Promise<string[]> =>
  (await page.evaluate('window.__spoken.filter((s) => s.kind === "speak").map((s) => s.text)')) as string[];

const recentOnScreen = async (page: Page): Promise<string[]> =>
  page.locator('[data-testid="recent-calls"] li[data-number]').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('data-number')}@${r.getAttribute('data-window')}${r.getAttribute('data-recall') === 'true' ? '+' : ''}`),
  );
const callId = (c: CallView) => `${c.number}@${c.windowNo}${c.recall ? '+' : ''}`;

// One Chromium for the file; each part of it starts its own hall server.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the hall and window screens', () => {
  let hall: TestHall;
  let base: string;
  let hallPage: Page;
  /** The server's own order of calls, as a hall screen's socket receives them. */
  let recorder: ReturnType<typeof connect>;
  const tokens = new Map<number, string>();

  const token = async (windowNo: number) => {
    if (!tokens.has(windowNo)) tokens.set(windowNo, await login(base, staffOf(windowNo), windowNo));
    return tokens.get(windowNo)!;
  };
  const issue = async (category: string): Promise<TicketView> => (await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category } })).body.ticket;
  const act = async (windowNo: number, action: string, body?: unknown) => {
    const reply = await api(base, 'POST', `/api/windows/${windowNo}/${action}`, { token: await token(windowNo), ...(body ? { body } : {}) });
    if (reply.status !== 200) throw new Error(`${action} at ${windowNo}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const windows = async () => WindowsReply.parse((await api(base, 'GET', '/api/windows')).body).windows;
  const serverCalls = (): CallView[] => recorder.received.filter((r) => r.event === 'ticket:called').map((r) => r.payload as CallView);

  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    recorder = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    await recorder.waitFor('hall:snapshot');
    hallPage = await openHallScreen(browser, hall);
  });
  afterAll(async () => {
    recorder?.socket.close();
    await closePages(browser);
    await hall?.stop();
  });

  it('shows a call on the hall screen and on its window screen within a second, flashing, and announces it', async () => {
    const windowPage = await openWindowScreen(browser, hall, 3);
    await windowPage.locator('[data-testid="window-status"][data-state="closed"]').filter({ hasText: '未开放' }).waitFor();
    await token(3);
    await windowPage.locator('[data-testid="window-status"][data-state="idle"]').waitFor();
    await windowPage.getByTestId('window-staff').filter({ hasText: '张伟' }).filter({ hasText: '工号 1003' }).waitFor();
    const ticket = await issue('B');
    await hallPage.locator('[data-category="B"][data-waiting="1"]').waitFor();

    const started = Date.now();
    await act(3, 'call-next');
    await Promise.all([
      hallPage.locator(`[data-testid="latest-call"][data-number="${ticket.number}"][data-window="3"]`).waitFor({ timeout: 1000 }),
      hallPage.locator(`[data-testid="window-board"] li[data-window="3"][data-state="serving"][data-number="${ticket.number}"]`).waitFor({ timeout: 1000 }),
      windowPage.getByTestId('window-number').filter({ hasText: ticket.number }).waitFor({ timeout: 1000 }),
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
    // Both screens flash the call, every text readable on every frame of the flash.
    const windowFlash = (await windowPage.evaluate(`(${CONTRAST_ON_EVERY_FRAME})('[data-testid="window-status"]')`)) as {
      animations: number;
      frames: { ratio: number; background: string }[];
    };
    expect(windowFlash.animations).toBeGreaterThan(0);
    expect(new Set(windowFlash.frames.map((f) => f.background)).size, 'the number changes colour as it flashes').toBeGreaterThan(1);
    expect(windowFlash.frames.filter((f) => f.ratio < 4.5)).toEqual([]);
    await hallPage.locator('[data-testid="latest-call"].is-flashing').waitFor({ timeout: 1000 });
    const flash = (await hallPage.evaluate(`(${CONTRAST_ON_EVERY_FRAME})('[data-testid="latest-call"]')`)) as {
      animations: number;
      frames: { t: number; text: string; background: string; ratio: number }[];
    };
    expect(flash.animations).toBeGreaterThan(0);
    expect(new Set(flash.frames.map((f) => f.background)).size, 'the box changes colour as it flashes').toBeGreaterThan(1);
    expect(flash.frames.filter((f) => f.ratio < 4.5)).toEqual([]);
    // The latest call is not repeated as the first row of the list beside it.
    expect(await hallPage.locator(`[data-testid="recent-calls"] li[data-number="${ticket.number}"]`).count()).toBe(0);
    await expect(hallPage.getByTestId('latest-call').textContent()).resolves.toContain(`${ticket.number}→ 3号窗口`);
    await hallPage.locator('[data-category="B"][data-waiting="0"]').waitFor();

    await hallPage.waitForFunction(() => (globalThis as unknown as { __spoken: { kind: string; text: string }[] }).__spoken.filter((s) => s.kind === 'speak').length >= 2);
    expect(await hallPage.evaluate('window.__spoken')).toEqual([
      { kind: 'chime' },
      { kind: 'speak', text: `请${ticket.number}号到3号窗口办理` },
      { kind: 'speak', text: `请${ticket.number}号到3号窗口办理` },
    ]);

    // A recall is shown and announced as one; the call before it moves into the list.
    await act(3, 'recall');
    await hallPage.locator('[data-testid="latest-call"] .recall-tag').filter({ hasText: '重呼' }).waitFor({ timeout: 1000 });
    await hallPage.locator(`[data-testid="recent-calls"] li[data-number="${ticket.number}"][data-recall="false"]`).waitFor({ timeout: 1000 });
    await hallPage.waitForFunction(() => (globalThis as unknown as { __spoken: { kind: string; text: string }[] }).__spoken.filter((s) => s.kind === 'speak').length >= 4);
    expect((await spoken(hallPage)).slice(2)).toEqual([`请${ticket.number}号到3号窗口办理（重呼）`, `请${ticket.number}号到3号窗口办理（重呼）`]);

    // Paused, with its reason; then free again: a welcome, not 空闲.
    await act(3, 'finish');
    await windowPage.locator('[data-testid="window-status"][data-state="idle"]').filter({ hasText: '欢迎光临' }).filter({ hasText: '请等候叫号' }).waitFor();
    expect(await windowPage.getByTestId('window-screen').textContent()).not.toContain('空闲');
    await hallPage.locator('[data-testid="window-board"] li[data-window="3"][data-state="idle"]').filter({ hasText: '空闲' }).waitFor();
    await act(3, 'pause', { reason: '业务培训' });
    await windowPage.locator('[data-testid="window-status"][data-state="paused"]').filter({ hasText: '暂停服务' }).filter({ hasText: '业务培训' }).waitFor();
    await hallPage.locator('[data-testid="window-board"] li[data-window="3"][data-state="paused"]').filter({ hasText: '暂停' }).waitFor();
    expect(await windowPage.getByTestId('window-reopens').count()).toBe(0);
    await act(3, 'resume');
    await windowPage.locator('[data-testid="window-status"][data-state="idle"]').waitFor();
    await windowPage.close();
  });

  it('shows all of 23 calls made at once, in the server’s order, and announces each in that order', async () => {
    const all = await windows();
    expect(all).toHaveLength(23);
    for (const w of all) await token(w.no);
    for (const w of all) if (w.servingNumber) await act(w.no, 'finish');
    // Two tickets for each window's first category: enough for every window, whichever way
    // the windows serving several categories pick.
    for (const w of all) for (let i = 0; i < 2; i++) await issue(w.categories[0]!);
    const windowPages = await Promise.all([1, 12, 23].map((no) => openWindowScreen(browser, hall, no)));
    const before = serverCalls().length;
    const spokenBefore = (await spoken(hallPage)).length;
    // When the server's calls reach a socket here, and when each call first stands large on the
    // hall screen (both clocks are this machine's).
    const receivedAt: number[] = [];
    const onCall = () => receivedAt.push(Date.now());
    recorder.socket.on('ticket:called', onCall);
    await hallPage.evaluate(`
      window.__shownAt = {};
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="latest-call"][data-number]');
        if (el) window.__shownAt[el.getAttribute('data-number') + '@' + el.getAttribute('data-window')] ??= Date.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);

    const replies = await Promise.all(all.map((w) => act(w.no, 'call-next')));
    expect(replies).toHaveLength(23);
    await recorder.waitFor('ticket:called', () => serverCalls().length >= before + 23);
    recorder.socket.off('ticket:called', onCall);
    const order = serverCalls().slice(before);
    expect(order).toHaveLength(23);
    expect(new Set(order.map((c) => c.windowNo)).size).toBe(23);

    // The last call large, the 7 before it in the list, newest first: the last 8 the server made.
    const expected = order.slice(-8, -1).reverse().map(callId);
    await expect.poll(() => recentOnScreen(hallPage), { timeout: 2000, interval: 50 }).toEqual(expected);
    const last = order.at(-1)!;
    await hallPage.locator(`[data-testid="latest-call"][data-number="${last.number}"][data-window="${last.windowNo}"]`).waitFor({ timeout: 2000 });
    // The board shows the number every window serves, so a visitor who missed a call finds it.
    for (const call of order) {
      await hallPage.locator(`[data-testid="window-board"] li[data-window="${call.windowNo}"][data-number="${call.number}"]`).filter({ hasText: call.number }).waitFor({ timeout: 2000 });
    }
    // The last call stood on the hall screen within a second of the server sending it.
    const shownAt = (await hallPage.evaluate('window.__shownAt')) as Record<string, number>;
    expect(shownAt[`${last.number}@${last.windowNo}`]! - receivedAt.at(-1)!).toBeLessThan(1000);
    for (const page of windowPages) {
      const no = Number(new URL(page.url()).pathname.split('/').pop());
      const call = order.find((c) => c.windowNo === no)!;
      await page.getByTestId('window-number').filter({ hasText: call.number }).waitFor({ timeout: 2000 });
    }

    // Every call announced, twice, in the server's order, never two at once.
    await hallPage.waitForFunction((least) => (globalThis as unknown as { __spoken: { kind: string; text: string }[] }).__spoken.filter((s) => s.kind === 'speak').length >= least, spokenBefore + 46, { timeout: 30_000 });
    const said = (await spoken(hallPage)).slice(spokenBefore);
    expect(said).toEqual(order.flatMap((c) => [sentence(c), sentence(c)]));
    expect(await hallPage.evaluate('window.__speechOverlaps')).toEqual([]);
    await Promise.all(windowPages.map((p) => p.close()));
  }, 60_000);

  it('says in words that it is reconnecting while the server is away, keeps its last state readable, and is current again, with no call missing, when it returns', async () => {
    const windowPage = await openWindowScreen(browser, hall, 5);
    // Notes every appearance of the reconnecting banner, however short.
    await hallPage.evaluate(`
      window.__offlineSeen = false;
      new MutationObserver(() => { if (document.querySelector('[data-testid="reconnecting"]')) window.__offlineSeen = true; })
        .observe(document.body, { childList: true, subtree: true });
    `);
    await untilUpgraded(hallPage, windowPage);
    const latestBefore = await hallPage.getByTestId('latest-call').getAttribute('data-number');
    const boardBefore = await hallPage.getByTestId('window-board').textContent();
    const windowBefore = await windowPage.getByTestId('window-status').textContent();
    await hall.down();
    await Promise.all([hallPage.getByTestId('reconnecting').waitFor(), windowPage.getByTestId('reconnecting').waitFor()]);
    for (const page of [hallPage, windowPage]) {
      await expect(page.getByTestId('reconnecting').textContent()).resolves.toContain('网络连接中断，正在重新连接…');
      await expect(page.getByTestId('reconnecting').textContent()).resolves.toMatch(/屏幕上是 \d\d:\d\d 的信息/);
      // Large enough to read from afar, and on the screen.
      expect(await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('.reconnecting-text')).fontSize)`)).toBeGreaterThanOrEqual(40);
      expect(await outsideViewport(page, '[data-testid="reconnecting"]')).toEqual([]);
    }
    await hallPage.locator('[data-testid="hall-screen"].is-stale[data-connected="false"]').waitFor();
    await windowPage.locator('[data-testid="window-screen"].is-stale').waitFor();
    // The last state stays, readable (greyed, not faded out).
    expect(await hallPage.getByTestId('latest-call').getAttribute('data-number')).toBe(latestBefore);
    expect(await hallPage.getByTestId('window-board').textContent()).toBe(boardBefore);
    expect(await windowPage.getByTestId('window-status').textContent()).toBe(windowBefore);
    expect(Number(await hallPage.evaluate(`getComputedStyle(document.querySelector('.hall-main')).opacity`))).toBeGreaterThanOrEqual(0.75);
    await screenshot(hallPage, 'hall-screen-offline-1920x1080');
    await screenshot(windowPage, 'window-screen-offline-1280x400');

    await hall.up();
    const back = Date.now();
    await Promise.all([
      hallPage.getByTestId('reconnecting').waitFor({ state: 'detached' }),
      windowPage.getByTestId('reconnecting').waitFor({ state: 'detached' }),
    ]);
    expect(Date.now() - back).toBeLessThan(2000);

    // A restart: a call made at once, before the screens are back, reaches them in the snapshot.
    await act(5, 'finish');
    await issue('B');
    await hallPage.evaluate('window.__offlineSeen = false');
    const spokenBefore = (await spoken(hallPage)).length;
    await untilUpgraded(hallPage, windowPage);
    await hall.restart();
    const restarted = Date.now();
    tokens.clear();
    const { ticket } = (await act(5, 'call-next')) as { ticket: TicketView };
    await hallPage.waitForFunction(() => (globalThis as unknown as { __offlineSeen?: boolean }).__offlineSeen === true);
    await Promise.all([
      hallPage.getByTestId('reconnecting').waitFor({ state: 'detached' }),
      windowPage.getByTestId('reconnecting').waitFor({ state: 'detached' }),
      hallPage.locator(`[data-testid="latest-call"][data-number="${ticket.number}"][data-window="5"]`).waitFor(),
      windowPage.getByTestId('window-number').filter({ hasText: ticket.number }).waitFor(),
    ]);
    expect(Date.now() - restarted).toBeLessThan(2000);

    // The list is the server's own, missing nothing.
    const fresh = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    const snapshot = await fresh.waitFor('hall:snapshot');
    fresh.socket.close();
    expect(await recentOnScreen(hallPage)).toEqual((snapshot.recentCalls as CallView[]).slice(1).map(callId));
    expect((snapshot.recentCalls as CallView[])[0]).toMatchObject({ number: ticket.number, windowNo: 5 });

    // And live again: a call after the return shows and is announced.
    await issue('A');
    await act(1, 'finish');
    const { ticket: next } = (await act(1, 'call-next')) as { ticket: TicketView };
    await hallPage.locator(`[data-testid="latest-call"][data-number="${next.number}"][data-window="1"]`).waitFor({ timeout: 1000 });
    const nextSentence = sentence({ number: next.number, windowNo: 1, recall: false });
    await hallPage.waitForFunction((sentence) => (globalThis as unknown as { __spoken: { kind: string; text: string }[] }).__spoken.filter((s) => s.text === sentence).length === 2, nextSentence);
    // The call made during the restart is announced only if it came as a call, not inside the snapshot.
    const said = (await spoken(hallPage)).slice(spokenBefore);
    expect(said.slice(-2)).toEqual([nextSentence, nextSentence]);
    expect(said.length === 2 || said.length === 4, JSON.stringify(said)).toBe(true);
    await windowPage.close();
  }, 30_000);

  it('is the screen its credential names, so the admin devices page shows it online', async () => {
    const admin = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    // Screens of their own: the other tests' screens are the demo ones.
    const enrol = async (body: object) => EnrolDeviceReply.parse((await api(base, 'POST', '/api/admin/devices', { token: admin, body })).body);
    const [newHallScreen, newWindowScreen] = [await enrol({ kind: 'hall-screen', name: '二楼大厅屏' }), await enrol({ kind: 'window-screen', windowNo: 4, name: '4号窗口新屏' })];
    const [hallScreenId, windowScreenId] = [newHallScreen.device.id, newWindowScreen.device.id];
    const online = async (deviceId: string) =>
      ((await api(base, 'GET', '/api/admin/devices', { token: admin })).body.devices as { deviceId: string; kind: string; windowNo: number | null; online: boolean }[]).find(
        (d) => d.deviceId === deviceId,
      );
    const hallScreen = await newPage(browser, { viewport: HALL_VIEWPORT });
    trackTransport(hallScreen);
    await hallScreen.goto(deviceLink(base, newHallScreen.device, newHallScreen.token));
    const windowScreen = await newPage(browser, { viewport: WINDOW_VIEWPORT });
    trackTransport(windowScreen);
    await windowScreen.goto(deviceLink(base, newWindowScreen.device, newWindowScreen.token));
    await expect.poll(() => online(hallScreenId)).toMatchObject({ kind: 'hall-screen', windowNo: null, online: true });
    await expect.poll(() => online(windowScreenId)).toMatchObject({ kind: 'window-screen', windowNo: 4, online: true });
    await untilUpgraded(hallScreen, windowScreen);
    await hallScreen.close();
    await expect.poll(() => online(hallScreenId)).toMatchObject({ online: false });
    await windowScreen.close();
  });

  it('never announces the calls it finds in the snapshot: they are history', async () => {
    const page = await openHallScreen(browser, hall);
    expect(await recentOnScreen(page)).toHaveLength(7);
    // A call made now is announced; it is the only one.
    await act(4, 'finish').catch(() => undefined);
    await issue('B');
    const { ticket } = (await act(4, 'call-next')) as { ticket: TicketView };
    const said = sentence({ number: ticket.number, windowNo: 4, recall: false });
    await page.waitForFunction(() => (globalThis as unknown as { __spoken: { kind: string; text: string }[] }).__spoken.filter((s) => s.kind === 'speak').length >= 2);
    expect(await spoken(page)).toEqual([said, said]);
    await page.close();
  });

  it('tells the installer how to allow sound when the browser blocks it, with no control on the wall screen', async () => {
    const page = await newPage(browser, { viewport: HALL_VIEWPORT });
    await page.addInitScript(SOUND_BLOCKED);
    await page.goto(devicePageUrl(hall, { kind: 'hall-screen' }));
    const hint = page.getByTestId('sound-blocked');
    await hint.waitFor();
    await expect(hint.textContent()).resolves.toContain('--autoplay-policy=no-user-gesture-required');
    await expect(hint.textContent()).resolves.toContain('网站设置');
    expect(await page.locator('button, a[href], input, select, textarea, [role="button"]').count()).toBe(0);
    // The hint takes room: the board still fits.
    expect(await page.locator('[data-testid="window-board"] li').count()).toBe(23);
    expect(await outsideViewport(page, '[data-testid="window-board"] li, [data-testid="sound-blocked"], [data-testid="waiting"] li, [data-testid="duty"]')).toEqual([]);
    await screenshot(page, 'hall-screen-sound-blocked-1920x1080');
    // An installer's click anywhere lets sound play; the hint goes.
    await page.mouse.click(960, 540);
    await hint.waitFor({ state: 'detached' });
    await page.close();

    const english = await newPage(browser, { viewport: HALL_VIEWPORT });
    await english.addInitScript(SOUND_BLOCKED);
    await english.goto(devicePageUrl(hall, { kind: 'hall-screen' }, '?lang=en'));
    await english.getByTestId('sound-blocked').filter({ hasText: 'Start Chromium with --autoplay-policy=no-user-gesture-required' }).waitFor();
    expect(await outsideViewport(english, '[data-testid="window-board"] li, [data-testid="sound-blocked"], [data-testid="waiting"] li, [data-testid="duty"]')).toEqual([]);
    await screenshot(english, 'hall-screen-sound-blocked-en-1920x1080');
    await english.close();
  });

  it('plays the call as voice clips in a browser without a Chinese voice', async () => {
    // Every clip the clip engine may ask for is served.
    for (const token of clipTokens) {
      const reply = await fetch(`${base}/audio/zh/${token}.mp3`);
      expect(reply.status, token).toBe(200);
      expect(reply.headers.get('content-type')).toBe('audio/mpeg');
    }

    const page = await newPage(browser, { viewport: HALL_VIEWPORT });
    // Notes each clip the page plays, and when it ends. The clips play at four times their speed:
    // what is tested is which clips play, in what order, each to its end, not how long they last.
    await page.addInitScript(`
      window.__clips = [];
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function () {
        const entry = { clip: decodeURIComponent(this.src.split('/audio/zh/')[1] || this.src), ended: false };
        window.__clips.push(entry);
        this.addEventListener('ended', () => { entry.ended = true; }, { once: true });
        this.playbackRate = 4;
        return play.call(this);
      };
    `);
    await page.goto(devicePageUrl(hall, { kind: 'hall-screen' }));
    await page.locator('[data-testid="hall-screen"][data-connected="true"] [data-testid="latest-call"]').waitFor();
    // An installer's click lets sound play where the browser blocks it before a gesture.
    await page.mouse.click(960, 540);
    await page.getByTestId('sound-blocked').waitFor({ state: 'detached' });

    // Headless Chromium has no Chinese voice: the page speaks through the clips.
    await act(2, 'finish').catch(() => undefined);
    await issue('A');
    const { ticket } = (await act(2, 'call-next')) as { ticket: TicketView };
    const sentenceClips = ['qing', ...ticket.number.split(''), 'hao', 'dao', '2', 'hao-chuangkou-banli'].map((t) => `${t}.mp3`);
    const expected = ['chime.mp3', ...sentenceClips, ...sentenceClips];
    await page.waitForFunction((count) => { const clips = (globalThis as unknown as { __clips: { ended: boolean }[] }).__clips; return clips.length >= count && clips.every((c) => c.ended); }, expected.length, { timeout: 20_000 });
    expect(((await page.evaluate('window.__clips')) as { clip: string }[]).map((c) => c.clip)).toEqual(expected);
    await page.close();
  }, 40_000);

  it('opened while the server does not answer, says it is connecting and comes up by itself when the server does', async () => {
    const page = await newPage(browser, { viewport: HALL_VIEWPORT });
    trackTransport(page);
    let healthRefused = true;
    let socketRefused = true;
    let categoriesRefused = 0;
    const unavailable = { status: 503, contentType: 'text/plain', body: 'starting' };
    await page.route('**/api/health', (route) => (healthRefused ? route.fulfill(unavailable) : route.fallback()));
    await page.route('**/socket.io/**', (route) => (socketRefused ? route.fulfill(unavailable) : route.fallback()));
    await page.route('**/api/categories', (route) => (categoriesRefused++ < 2 ? route.fulfill(unavailable) : route.fallback()));
    await page.goto(devicePageUrl(hall, { kind: 'hall-screen' }));
    // The server answers 503: the page says so in words and when it tries again.
    await page.getByTestId('boot-connecting').filter({ hasText: '正在连接服务器…' }).filter({ hasText: '秒后自动重试' }).waitFor();
    await screenshot(page, 'hall-screen-connecting-1920x1080');
    // The server answers, but its first snapshot is refused: still connecting, in words.
    healthRefused = false;
    await page.getByTestId('screen-connecting').filter({ hasText: '正在连接服务器…' }).waitFor({ timeout: 15_000 });
    socketRefused = false;
    await page.locator('[data-testid="hall-screen"][data-connected="true"] [data-testid="window-board"]').waitFor({ timeout: 15_000 });
    // The category names, refused twice, came with a later try.
    await page.locator('[data-testid="waiting"] li[data-category="A"]').filter({ hasText: '公安户政' }).waitFor({ timeout: 10_000 });
    expect(categoriesRefused).toBeGreaterThanOrEqual(3);
    await untilUpgraded(page);
    await page.close();
  }, 40_000);

  it('says so on a window screen with a bad address, or paired for another window', async () => {
    const page = await newPage(browser, { viewport: WINDOW_VIEWPORT });
    await page.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo: 4 }).replace('/display/window/4#', '/display/window/99#'));
    await page.getByTestId('device-elsewhere').filter({ hasText: '本机已配对为“4号窗口屏”' }).waitFor();
    await page.goto(`${base}/display/window/x`);
    await expect(page.locator('.win-problem').textContent()).resolves.toContain('/display/window/');
    await page.close();
  });
});

describe('the hall screen’s duty roster, notice and extended service', () => {
  let hall: TestHall;
  let base: string;
  // Monday 2 March 2026, 10:00 in the hall: the guides' morning shift.
  let now = Date.parse('2026-03-02T10:00:00+08:00');
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(async () => {
    await closePages(browser);
    await hall?.stop();
  });

  const people = (page: Page, testId: string) =>
    page.locator(`[data-testid="${testId}"] [data-staff-no]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-staff-no')} ${e.textContent}`));

  it('shows today’s captain and the guides of the current shift, the notice, and the windows in extended service', async () => {
    // The duty captain's office session sets the roster and the notice.
    const token = await officeLogin(base, '2001');
    const today = localDate(now, 'Asia/Shanghai');
    const roster = await api(base, 'PUT', `/api/roster/${today}`, {
      token,
      body: {
        entries: [
          { shift: 'all_day', role: 'captain', staffNo: '2003' },
          { shift: 'morning', role: 'guide', staffNo: '1022' },
          { shift: 'afternoon', role: 'guide', staffNo: '1010' },
          { shift: 'all_day', role: 'guide', staffNo: '1006' },
        ],
      },
    });
    expect(roster.status).toBe(200);
    // Another day's roster is not today's.
    const tomorrow = await api(base, 'PUT', '/api/roster/2026-03-03', {
      token,
      body: { entries: [{ shift: 'all_day', role: 'captain', staffNo: '2004' }] },
    });
    expect(tomorrow.status).toBe(200);

    const page = await openHallScreen(browser, hall);
    await expect.poll(() => people(page, 'duty-captain')).toEqual(['2003 韩志刚工号 2003']);
    await expect.poll(() => people(page, 'duty-guides')).toEqual(expect.arrayContaining(['1022 梁红工号 1022', '1006 杨帆工号 1006']));
    expect(await people(page, 'duty-guides')).toHaveLength(2);

    // The notice runs at the foot of the screen as soon as it is set.
    const text = '温馨提示：不动产登记窗口今日 16:00 后暂停受理新件，请合理安排办事时间。办事群众请妥善保管个人证件。';
    expect((await api(base, 'PUT', '/api/hall/notice', { token, body: { text } })).status).toBe(200);
    await page.getByTestId('notice').filter({ hasText: text }).waitFor();

    // The afternoon (the server comes back after lunch): the afternoon guide instead.
    now = Date.parse('2026-03-02T13:00:00+08:00');
    await untilUpgraded(page);
    await hall.restart();
    await expect.poll(() => people(page, 'duty-guides'), { timeout: 5000 }).toEqual(expect.arrayContaining(['1010 吴婷工号 1010', '1006 杨帆工号 1006']));
    expect(await people(page, 'duty-guides')).toHaveLength(2);
    await expect.poll(() => people(page, 'duty-captain')).toEqual(['2003 韩志刚工号 2003']);

    // Calls through the afternoon; two windows go on past closing time: 延时服务.
    const tokens = new Map<number, string>();
    for (const no of [1, 3, 5, 8, 12, 17]) tokens.set(no, await login(base, String(1000 + no), no));
    const call = async (no: number, action = 'call-next') => {
      const reply = await api(base, 'POST', `/api/windows/${no}/${action}`, { token: tokens.get(no)! });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    };
    for (const category of ['A', 'A', 'B', 'B', 'B', 'B', 'D', 'D', 'F', 'H', 'C', 'C', 'C', 'E', 'K', 'L', 'L']) {
      await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category } });
    }
    for (const no of [1, 8, 12, 17]) await call(no);
    await call(8, 'recall');
    now = Date.parse('2026-03-02T17:10:00+08:00');
    await call(3);
    await call(5);
    await page.getByTestId('extended-service').filter({ hasText: '延时服务：3号窗口、5号窗口' }).waitFor();
    await page.locator('[data-testid="recent-calls"] li[data-number]').nth(5).waitFor();
    await page.locator('[data-testid="latest-call"][data-window="5"]').waitFor();
    await flashOver(page);
    const hallShot = await screenshot(page, 'hall-screen-1920x1080');
    expect(statSync(hallShot).size).toBeGreaterThan(50_000);

    // Every window on the board, all of it on the screen, what it does now in its cell.
    const all = WindowsReply.parse((await api(base, 'GET', '/api/windows')).body).windows;
    const boardStates = () =>
      page.locator('[data-testid="window-board"] li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-window')}:${e.getAttribute('data-state')}:${e.textContent}`));
    const expectedBoard = (names: { idle: string; paused: string; closed: string; no: (n: number) => string }) =>
      all.map((w) => {
        const state = w.state === 'open' ? (w.servingNumber ? 'serving' : 'idle') : w.state;
        const text = state === 'serving' ? w.servingNumber : state === 'idle' ? names.idle : state === 'paused' ? names.paused : names.closed;
        return `${w.no}:${state}:${names.no(w.no)}${text}`;
      });
    await expect.poll(boardStates).toEqual(expectedBoard({ idle: '空闲', paused: '暂停', closed: '未开放', no: (n) => `${n}号` }));
    expect(await outsideViewport(page, '[data-testid="window-board"] li, [data-testid="waiting"] li, [data-testid="recent-calls"] li, [data-testid="latest-call"], [data-testid="duty"]')).toEqual([]);

    // A category with people waiting and no open window is marked, with a word for the visitors.
    const waitingNow = (await api(base, 'GET', '/api/categories')).body.categories as { code: string; name: string; waiting: number }[];
    // The demo hall's hours (hall-server/config/demo-hall.json): 17:10 is well after opening.
    const hours = { timezone: 'Asia/Shanghai', openingHours: { open: '09:00' } };
    const alone = waitingNow.filter((c) => c.waiting > 0 && isUnattended(c.code, all, now, hours));
    expect(alone.length).toBeGreaterThan(0);
    expect(waitingNow.some((c) => c.waiting > 0 && !isUnattended(c.code, all, now, hours))).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid="waiting"] li[data-unattended="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-category'))))
      .toEqual(alone.map((c) => c.code));
    await page.getByTestId('unattended-note').filter({ hasText: `${alone.map((c) => c.name).join('、')}：暂无窗口办理，请咨询导服员` }).waitFor();

    // The same screen in English.
    const english = await newPage(browser, { viewport: HALL_VIEWPORT });
    await english.addInitScript(FAKE_ENGINE);
    await english.goto(devicePageUrl(hall, { kind: 'hall-screen' }, '?lang=en'));
    await english.locator('[data-testid="hall-screen"][data-connected="true"] [data-testid="window-board"]').waitFor();
    await english.getByTestId('unattended-note').filter({ hasText: 'no window is serving now, please ask a guide' }).waitFor();
    expect(await english.locator('[data-testid="window-board"] li').count()).toBe(23);
    expect(await english.locator('[data-testid="window-board"] li[data-state="closed"]').first().textContent()).toMatch(/^No\. \d+Closed$/);
    expect(await outsideViewport(english, '[data-testid="window-board"] li, [data-testid="waiting"] li, [data-testid="recent-calls"] li, [data-testid="latest-call"], [data-testid="duty"]')).toEqual([]);
    await screenshot(english, 'hall-screen-en-1920x1080');
    await english.close();

    // The window screens of the same moment: serving, paused, free, closed.
    const serving = await openWindowScreen(browser, hall, 3);
    await serving.getByTestId('window-number').waitFor();
    await serving.getByTestId('window-staff').filter({ hasText: '张伟' }).filter({ hasText: '工号 1003' }).waitFor();
    await screenshot(serving, 'window-screen-serving-1280x400');
    await call(12, 'finish');
    const pause = await api(base, 'POST', '/api/windows/12/pause', { token: tokens.get(12)!, body: { reason: '系统维护，请到13号窗口办理', until: '17:40' } });
    expect(pause.status).toBe(200);
    const paused = await openWindowScreen(browser, hall, 12);
    await paused.locator('[data-testid="window-status"][data-state="paused"]').filter({ hasText: '系统维护，请到13号窗口办理' }).waitFor();
    await paused.getByTestId('window-reopens').filter({ hasText: '预计 17:40 恢复服务' }).waitFor();
    await paused.getByTestId('window-scope').filter({ hasText: '办理业务：税务' }).waitFor();
    expect(await outsideViewport(paused, '.win-name, .win-scope, .win-status > *, .win-staff')).toEqual([]);
    await screenshot(paused, 'window-screen-paused-1280x400');
    const pausedEn = await newPage(browser, { viewport: WINDOW_VIEWPORT });
    await pausedEn.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo: 12 }, '?lang=en'));
    await pausedEn.getByTestId('window-reopens').filter({ hasText: 'Reopens at about 17:40' }).waitFor();
    await pausedEn.getByTestId('window-scope').filter({ hasText: 'Services: Taxation' }).waitFor();
    expect(await outsideViewport(pausedEn, '.win-name, .win-scope, .win-status > *, .win-staff')).toEqual([]);
    await screenshot(pausedEn, 'window-screen-paused-en-1280x400');
    await pausedEn.close();
    // A window serving several categories names them all.
    const several = await openWindowScreen(browser, hall, 23);
    await several.getByTestId('window-scope').filter({ hasText: '办理业务：公安户政、不动产登记、社会保险、医疗保障' }).waitFor();
    await several.close();
    const closed = await openWindowScreen(browser, hall, 20);
    await closed.locator('[data-testid="window-status"][data-state="closed"]').filter({ hasText: '未开放' }).waitFor();
    await screenshot(closed, 'window-screen-closed-1280x400');
    const idle = await openWindowScreen(browser, hall, 1);
    await call(1, 'finish');
    await idle.locator('[data-testid="window-status"][data-state="idle"]').filter({ hasText: '欢迎光临' }).filter({ hasText: '请等候叫号' }).waitFor();
    expect(await outsideViewport(idle, '.win-name, .win-scope, .win-status > *, .win-staff')).toEqual([]);
    await screenshot(idle, 'window-screen-idle-1280x400');
    const idleEn = await newPage(browser, { viewport: WINDOW_VIEWPORT });
    await idleEn.goto(devicePageUrl(hall, { kind: 'window-screen', windowNo: 1 }, '?lang=en'));
    await idleEn.locator('[data-testid="window-status"][data-state="idle"]').filter({ hasText: 'Welcome' }).filter({ hasText: 'Please wait for your number' }).waitFor();
    expect(await outsideViewport(idleEn, '.win-name, .win-scope, .win-status > *, .win-staff')).toEqual([]);
    await screenshot(idleEn, 'window-screen-idle-en-1280x400');
    await idleEn.close();
    // A small TV above a window instead of a strip.
    await serving.setViewportSize({ width: 1366, height: 768 });
    await screenshot(serving, 'window-screen-serving-1366x768');
  }, 60_000);
});

describe('the hall screen before opening time', () => {
  let hall: TestHall;
  let base: string;
  // Tuesday 3 March 2026, 08:30 in the hall: half an hour before the demo hall opens (09:00).
  const now = Date.parse('2026-03-03T08:30:00+08:00');
  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
  });
  afterAll(async () => {
    await closePages(browser);
    await hall?.stop();
  });

  it('flags no category its windows will serve at opening, though no window is open yet', async () => {
    for (const category of ['A', 'B', 'C']) expect((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category } })).status).toBeLessThan(300);
    const windows = WindowsReply.parse((await api(base, 'GET', '/api/windows')).body).windows;
    // No window is open: after opening time the same hall would flag all three.
    expect(windows.filter((w) => w.state === 'open')).toEqual([]);
    const hours = { timezone: 'Asia/Shanghai', openingHours: { open: '09:00' } };
    expect(['A', 'B', 'C'].map((c) => isUnattended(c, windows, Date.parse('2026-03-03T10:00:00+08:00'), hours))).toEqual([true, true, true]);

    const page = await openHallScreen(browser, hall);
    const waiting = () => page.locator('[data-testid="waiting"] li').evaluateAll((els) => els.filter((e) => e.getAttribute('data-waiting') !== '0').map((e) => `${e.getAttribute('data-category')}:${e.getAttribute('data-unattended')}`));
    await expect.poll(waiting).toEqual(['A:false', 'B:false', 'C:false']);
    expect(await page.getByTestId('unattended-note').count()).toBe(0);
    await screenshot(page, 'hall-screen-before-opening-1920x1080');
  }, 30_000);
});
