import { IssueTicketReply, TicketReply, WindowSummaryReply, WindowsReply, type TicketView } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, connect, demoDeviceToken, deviceToken, login, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// The window console (/window) as window staff use it, at 1366x768. Each test works at its own
// windows and categories of the demo hall, so they share one server.

const VIEWPORT = { width: 1366, height: 768 };

describe('the window console', () => {
  let hall: TestHall;
  /** A hall whose clock stands at 17:30, half an hour after the demo hall closes, and runs on. */
  let lateHall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    // The main hall's clock stands at 10:00 (in opening hours, whatever the time of the run).
    const morning = Date.parse('2026-11-25T02:00:00Z');
    const late = Date.parse('2026-11-25T09:30:00Z');
    [hall, lateHall, browser] = await Promise.all([
      startTestHall({ clock: clockFrom(morning) }),
      startTestHall({ clock: clockFrom(late) }),
      launchBrowser(),
    ]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser.close();
    await Promise.all([hall.stop(), lateHall.stop()]);
  });

  // Opening a tab costs this machine most of a second: tests hand theirs back for the next one,
  // which starts it afresh (storage cleared, page loaded again).
  const idle: Page[] = [];
  const done = (...pages: Page[]) => idle.push(...pages);
  type Storage = { clear(): void };
  const clearStorage = () => {
    const w = globalThis as unknown as { sessionStorage: Storage; localStorage: Storage };
    w.sessionStorage.clear();
    w.localStorage.clear();
  };

  /** A ticket taken at a kiosk, with the visitor's secret its QR code carries. */
  const issue = async (category: string, priority = false): Promise<TicketView & { secret: string }> => {
    const { ticket, secret } = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: priority ? { category, priority: true } : { category } })).body);
    return { ...ticket, secret };
  };
  /** The ticket as its phone page sees it, by the secret. */
  const ticket = async (secret: string) => TicketReply.parse((await api(base, 'GET', `/api/tickets/${secret}`)).body).ticket;
  /** The window's day as its console reads it, with the console's own sign-in (it is for the window's staff only). */
  const summary = async (page: Page, no: number) => {
    const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('hall.console.token'));
    return WindowSummaryReply.parse((await api(base, 'GET', `/api/windows/${no}`, { token: token ?? undefined })).body);
  };
  const waitingIn = async (page: Page, no: number, code: string) => (await summary(page, no)).waiting.find((c) => c.code === code)!.waiting;
  /** A window as the screens see it. */
  const windowOf = async (no: number, at = base) => WindowsReply.parse((await api(at, 'GET', '/api/windows')).body).windows.find((w) => w.no === no)!;

  async function openConsole(path = '/window', at = base): Promise<Page> {
    const reused = idle.pop();
    const page = reused ?? (await newPage(browser, { viewport: VIEWPORT }));
    if (reused) await page.evaluate(clearStorage);
    await page.goto(at + path);
    await page.locator('input[name="windowNo"]').waitFor();
    return page;
  }
  async function signIn(page: Page, windowNo: number, staffNo: string, pin = '123456'): Promise<void> {
    await page.locator('input[name="windowNo"]').fill(String(windowNo));
    await page.locator('input[name="staffNo"]').fill(staffNo);
    await page.locator('input[name="pin"]').fill(pin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-action="call-next"]').waitFor();
  }
  const action = (page: Page, name: string) => page.locator(`[data-action="${name}"]`);
  const current = (page: Page) => page.getByTestId('current-number');
  const signInNotice = (page: Page) => page.getByTestId('signin-notice');
  /** Nothing in the ticket panel is cut off, and the day's figures are in view under the queue counts. */
  async function expectFits(page: Page): Promise<void> {
    const panel = (await page.locator('.console-current').boundingBox())!;
    for (const line of await page.locator('.console-current > *').all()) {
      const box = (await line.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(panel.y);
      expect(box.y + box.height).toBeLessThanOrEqual(panel.y + panel.height);
    }
    const day = (await page.locator('.console-day').boundingBox())!;
    const stats = (await page.locator('.console-day-stats').boundingBox())!;
    expect(stats.y + stats.height).toBeLessThanOrEqual(day.y + day.height);
    // The queue below shows whole rows only: those that do not fit are out of the column, not cut.
    for (const row of await page.locator('.console-queue li').all()) {
      const box = (await row.boundingBox())!;
      if (box.x < day.x + day.width) expect(box.y + box.height).toBeLessThanOrEqual(day.y + day.height);
    }
  }

  it('signs in, calls, recalls and finishes; the finish shows in the window’s day', async () => {
    const [h1] = [await issue('H'), await issue('H')];
    const screen = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    const pad = connect(base, { client: 'pad', windowNo: 17, token: demoDeviceToken(hall, 'pad-17') });
    await Promise.all([screen.waitFor('hall:snapshot'), pad.waitFor('hall:snapshot')]);
    const page = await openConsole();

    await signIn(page, 17, '1017');
    await page.getByTestId('console-window').filter({ hasText: '17号窗口' }).waitFor();
    await page.getByTestId('console-staff').filter({ hasText: '何平（工号 1017）' }).waitFor();
    await page.locator('.console-day [data-category="H"]').filter({ hasText: '2 人' }).waitFor();
    await page.getByTestId('current-none').waitFor();
    for (const name of ['recall', 'no-show', 'finish', 'transfer']) expect(await action(page, name).isDisabled()).toBe(true);
    expect(await action(page, 'call-next').textContent()).toContain('F1');

    await action(page, 'call-next').click();
    await current(page).filter({ hasText: h1!.number }).waitFor();
    expect(await ticket(h1!.secret)).toMatchObject({ status: 'called', windowNo: 17 });
    expect(await action(page, 'call-next').isDisabled()).toBe(true);
    await page.locator('.console-current-category').filter({ hasText: '民政' }).waitFor();
    // How long since the call, ticking.
    const elapsed = await page.getByTestId('current-elapsed').textContent();
    expect(elapsed).toMatch(/^已叫号 \d秒$/);

    await action(page, 'recall').click();
    await screen.waitFor('ticket:called', (call) => call.number === h1!.number && call.recall === true);

    // A key pressed while typing the case number does nothing.
    await page.locator('input[name="caseNo"]').fill('MZ-2026-0017');
    await page.keyboard.press('F3');
    // The console sends one request at a time, in order: a 过号 sent by F3 would leave nothing
    // to recall, so a second recall heard by the screen shows F3 sent nothing.
    await action(page, 'recall').click();
    await expect.poll(() => screen.received.filter((r) => r.event === 'ticket:called' && r.payload.recall).length).toBe(2);
    expect((await ticket(h1!.secret)).status).toBe('called');
    await expect.poll(() => page.getByTestId('current-elapsed').textContent(), { timeout: 3000 }).not.toBe(elapsed);

    await action(page, 'finish').click();
    await page.getByTestId('served-today').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('console-info').filter({ hasText: `${h1!.number} 已办结` }).waitFor();
    await page.getByTestId('current-none').waitFor();
    expect(await ticket(h1!.secret)).toMatchObject({ status: 'finished', windowNo: 17 });
    expect((await pad.waitFor('evaluation:requested')).caseNo).toBe('MZ-2026-0017');
    await page.locator('.console-day [data-category="H"]').filter({ hasText: '1 人' }).waitFor();
    // A service shorter than a minute reads "<1 分钟", never "0 分钟" or "0.1 分钟".
    expect(await page.getByTestId('average-handling').textContent()).toBe('<1 分钟');
    screen.socket.close();
    pad.socket.close();
    done(page);
  });

  it('transfers the ticket in hand to another window, which calls it first', async () => {
    const sent = await issue('L');
    const k1 = await issue('K');
    await issue('K');
    const [from, to] = await Promise.all([openConsole(), openConsole()]);
    await Promise.all([signIn(from, 20, '1020'), signIn(to, 19, '1019')]);

    await from.keyboard.press('F1');
    await current(from).filter({ hasText: sent.number }).waitFor();

    // Escape closes the dialog, and focus goes back to the 转移 button; Space still means 叫号
    // (nothing, with a ticket in hand), not a click on the focused button.
    const dialog = from.getByRole('dialog');
    await action(from, 'transfer').click();
    await dialog.waitFor();
    await from.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await action(from, 'transfer').evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    await from.keyboard.press('Space');
    // Keys are handled in order: once 重呼 (F2) has been answered, a click by Space would have
    // opened the dialog before it.
    await from.keyboard.press('F2');
    await from.getByTestId('recalled').waitFor();
    expect(await dialog.isVisible()).toBe(false);

    // Keys do nothing while the dialog is open.
    await from.keyboard.press('F6');
    await dialog.waitFor();
    // F3 sends nothing: the transfer below, which needs the ticket in hand, goes through.
    await from.keyboard.press('F3');
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await dialog.getByTestId('dialog-problem').filter({ hasText: '请选择要转到的业务类别或窗口' }).waitFor();
    expect(await dialog.locator('[data-window="20"]').isDisabled()).toBe(true);
    await dialog.locator('[data-window="19"]').click();
    await dialog.locator('input[name="note"]').fill('需交通运输窗口核验');
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await from.getByTestId('console-info').filter({ hasText: `${sent.number} 已转到 19 号窗口` }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await from.getByTestId('current-none').waitFor();
    expect(await ticket(sent.secret)).toMatchObject({ status: 'waiting', targetWindowNo: 19 });

    // Window 19 sees it waiting for it by name, where it came from and why, and calls it before
    // K tickets issued after it.
    await to.getByTestId('sent-here').filter({ hasText: '1 人' }).waitFor();
    await to.locator(`[data-testid="queue"] [data-number="${sent.number}"]`).filter({ hasText: '由 20 号窗口转来（原 住建与自然资源） · 需交通运输窗口核验' }).waitFor();
    await to.keyboard.press('F1');
    await current(to).filter({ hasText: sent.number }).waitFor();
    await to.locator('.console-badge').filter({ hasText: '转来本窗口' }).waitFor();
    const origin = to.getByTestId('transfer-origin');
    await origin.filter({ hasText: '由 20 号窗口转来（原 住建与自然资源）' }).waitFor();
    expect(await origin.locator('.console-transfer-note').textContent()).toBe('备注：需交通运输窗口核验');
    await expectFits(to);
    await screenshot(to, 'console-transferred-in-1366x768');
    await to.getByRole('button', { name: 'English' }).click();
    await origin.filter({ hasText: 'Transferred from window 20 (was Housing and land)' }).waitFor();
    await screenshot(to, 'console-transferred-in-en-1366x768');
    await expectFits(to);
    await to.getByRole('button', { name: '中文' }).click();
    await origin.filter({ hasText: '由 20 号窗口转来' }).waitFor();
    expect(await ticket(sent.secret)).toMatchObject({ status: 'called', windowNo: 19 });
    expect((await ticket(k1.secret)).status).toBe('waiting');
    done(from, to);
  });

  it('gives two consoles pressing 叫号 at the same moment different tickets', async () => {
    const issued = [await issue('A'), await issue('A'), await issue('A')];
    const [one, two] = await Promise.all([openConsole(), openConsole()]);
    await Promise.all([signIn(one, 1, '1001'), signIn(two, 2, '1002')]);

    await Promise.all([one.keyboard.press('F1'), two.keyboard.press('F1')]);
    await Promise.all([current(one).waitFor(), current(two).waitFor()]);
    const numbers = [await current(one).textContent(), await current(two).textContent()];
    expect(numbers[0]).not.toBe(numbers[1]);
    expect(numbers.sort()).toEqual([issued[0]!.number, issued[1]!.number]);
    const [s1, s2] = await Promise.all([summary(one, 1), summary(two, 2)]);
    expect(s1.current).toMatchObject({ number: await current(one).textContent(), status: 'called', windowNo: 1 });
    expect(s2.current).toMatchObject({ number: await current(two).textContent(), status: 'called', windowNo: 2 });
    expect(await waitingIn(one, 1, 'A')).toBe(1);

    await Promise.all([one.keyboard.press('F4'), two.keyboard.press('F4')]);
    await Promise.all([one.getByTestId('current-none').waitFor(), two.getByTestId('current-none').waitFor()]);
    done(one, two);
  });

  it('sends a console whose session ended elsewhere back to sign-in, and refuses its actions', async () => {
    const waiting = await issue('D');
    const page = await openConsole();
    await signIn(page, 8, '1008');

    // The same person signs in at the same window on another machine: this console sees its
    // session ended as soon as it next reads its window's day (the window changed hands), and
    // so does the next action.
    await login(base, '1008', 8);
    await signInNotice(page).filter({ hasText: '登录已失效' }).waitFor();
    await signIn(page, 8, '1008');
    await login(base, '1008', 8);
    await page.keyboard.press('F1');
    await signInNotice(page).filter({ hasText: '登录已失效' }).waitFor();
    expect((await ticket(waiting.secret)).status).toBe('waiting');

    // Signed in again here, then at window 9 on page B: page A cannot act any more.
    await signIn(page, 8, '1008');
    const other = await openConsole();
    await signIn(other, 9, '1008');
    if (await action(page, 'call-next').isVisible()) await page.keyboard.press('F1');
    await signInNotice(page).filter({ hasText: '请重新登录' }).waitFor();
    expect((await ticket(waiting.secret)).status).toBe('waiting');
    expect((await windowOf(8)).staff).toBeNull();
    // The ended token is forgotten: a reload shows the plain form.
    await page.reload();
    await page.locator('input[name="staffNo"]').waitFor();
    expect(await signInNotice(page).count()).toBe(0);

    // The API itself refuses a window-1 token on window 2, and a token after logout.
    const token = await login(base, '1001', 1);
    const wrong = await api(base, 'POST', '/api/windows/2/call-next', { token });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'WRONG_WINDOW', message: '您登录的不是这个窗口' });
    expect((await api(base, 'POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await api(base, 'POST', '/api/windows/1/call-next', { token })).body.error.code).toBe('UNAUTHORIZED');
    done(page, other);
  });

  it('comes back to the ticket in hand after a reload, without calling it again', async () => {
    const [f1] = [await issue('F'), await issue('F'), await issue('F')];
    const screen = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    await screen.waitFor('hall:snapshot');
    const page = await openConsole();
    await signIn(page, 12, '1012');
    await page.keyboard.press('F1');
    await current(page).filter({ hasText: f1!.number }).waitFor();
    await screen.waitFor('ticket:called', (call) => call.number === f1!.number);
    expect(await waitingIn(page, 12, 'F')).toBe(2);

    await page.reload();
    await current(page).filter({ hasText: f1!.number }).waitFor();
    await page.getByTestId('console-staff').filter({ hasText: '1012' }).waitFor();
    expect(await page.locator('input[name="pin"]').count()).toBe(0);
    expect(await action(page, 'call-next').isDisabled()).toBe(true);
    // A 重呼 from the reloaded console is heard after anything its reload might have sent.
    await page.keyboard.press('F2');
    await screen.waitFor('ticket:called', (call) => call.number === f1!.number && call.recall === true);
    const after = await summary(page, 12);
    expect(after.current).toMatchObject({ id: expect.any(String), number: f1!.number, status: 'called' });
    expect(after.waiting.find((c) => c.code === 'F')!.waiting).toBe(2);
    expect(screen.received.filter((r) => r.event === 'ticket:called' && !r.payload.recall)).toHaveLength(1);
    screen.socket.close();
    done(page);
  });

  it('runs the whole cycle from the keyboard', async () => {
    const [e1, e2] = [await issue('E'), await issue('E')];
    const screen = connect(base, { client: 'hall-screen', token: deviceToken(hall, 'hall-screen') });
    await screen.waitFor('hall:snapshot');
    const page = await openConsole();
    // The window number field has the focus.
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1010');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await page.getByTestId('console-window').filter({ hasText: '10号窗口' }).waitFor();
    await page.getByTestId('current-none').waitFor();

    await page.keyboard.press('F1');
    await current(page).filter({ hasText: e1!.number }).waitFor();
    await page.keyboard.press('F2');
    await screen.waitFor('ticket:called', (call) => call.number === e1!.number && call.recall === true);
    await page.keyboard.press('F3');
    await page.getByTestId('current-none').waitFor();
    expect((await ticket(e1!.secret)).status).toBe('no_show');
    await page.keyboard.press('F1');
    await current(page).filter({ hasText: e2!.number }).waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('served-today').filter({ hasText: /^1$/ }).waitFor();
    expect(await ticket(e2!.secret)).toMatchObject({ status: 'finished', windowNo: 10 });

    // Nobody left: Space (叫号) says so in the notice area.
    await page.keyboard.press('Space');
    await page.getByTestId('console-error').filter({ hasText: '当前没有等候的群众' }).waitFor();
    // The no-show comes back: F9, the number, Enter; then Space calls it.
    await page.keyboard.press('F9');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('e001');
    await page.keyboard.press('Enter');
    await page.getByTestId('console-info').filter({ hasText: `${e1!.number} 已恢复等候` }).waitFor();
    await page.keyboard.press('Space');
    await current(page).filter({ hasText: e1!.number }).waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('served-today').filter({ hasText: /^2$/ }).waitFor();
    screen.socket.close();
    done(page);
  });

  it('pauses with a reason, resumes, calls a number, and signs out only with nothing in hand', async () => {
    const [g1, g2] = [await issue('G'), await issue('G')];
    const page = await openConsole();
    await signIn(page, 15, '1015');

    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-reason="other"]').click();
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await dialog.getByTestId('dialog-problem').filter({ hasText: '请填写暂停原因' }).waitFor();
    await dialog.locator('[data-reason="training"]').click();
    await dialog.getByRole('button', { name: '确认暂停' }).click();
    await page.getByTestId('paused-banner').filter({ hasText: '暂停服务：业务培训' }).waitFor();
    expect(await windowOf(15)).toMatchObject({ state: 'paused', pauseReason: '业务培训' });
    expect(await action(page, 'call-next').isDisabled()).toBe(true);
    await page.keyboard.press('F1');

    // Resumed: the F1 pressed while paused, handled before, called nobody.
    await action(page, 'resume').click();
    await page.getByTestId('paused-banner').waitFor({ state: 'detached' });
    expect((await ticket(g1!.secret)).status).toBe('waiting');
    await page.keyboard.press('F8');
    await dialog.locator('input[name="number"]').fill('G099');
    await page.keyboard.press('Enter');
    await dialog.getByTestId('dialog-problem').filter({ hasText: '没有找到这张号票' }).waitFor();
    await dialog.locator('input[name="number"]').fill(g2!.number);
    await page.keyboard.press('Enter');
    await current(page).filter({ hasText: g2!.number }).waitFor();

    await action(page, 'logout').click();
    await page.getByTestId('console-error').filter({ hasText: '请先办结或过号当前号票' }).waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('current-none').waitFor();
    await action(page, 'logout').click();
    await page.locator('input[name="pin"]').waitFor();
    // Signed out on purpose: no "session ended" notice, even once the window is heard to close.
    await expect.poll(async () => (await windowOf(15)).state).toBe('closed');
    expect(await windowOf(15)).toMatchObject({ staff: null, state: 'closed' });
    expect(await signInNotice(page).count()).toBe(0);
    await page.reload();
    await page.locator('input[name="pin"]').waitFor();
    // The window number is remembered for the next sign-in.
    expect(await page.locator('input[name="windowNo"]').inputValue()).toBe('15');
    done(page);
  });

  it('says so when the line to the server drops, and carries on when it is back', async () => {
    const page = await openConsole();
    await signIn(page, 21, '1021');
    const waiting = await issue('L');
    await page.locator('.console-day [data-category="L"]').filter({ hasText: '1 人' }).waitFor();

    await hall.down();
    await page.getByText('实时连接中断，正在重新连接').waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('console-error').filter({ hasText: '网络连接中断' }).waitFor();
    await hall.up();
    await page.getByText('实时连接中断，正在重新连接').waitFor({ state: 'detached' });
    await page.keyboard.press('F1');
    await current(page).filter({ hasText: waiting.number }).waitFor();
    expect(await ticket(waiting.secret)).toMatchObject({ status: 'called', windowNo: 21 });
    // Enter in the 办件编号 field finishes.
    await page.locator('input[name="caseNo"]').fill('ZJ-2026-0021');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-none').waitFor();
    expect((await ticket(waiting.secret)).status).toBe('finished');
    done(page);
  });

  it('shows the console readably at 1366x768, with a kiosk’s printer fault for the guides', async () => {
    for (const category of ['B', 'B', 'B', 'C']) await issue(category);
    await issue('B', true);
    await api(base, 'PUT', '/api/devices/kiosk-01/status', { token: demoDeviceToken(hall, 'kiosk-01'), body: { part: 'printer', fault: 'paper_out' } });
    const page = await openConsole();
    // 梁红 (1022), Wednesday morning's guide: a kiosk's fault is a guide's work.
    await signIn(page, 23, '1022');
    await page.keyboard.press('F1');
    await current(page).waitFor();
    await page.getByTestId('device-fault').filter({ hasText: '一楼大厅东侧取号机：打印机缺纸，请导服员协助' }).waitFor();
    await page.locator('.console-badge').filter({ hasText: '绿色通道' }).waitFor();
    await page.locator('.console-day [data-category="B"]').filter({ hasText: '3 人' }).waitFor();

    // Everything fits the screen: nothing scrolls, nothing is cut off, every button is big enough.
    type Scrolling = { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number };
    const scrolls = (el: Scrolling) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    expect(await page.locator('.console-main').evaluate(scrolls)).toBe(false);
    expect(await page.locator('html').evaluate(scrolls)).toBe(false);
    const buttons = await page.locator('.console-action').all();
    expect(buttons).toHaveLength(9);
    for (const button of buttons) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(64);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    expect((await current(page).boundingBox())!.height).toBeGreaterThanOrEqual(100);
    const work = (await page.locator('.console-work').boundingBox())!;
    const day = (await page.locator('.console-day').boundingBox())!;
    expect(work.x + work.width).toBeLessThanOrEqual(day.x);
    expect(day.y + day.height).toBeLessThanOrEqual(768);
    await expectFits(page);
    await screenshot(page, 'console-1366x768');

    // English through the shared table, for a while.
    await page.getByRole('button', { name: 'English' }).click();
    await action(page, 'call-next').filter({ hasText: 'Call next' }).waitFor();
    await page.getByTestId('device-fault').filter({ hasText: '一楼大厅东侧取号机: Printer out of paper' }).waitFor();
    expect(await page.locator('.console-main').evaluate(scrolls)).toBe(false);
    await screenshot(page, 'console-en-1366x768');
    await page.getByRole('button', { name: '中文' }).click();
    await action(page, 'call-next').filter({ hasText: '叫号' }).waitFor();

    await page.keyboard.press('F6');
    await page.getByRole('dialog').waitFor();
    const dialog = await page.getByRole('dialog').boundingBox();
    expect(dialog!.y).toBeGreaterThanOrEqual(0);
    expect(dialog!.y + dialog!.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'console-transfer-1366x768');
    await page.keyboard.press('Escape');
    await api(base, 'PUT', '/api/devices/kiosk-01/status', { token: demoDeviceToken(hall, 'kiosk-01'), body: { part: 'printer', fault: null } });
    await page.getByTestId('device-fault').waitFor({ state: 'detached' });
    done(page);
  });

  it('asks to keep serving while people wait, then shows 延时服务', async () => {
    const base = lateHall.server.url;
    for (const category of ['H', 'H']) await api(base, 'POST', '/api/tickets', { token: deviceToken(lateHall, 'kiosk'), body: { category } });
    const page = await openConsole('/window?window=17', base);
    expect(await page.locator('input[name="windowNo"]').inputValue()).toBe('17');
    await page.locator('input[name="staffNo"]').fill('1017');
    await page.locator('input[name="pin"]').fill('123456');
    await page.keyboard.press('Enter');

    const prompt = page.getByTestId('extend-prompt');
    await prompt.filter({ hasText: '已到下班时间，仍有 2 人等候，请继续服务' }).waitFor();
    await screenshot(page, 'console-closing-time-1366x768');
    await prompt.getByRole('button', { name: '继续服务' }).click();
    await page.getByTestId('extended-banner').filter({ hasText: '延时服务' }).waitFor();
    expect(await prompt.count()).toBe(0);
    expect((await windowOf(17, base)).extendedService).toBe(true);
    done(page);
  });

  it('asks the pad again with F5 (请评价) and shows the visitor’s rating when it comes', async () => {
    const page = await openConsole();
    await signIn(page, 7, '1007');
    const c1 = await issue('C');
    await page.keyboard.press('F8');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type(c1.number);
    await page.keyboard.press('Enter');
    await current(page).filter({ hasText: c1.number }).waitFor();
    // With a visitor in hand there is nothing to rate yet.
    expect(await action(page, 'request-evaluation').isDisabled()).toBe(true);
    await page.keyboard.press('F4');
    await page.getByTestId('console-info').filter({ hasText: `${c1.number} 已办结` }).waitFor();

    const pad = connect(base, { client: 'pad', windowNo: 7, token: demoDeviceToken(hall, 'pad-07') });
    await pad.waitFor('hall:snapshot');
    await page.keyboard.press('F5');
    await page.getByTestId('console-info').filter({ hasText: `${c1.number} 请群众在评价器上评价` }).waitFor();
    const asked = await pad.waitFor('evaluation:requested', (p) => p.number === c1.number && p.secondsLeft === 30);
    expect(asked).toMatchObject({ number: c1.number, windowNo: 7 });

    // The pad names the ticket by the id it was told (only its own window's room hears it).
    const rated = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 7), body: { ticketId: asked.ticketId, level: 'very_satisfied' } });
    expect(rated.status).toBe(201);
    await page.getByTestId('console-info').filter({ hasText: `${c1.number} 的评价：非常满意` }).waitFor();
    await page.keyboard.press('F5');
    await page.getByTestId('console-error').filter({ hasText: '这次办事已经评价过了' }).waitFor();
    pad.socket.close();
    done(page);
  });

  it('offers the window’s waiting and no-show numbers to pick, and reads a typed "J2" as J002', async () => {
    const [j1, j2, j3] = [await issue('J'), await issue('J'), await issue('J')];
    const page = await openConsole();
    await signIn(page, 6, '1006');
    const dialog = page.getByRole('dialog');

    // 点号: the numbers window 6 would call, in that order, as big buttons.
    await page.keyboard.press('F8');
    const choices = dialog.getByTestId('number-choices');
    await choices.locator(`[data-number="${j3!.number}"]`).waitFor();
    expect(await choices.locator('[data-number]').evaluateAll((els) => els.map((el) => el.getAttribute('data-number')))).toEqual(
      expect.arrayContaining([j1!.number, j2!.number, j3!.number]),
    );
    for (const button of await choices.locator('[data-number]').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await screenshot(page, 'console-pick-number-1366x768');
    await choices.locator(`[data-number="${j2!.number}"]`).click();
    await current(page).filter({ hasText: j2!.number }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // 过号, then 恢复过号 offers it among the day's no-shows.
    await page.keyboard.press('F3');
    await page.getByTestId('current-none').waitFor();
    await page.keyboard.press('F9');
    await dialog.getByTestId('number-choices').locator(`[data-number="${j2!.number}"]`).click();
    await page.getByTestId('console-info').filter({ hasText: `${j2!.number} 已恢复等候` }).waitFor();
    expect((await ticket(j2!.secret)).status).toBe('waiting');

    // Typed short: "j3" is J003.
    await page.keyboard.press('F8');
    await dialog.locator('input[name="number"]').waitFor();
    expect(await dialog.locator('input[name="number"]').evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    await page.keyboard.type(`j${Number(j3!.number.slice(1))}`);
    await page.keyboard.press('Enter');
    await current(page).filter({ hasText: j3!.number }).waitFor();
    await page.keyboard.press('F4');
    await page.getByTestId('current-none').waitFor();

    // English: the same dialog, its words in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('F8');
    await dialog.getByText('Waiting for this window').waitFor();
    await dialog.getByText('Or type a number (A9 is A009)').waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'console-pick-number-en-1366x768');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '中文' }).click();
    await action(page, 'call-next').filter({ hasText: '叫号' }).waitFor();
    done(page);
  });

  it('says 已重呼 on 重呼, and undoes a 过号 at once', async () => {
    const [k1, k2] = [await issue('F'), await issue('F')];
    const page = await openConsole();
    await signIn(page, 13, '1013');
    const callNumber = async (number: string) => {
      await page.keyboard.press('F8');
      await page.getByRole('dialog').locator(`[data-number="${number}"]`).click();
      await current(page).filter({ hasText: number }).waitFor();
    };
    await callNumber(k1!.number);

    await page.keyboard.press('F2');
    await page.getByTestId('recalled').filter({ hasText: `已重呼 ${k1!.number}` }).waitFor();
    await page.getByTestId('console-info').filter({ hasText: `已重呼 ${k1!.number}` }).waitFor();
    await expectFits(page);
    await screenshot(page, 'console-recalled-1366x768');
    // The flash goes after a few seconds; the ticket stays in hand.
    await page.getByTestId('recalled').waitFor({ state: 'detached', timeout: 8000 });

    await page.keyboard.press('F3');
    const offer = page.getByTestId('undo-offer');
    await offer.filter({ hasText: `${k1!.number} 已过号，10 秒内可撤销` }).waitFor();
    await expectFits(page);
    await screenshot(page, 'console-undo-no-show-1366x768');
    await offer.getByRole('button', { name: '撤销过号' }).click();
    await current(page).filter({ hasText: k1!.number }).waitFor();
    await page.getByTestId('console-info').filter({ hasText: `${k1!.number} 已撤销过号，请继续办理` }).waitFor();
    expect(await ticket(k1!.secret)).toMatchObject({ status: 'called', windowNo: 13 });

    // Once someone else is called the offer is gone (and the server would refuse it).
    await page.keyboard.press('F3');
    await offer.waitFor();
    await callNumber(k2!.number);
    expect(await offer.count()).toBe(0);
    await page.keyboard.press('F3');
    await offer.waitFor();
    // And by itself when its time is up.
    await offer.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('current-none').waitFor();
    done(page);
  });

  it('keeps the action buttons where they are whatever the notices say', async () => {
    const page = await openConsole();
    await signIn(page, 4, '1004');
    const boxes = async () => Promise.all((await page.locator('.console-action').all()).map((button) => button.boundingBox()));
    const bare = await boxes();
    expect(bare).toHaveLength(9);

    // One notice: nobody served here yet, so nothing to rate.
    await page.keyboard.press('F5');
    await page.getByTestId('console-error').waitFor();
    expect(await boxes()).toEqual(bare);
    // Two: the pause banner, and a refusal while paused (nobody served yet to rate).
    await page.keyboard.press('F7');
    await page.getByRole('dialog').locator('[data-reason="rest"]').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认暂停' }).click();
    await page.getByTestId('paused-banner').waitFor();
    expect(await boxes()).toEqual(bare);
    await page.keyboard.press('F5');
    await page.getByTestId('console-error').waitFor();
    expect(await page.locator('.console-notices > *').count()).toBe(2);
    expect(await page.locator('.console-main').evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(false);
    expect(await boxes()).toEqual(bare);
    await screenshot(page, 'console-notices-1366x768');
    await action(page, 'resume').click();
    await page.getByTestId('paused-banner').waitFor({ state: 'detached' });
    expect(await boxes()).toEqual(bare);
    done(page);
  });

  it('lays the transfer dialog’s windows out in a fixed grid, each marked open, paused or closed', async () => {
    await issue('B');
    const [page, other] = await Promise.all([openConsole(), openConsole()]);
    await Promise.all([signIn(page, 5, '1005'), signIn(other, 3, '1003')]);
    await other.keyboard.press('F7');
    await other.getByRole('dialog').locator('[data-reason="rest"]').click();
    await other.getByRole('dialog').getByRole('button', { name: '确认暂停' }).click();
    await other.getByTestId('paused-banner').waitFor();
    await page.keyboard.press('F1');
    await current(page).waitFor();
    await page.keyboard.press('F6');
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-window="3"][data-state="paused"]').filter({ hasText: '暂停' }).waitFor();
    expect(await dialog.locator('[data-window="11"]').getAttribute('data-state')).toBe('closed');
    expect(await dialog.locator('[data-window="11"] .console-choice-state').textContent()).toBe('未开放');
    expect(await dialog.locator('[data-window="5"] .console-choice-state').textContent()).toBe('服务中');

    // Every window in view, all one width; a long name is cut short inside its own cell.
    const frame = (await dialog.boundingBox())!;
    const windows = await dialog.locator('[data-window]').all();
    expect(windows).toHaveLength(23);
    const widths = new Set<number>();
    for (const button of windows) {
      const box = (await button.boundingBox())!;
      widths.add(Math.round(box.width));
      expect(box.x).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    expect(widths.size).toBe(1);
    const name = dialog.locator('[data-window="3"] .console-choice-name');
    expect(await name.evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth > (el as unknown as { clientWidth: number }).clientWidth)).toBe(true);
    expect(await name.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { textOverflow: string } }).getComputedStyle(el).textOverflow)).toBe('ellipsis');
    await screenshot(page, 'console-transfer-states-1366x768');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('F6');
    await dialog.locator('[data-window="3"] .console-choice-state').filter({ hasText: 'Paused' }).waitFor();
    expect((await dialog.boundingBox())!.y + (await dialog.boundingBox())!.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'console-transfer-states-en-1366x768');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '中文' }).click();
    await action(other, 'resume').click();
    await other.getByTestId('paused-banner').waitFor({ state: 'detached' });
    await page.keyboard.press('F4');
    await page.getByTestId('current-none').waitFor();
    done(page, other);
  });
});
