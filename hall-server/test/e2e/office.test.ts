import { HallReport, type SatisfactionLevel, type TicketView } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { api, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// The office page (/office) as the duty captain uses it, at 1366x768. The ratings are made
// through the API as a window and its pad would. Tests share one hall and work at windows of
// their own; the first one checks the hall's figures, so it runs before any other rates.

const VIEWPORT = { width: 1366, height: 768 };
/** Wednesday 2026-11-25, 10:00 in the hall (Asia/Shanghai): in opening hours whatever the time of the run. */
const WEDNESDAY_10AM = Date.parse('2026-11-25T02:00:00Z');
const DAY_MS = 86_400_000;
/** The page's localStorage, as seen from code run in the page. */
type PageStorage = { getItem(key: string): string | null; setItem(key: string, value: string): void; clear(): void };

/** A clock that runs from `start` and can be moved on, as days pass in the hall. */
function movableClock(start: number) {
  const realStart = Date.now();
  let moved = 0;
  return {
    now: () => start + moved + (Date.now() - realStart),
    advance: (ms: number) => {
      moved += ms;
    },
  };
}

interface Rating {
  windowNo: number;
  staffNo: string;
  category: string;
  level: SatisfactionLevel;
  reasons?: string[];
  comment?: string;
  callbackPhone?: string;
  caseNo?: string;
}

/** A visitor served at a window and rating it on the window's pad. */
async function serveAndRate(hall: TestHall, rating: Rating): Promise<TicketView> {
  const base = hall.server.url;
  const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: rating.category } });
  expect(issued.status).toBe(201);
  const token = await login(base, rating.staffNo, rating.windowNo);
  const called = await api(base, 'POST', `/api/windows/${rating.windowNo}/call-next`, { token });
  expect(called.body.ticket.number).toBe(issued.body.ticket.number);
  const finished = await api(base, 'POST', `/api/windows/${rating.windowNo}/finish`, { token, body: rating.caseNo ? { caseNo: rating.caseNo } : {} });
  expect(finished.status).toBe(200);
  // The window's pad, with its own credential, names the ticket by the id it is told.
  const body = {
    ticketId: finished.body.ticket.id,
    level: rating.level,
    ...(rating.reasons ? { reasons: rating.reasons } : {}),
    ...(rating.comment ? { comment: rating.comment } : {}),
    ...(rating.callbackPhone ? { callbackPhone: rating.callbackPhone } : {}),
  };
  const rated = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', rating.windowNo), body });
  expect(rated.status).toBe(201);
  return issued.body.ticket;
}

describe('the office page', () => {
  let hall: TestHall;
  /** A hall whose days the test moves on, to see deadlines pass. */
  let laterHall: TestHall;
  const laterClock = movableClock(WEDNESDAY_10AM);
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, laterHall, browser] = await Promise.all([
      startTestHall({ clock: movableClock(WEDNESDAY_10AM) }),
      startTestHall({ clock: laterClock }),
      launchBrowser(),
    ]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([hall?.stop(), laterHall?.stop()]);
  });

  // Opening a tab costs this machine most of a second: tests hand theirs back for the next one,
  // which starts it afresh (signed out, page loaded again).
  const idle: Page[] = [];
  const done = (page: Page) => idle.push(page);
  const forgetSignIn = () => (globalThis as unknown as { localStorage: PageStorage }).localStorage.clear();

  async function openOffice(at = base): Promise<Page> {
    const reused = idle.pop();
    const page = reused ?? (await newPage(browser, { viewport: VIEWPORT }));
    if (reused) await page.evaluate(forgetSignIn);
    await page.goto(`${at}/office`);
    await page.locator('input[name="staffNo"]').waitFor();
    return page;
  }
  async function fillSignIn(page: Page, staffNo: string, pin = '123456'): Promise<void> {
    await page.locator('input[name="staffNo"]').fill(staffNo);
    await page.locator('input[name="pin"]').fill(pin);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }
  async function signIn(page: Page, staffNo: string): Promise<void> {
    await fillSignIn(page, staffNo);
    await page.getByTestId('office-staff').waitFor();
  }
  const figure = (page: Page, name: string) => page.getByTestId(`figure-${name}`);
  const tab = (page: Page, name: 'open' | 'overdue' | 'all') => page.locator(`[data-tab="${name}"]`);
  const item = (page: Page, number: string) => page.locator(`.office-item[data-number="${number}"]`);

  it('turns window staff away, lets a duty captain in, and shows the day’s figures and the poor rating', async () => {
    const rate = async () => {
      const poor = await serveAndRate(hall, {
        windowNo: 1,
        staffNo: '1001',
        category: 'A',
        level: 'dissatisfied',
        reasons: ['slow'],
        comment: '等了很久',
        callbackPhone: '13812345678',
        caseNo: 'GA-2026-0001',
      });
      await serveAndRate(hall, { windowNo: 1, staffNo: '1001', category: 'A', level: 'satisfied' });
      return poor;
    };
    const refuse = async () => {
      const page = await openOffice();
      await fillSignIn(page, '1001');
      await page.getByTestId('signin-problem').filter({ hasText: '只有值班长和管理员可以在这里登录' }).waitFor();
      await fillSignIn(page, '2001', '654321');
      await page.getByTestId('signin-problem').filter({ hasText: '工号或密码不正确' }).waitFor();
      expect(await page.locator('input[name="pin"]').inputValue()).toBe('');
      return page;
    };
    const [poor, page] = await Promise.all([rate(), refuse()]);

    await signIn(page, '2001');
    await page.getByTestId('office-staff').filter({ hasText: '值班长 章建国（工号 2001）' }).waitFor();
    await page.getByTestId('figures-title').filter({ hasText: '今日概况2026-11-25' }).waitFor();
    await figure(page, 'served').filter({ hasText: /^2$/ }).waitFor();
    const figures = Object.fromEntries(
      await Promise.all(
        ['issued', 'served', 'noShows', 'rated', 'unrated', 'satisfactionRate', 'averageStars', 'followUpsOpened', 'followUpsOpen', 'followUpsOverdue'].map(
          async (name) => [name, await figure(page, name).textContent()] as const,
        ),
      ),
    );
    expect(figures).toEqual({
      issued: '2',
      served: '2',
      noShows: '0',
      rated: '2',
      unrated: '0',
      satisfactionRate: '50.0%',
      averageStars: '3.0 星',
      followUpsOpened: '1',
      followUpsOpen: '1',
      followUpsOverdue: '0',
    });
    expect(await page.locator('[data-level="dissatisfied"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-level="satisfied"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-level="very_satisfied"] dd').textContent()).toBe('0');
    expect(await figure(page, 'averageHandling').textContent()).toMatch(/^\d+\.\d 分钟$/);

    // The follow-up: who, where, why, by when; the call-back comes first.
    const followUp = item(page, poor.number);
    await followUp.waitFor();
    expect(await tab(page, 'open').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-count-open').textContent()).toBe('1');
    expect(await followUp.getByTestId('item-window').textContent()).toBe('1号窗口 户政一号窗口');
    expect(await followUp.getByTestId('item-staff').textContent()).toBe('王芳（工号 1001）');
    expect(await followUp.getByTestId('item-level').textContent()).toBe('不满意');
    expect(await followUp.getByTestId('item-reasons').textContent()).toBe('原因：效率低');
    expect(await followUp.getByTestId('item-comment').textContent()).toBe('留言：“等了很久”');
    // The number the visitor left on the pad, for the duty captain's call-back.
    expect(await followUp.getByTestId('item-callback-phone').textContent()).toBe('回访电话 13812345678');
    expect(await followUp.getByTestId('item-case').textContent()).toBe('办件编号 GA-2026-0001');
    expect(await followUp.getByTestId('item-opened').textContent()).toMatch(/^差评时间 2026-11-25 10:0\d$/);
    expect(await followUp.getByTestId('item-callback-due').textContent()).toBe('回访期限 2026-11-26');
    // 15 working days: the weekends do not count.
    expect(await followUp.getByTestId('item-fix-due').textContent()).toBe('整改期限 2026-12-16');
    expect(await followUp.getByTestId('item-status').textContent()).toBe('待回访');
    expect(await followUp.getByTestId('item-overdue').count()).toBe(0);
    expect(await followUp.locator('[data-action="callback"]').isVisible()).toBe(true);
    expect(await followUp.locator('[data-action="fix"]').count()).toBe(0);

    // Everything fits the screen, and nothing is too small to hit.
    type Scrolling = { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number };
    const scrolls = (el: Scrolling) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    expect(await page.locator('html').evaluate(scrolls)).toBe(false);
    expect(await page.locator('.office-figures').evaluate(scrolls)).toBe(false);
    for (const button of await page.locator('main button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(52);
    await screenshot(page, 'office-1366x768');

    // Signed in across a reload; the language is the shared table's.
    await page.reload();
    await item(page, poor.number).waitFor();
    expect(await page.locator('input[name="pin"]').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await tab(page, 'open').filter({ hasText: 'Open' }).waitFor();
    expect(await item(page, poor.number).getByTestId('item-reasons').textContent()).toBe('Reason: Slow');
    expect(await item(page, poor.number).getByTestId('item-callback-phone').textContent()).toBe('Call-back number 13812345678');
    await screenshot(page, 'office-en-1366x768');
    expect(await page.locator('.office-figures').evaluate(scrolls)).toBe(false);
    await page.getByRole('button', { name: '中文' }).click();
    done(page);
  });

  it('records the call-back, then the fix; the closed item leaves 未办结 and stays in 全部', async () => {
    const [ticket, page] = await Promise.all([
      serveAndRate(hall, { windowNo: 3, staffNo: '1003', category: 'B', level: 'very_dissatisfied', reasons: ['attitude', 'repeated_trips'] }),
      openOffice(),
    ]);
    await signIn(page, '2002');
    const followUp = item(page, ticket.number);
    await followUp.getByTestId('item-reasons').filter({ hasText: '原因：态度不好、多次跑腿' }).waitFor();
    const openBefore = Number(await page.getByTestId('tab-count-open').textContent());

    await followUp.locator('[data-action="callback"]').click();
    const form = followUp.getByTestId('step-form');
    await form.getByRole('button', { name: '保存回访' }).click();
    await form.getByTestId('step-problem').filter({ hasText: '请填写回访情况' }).waitFor();
    await form.locator('textarea[name="note"]').fill('已电话联系群众，当面致歉');
    await form.getByRole('button', { name: '保存回访' }).click();
    await page.getByTestId('office-info').filter({ hasText: `${ticket.number} 已登记回访` }).waitFor();
    await followUp.getByTestId('item-status').filter({ hasText: '待整改' }).waitFor();
    expect(await followUp.getByTestId('item-callback').textContent()).toMatch(/^已回访 2026-11-25 \d\d:\d\d 沈卫东（2002）已电话联系群众，当面致歉$/);
    expect(await followUp.locator('[data-action="callback"]').count()).toBe(0);

    await followUp.locator('[data-action="fix"]').click();
    await followUp.locator('textarea[name="note"]').fill('窗口人员已批评教育，一次性告知清单已张贴');
    await screenshot(page, 'office-fix-form-1366x768');
    await followUp.getByRole('button', { name: '保存整改结果' }).click();
    await page.getByTestId('office-info').filter({ hasText: `${ticket.number} 整改已办结` }).waitFor();
    await followUp.waitFor({ state: 'detached' });
    await page.getByTestId('tab-count-open').filter({ hasText: String(openBefore - 1) }).waitFor();

    await tab(page, 'all').click();
    await page.getByTestId('list-span').filter({ hasText: '2026-11-25 的全部差评' }).waitFor();
    const closed = item(page, ticket.number);
    await closed.getByTestId('item-status').filter({ hasText: '已办结' }).waitFor();
    expect(await closed.getByTestId('item-fix').textContent()).toContain('窗口人员已批评教育');
    expect(await closed.locator('[data-action]').count()).toBe(0);
    const stored = (await api(base, 'GET', '/api/follow-ups?status=all', { token: await officeLogin(base, '9001') })).body.followUps;
    expect(stored.find((f: { number: string }) => f.number === ticket.number)).toMatchObject({
      status: 'closed',
      callback: { by: { staffNo: '2002' }, note: '已电话联系群众，当面致歉' },
      fix: { by: { staffNo: '2002' } },
    });
    done(page);
  });

  it('never records a fix before the call-back, and shows a record made meanwhile by another captain', async () => {
    const [ticket, captain, page] = await Promise.all([
      serveAndRate(hall, { windowNo: 8, staffNo: '1008', category: 'D', level: 'dissatisfied', reasons: ['unfamiliar'] }),
      officeLogin(base, '2003'),
      openOffice(),
    ]);
    const listed = (await api(base, 'GET', '/api/follow-ups?status=open', { token: captain })).body.followUps;
    const id = listed.find((f: { number: string }) => f.number === ticket.number).id as string;
    const early = await api(base, 'POST', `/api/follow-ups/${id}/fix`, { token: captain, body: { note: '已整改' } });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'FOLLOW_UP_CALLBACK_FIRST', message: '请先登记回访，再登记整改结果' });

    await signIn(page, '2001');
    const followUp = item(page, ticket.number);
    await followUp.locator('[data-action="callback"]').click();
    expect(await followUp.locator('[data-action="fix"]').count()).toBe(0);
    // Another captain records the call-back while this form is open.
    expect((await api(base, 'POST', `/api/follow-ups/${id}/callback`, { token: captain, body: { note: '已回访' } })).status).toBe(200);
    await followUp.locator('textarea[name="note"]').fill('电话回访');
    await followUp.getByRole('button', { name: '保存回访' }).click();
    await followUp.getByTestId('step-problem').filter({ hasText: '这一步已经登记过了' }).waitFor();
    await followUp.getByTestId('item-status').filter({ hasText: '待整改' }).waitFor();
    expect(await followUp.getByTestId('item-callback').textContent()).toContain('韩志刚（2003）');
    done(page);
  });

  it('shows a poor rating given while the page is open, without a reload', async () => {
    const page = await openOffice();
    await signIn(page, '9001');
    await page.getByTestId('office-staff').filter({ hasText: '管理员 中心管理员（工号 9001）' }).waitFor();
    await page.getByTestId('tab-count-open').filter({ hasText: /^\d+$/ }).waitFor();
    const openBefore = Number(await page.getByTestId('tab-count-open').textContent());
    const openedBefore = Number(await figure(page, 'followUpsOpened').textContent());
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

    const ticket = await serveAndRate(hall, { windowNo: 17, staffNo: '1017', category: 'H', level: 'very_dissatisfied', reasons: ['other'], comment: '材料被退回三次' });
    await page.getByTestId('office-new').filter({ hasText: `收到新的差评：${ticket.number}（17号窗口）` }).waitFor();
    const followUp = item(page, ticket.number);
    await followUp.getByTestId('item-comment').filter({ hasText: '材料被退回三次' }).waitFor();
    expect(await followUp.getByTestId('item-staff').textContent()).toBe('何平（工号 1017）');
    expect(await followUp.locator('.office-fresh').textContent()).toBe('新');
    await page.getByTestId('tab-count-open').filter({ hasText: String(openBefore + 1) }).waitFor();
    await figure(page, 'followUpsOpened').filter({ hasText: String(openedBefore + 1) }).waitFor();
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // Signing out ends the session on the server and forgets it here.
    const storedToken = () => (globalThis as unknown as { localStorage: PageStorage }).localStorage.getItem('hall.office.token');
    const token = await page.evaluate(storedToken);
    expect(token).toBeTruthy();
    await page.locator('[data-action="logout"]').click();
    await page.locator('input[name="staffNo"]').waitFor();
    expect(await page.evaluate(storedToken)).toBeNull();
    expect((await api(base, 'GET', '/api/office/session', { token: token! })).status).toBe(401);
    // A token the server no longer takes sends a reload to the form, saying why.
    await page.evaluate((ended) => (globalThis as unknown as { localStorage: PageStorage }).localStorage.setItem('hall.office.token', ended), token!);
    await page.reload();
    await page.getByTestId('signin-notice').filter({ hasText: '登录已失效，请重新登录' }).waitFor();
    done(page);
  });

  it('marks a follow-up not called back in time as 逾期, and counts it', async () => {
    const at = laterHall.server.url;
    const rated = async () => {
      const ticket = await serveAndRate(laterHall, { windowNo: 12, staffNo: '1012', category: 'F', level: 'dissatisfied', reasons: ['slow'] });
      // Thursday, Friday, then Monday: three working days on, the call-back (due Thursday) is late.
      laterClock.advance(5 * DAY_MS);
      laterHall.server.hall.openServiceDayIfDue();
      return ticket;
    };
    const [ticket, page] = await Promise.all([rated(), openOffice(at)]);
    await signIn(page, '2005');
    await page.getByTestId('figures-title').filter({ hasText: '今日概况2026-11-30' }).waitFor();
    // Still open though rated on another day.
    const followUp = item(page, ticket.number);
    await followUp.getByTestId('item-overdue').filter({ hasText: '逾期' }).waitFor();
    expect(await followUp.getByTestId('item-callback-due').getAttribute('class')).toContain('office-late');
    expect(await page.getByTestId('tab-count-overdue').textContent()).toBe('1');
    await tab(page, 'overdue').click();
    await item(page, ticket.number).waitFor();
    expect(await page.locator('.office-item').count()).toBe(1);
    await screenshot(page, 'office-overdue-1366x768');

    // This month's figures count it; the report says the same.
    await page.locator('[data-range="month"]').click();
    await page.getByTestId('figures-title').filter({ hasText: '2026-11-01 至 2026-11-30 概况' }).waitFor();
    await figure(page, 'followUpsOverdue').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.locator('[data-figure="followUpsOverdue"]').getAttribute('class')).toContain('office-tile-alarm');
    const report = HallReport.parse(
      (await api(at, 'GET', '/api/reports/hall?from=2026-11-01&to=2026-11-30', { token: await officeLogin(at, '2005') })).body,
    );
    expect(report.followUps).toEqual({ opened: 1, open: 1, overdue: 1, closed: 0 });
    // A span the other way round is refused on the page, not sent.
    await page.locator('input[name="from"]').fill('2026-11-30');
    await page.locator('input[name="to"]').fill('2026-11-02');
    await page.getByTestId('range-problem').filter({ hasText: '开始日期不能晚于结束日期' }).waitFor();

    // Called back late: no longer overdue (the fix is due 12-16), but on record as late.
    await item(page, ticket.number).locator('[data-action="callback"]').click();
    await page.locator('textarea[name="note"]').fill('已联系群众说明情况');
    await page.getByRole('button', { name: '保存回访' }).click();
    await page.getByTestId('tab-count-overdue').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('list-empty').filter({ hasText: '没有逾期的整改' }).waitFor();
    await tab(page, 'open').click();
    expect(await item(page, ticket.number).getByTestId('item-callback').textContent()).toContain('超期完成');
    await page.locator('[data-range="today"]').click();
    await page.getByTestId('figures-title').filter({ hasText: '今日概况' }).waitFor();
    done(page);
  });
});
