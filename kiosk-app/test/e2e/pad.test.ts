import { EvaluationReply, HeldRatingReply } from '@hall/shared';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, devicePageUrl, deviceToken, login, officeLogin, startTestHall, type TestHall } from '../../../hall-server/test/support/hall-server';
import { launchBrowser, screenshot } from '../../../hall-server/test/support/browser';

// The evaluation pad (评价器) as a visitor meets it, at the pad's resolution (1280x800
// landscape), against a real hall server. Window 1 (户政, category A) is served by 王芳 (1001);
// the demo hall registers pad-01 for it.

const VIEWPORT = { width: 1280, height: 800 };
const LEVEL_NAMES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

/** A long name of the kind a county hall in Xinjiang has: it must fit the idle screen. */
const LONG_NAME = '阿卜杜热合曼·买买提艾力';

/**
 * A hall whose pads ask for only 10 seconds (the least a hall may set), for the time-out; its
 * window 2 is served by someone with a long name.
 */
function shortEvaluationConfig(dir: string): string {
  const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../../../hall-server/config/demo-hall.json', import.meta.url)), 'utf8'));
  const path = join(dir, 'short-evaluation-hall.json');
  const staff = demo.staff.map((s: { staffNo: string }) => (s.staffNo === '1002' ? { ...s, name: LONG_NAME } : s));
  writeFileSync(path, JSON.stringify({ ...demo, staff, settings: { ...demo.settings, evaluationSeconds: 10 } }));
  return path;
}

/** Every button of the page lies inside the pad's screen, and is no smaller than `minHeight`. */
async function expectButtonsFit(page: Page, minHeight: number) {
  const boxes = await page.locator('button').evaluateAll((buttons) =>
    buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return { text: b.textContent, top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height, clipped: b.scrollWidth > b.clientWidth + 1 };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box, `${box.text} off the screen`).toMatchObject({ clipped: false });
    expect(box.top, `${box.text} top`).toBeGreaterThanOrEqual(0);
    expect(box.left, `${box.text} left`).toBeGreaterThanOrEqual(0);
    expect(box.bottom, `${box.text} bottom`).toBeLessThanOrEqual(VIEWPORT.height);
    expect(box.right, `${box.text} right`).toBeLessThanOrEqual(VIEWPORT.width);
  }
  // The language switch in the bar is for the few who need it; every other target is large.
  const targets = boxes.filter((b) => b.text !== 'English' && b.text !== '中文');
  expect(Math.min(...targets.map((b) => b.height))).toBeGreaterThanOrEqual(minHeight);
}

/** A visitor's A ticket called and finished at the window: the pad is asked about it. */
async function serveOne(of: TestHall, token: string, windowNo = 1): Promise<{ id: string; number: string }> {
  const base = of.server.url;
  const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(of, 'kiosk'), body: { category: 'A' } });
  expect(issued.status).toBe(201);
  const called = await api(base, 'POST', `/api/windows/${windowNo}/call-next`, { token });
  expect(called.body.ticket.number).toBe(issued.body.ticket.number);
  const finished = await api(base, 'POST', `/api/windows/${windowNo}/finish`, { token });
  expect(finished.status).toBe(200);
  // The ticket's id as staff and the window's pad know it (issuing answers with no id).
  return { id: finished.body.ticket.id as string, number: issued.body.ticket.number as string };
}

/** The rating as recorded: the office's to read (a duty captain's). */
async function evaluationOf(base: string, ticketId: string) {
  return EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: await officeLogin(base, '2001') })).body).evaluation;
}

const screenOf = (page: Page) => page.getByTestId('pad').getAttribute('data-screen');

/** The seconds in the pad's countdown, 「N 秒后结束评价」. */
function secondsIn(countdown: string | null): number {
  const match = /^(\d+) 秒后结束评价$/.exec(countdown ?? '');
  expect(match, `countdown ${countdown}`).not.toBeNull();
  return Number(match![1]);
}

describe('the evaluation pad', () => {
  let hall: TestHall;
  /** The same hall, its pads asking for 10 seconds only. */
  let short: TestHall;
  /** The same hall again, on a clock the test moves on (the pad keeps its own). */
  let clocked: TestHall;
  const clockShift = { ms: 0 };
  let configDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  /** Window 1's pad, kept open from test to test as a real pad is. */
  let pad: Page;
  const extraPages: Page[] = [];
  /** The time-out runs its 10 seconds alongside the other tests; its test reads the outcome. */
  let timeout: Promise<{ run: TimeoutRun } | { error: unknown }>;
  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'pad-test-'));
    [hall, short, clocked, browser] = await Promise.all([
      startTestHall(),
      startTestHall({ env: { HALL_CONFIG: shortEvaluationConfig(configDir) } }),
      startTestHall({ clock: { now: () => Date.now() + clockShift.ms } }),
      launchBrowser(),
    ]);
    // One browser context for every page: a context per page costs seconds on a busy machine.
    context = await browser.newContext({ locale: 'zh-CN', viewport: VIEWPORT });
    context.setDefaultTimeout(10_000);
    token = await login(hall.server.url, '1001', 1);
    timeout = runTimeout().then(
      (run) => ({ run }),
      (error: unknown) => ({ error }),
    );
    pad = await openPad(1, 'pad-01', hall, false);
  });
  afterEach(async () => {
    await Promise.all(extraPages.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await timeout;
    await browser?.close();
    await Promise.all([hall?.stop(), short?.stop(), clocked?.stop()]);
    rmSync(configDir, { recursive: true, force: true });
  });

  interface TimeoutRun {
    page: Page;
    token: string;
    ticket: { id: string; number: string };
    countdown: string | null;
    askedFor: number;
  }
  /** A ticket finished at the short hall's window 1, and nobody answers its pad. */
  async function runTimeout(): Promise<TimeoutRun> {
    const shortToken = await login(short.server.url, '1001', 1);
    const page = await openPad(1, 'pad-01', short, false);
    await page.getByTestId('pad-staff').waitFor();
    const ticket = await serveOne(short, shortToken);
    await expectAsked(page, ticket.number);
    const asked = Date.now();
    const countdown = await page.getByTestId('pad-countdown').textContent();
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });
    return { page, token: shortToken, ticket, countdown, askedFor: Date.now() - asked };
  }

  /** The demo pad's page with its credential; at another window's address when `windowNo` is not its own. */
  async function openPad(windowNo: number, device: string, at: TestHall = hall, extra = true): Promise<Page> {
    const page = await context.newPage();
    if (extra) extraPages.push(page);
    await page.goto(devicePageUrl(at, device).replace(/\/pad\/\d+#/, `/pad/${windowNo}#`));
    return page;
  }

  /** The pad shows the five levels for this ticket. */
  async function expectAsked(page: Page, number: string) {
    await page.getByTestId('pad-ticket-number').and(page.locator(`[data-number="${number}"]`)).waitFor();
    expect(await page.locator('.pad-level .pad-level-name').allTextContents()).toEqual(LEVEL_NAMES);
  }
  const level = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it('shows who serves at the window once they sign in: name, staff number and initial', async () => {
    const page = await openPad(3, 'pad-03');
    await page.getByTestId('pad-no-staff').filter({ hasText: '本窗口暂无工作人员' }).waitFor();
    await expect(page.locator('.pad-window-no').textContent()).resolves.toBe('3号窗口');
    // It is the pad its credential names: the admin devices page shows it online.
    const admin = (await api(hall.server.url, 'POST', '/api/office/login', { body: { staffNo: '9001', pin: '123456' } })).body.token;
    const pad = async () => (await api(hall.server.url, 'GET', '/api/admin/devices', { token: admin })).body.devices.find((d: { deviceId: string }) => d.deviceId === 'pad-03');
    await expect.poll(pad).toMatchObject({ kind: 'pad', windowNo: 3, online: true });
    await login(hall.server.url, '1003', 3);
    await page.getByTestId('pad-staff-name').filter({ hasText: '张伟' }).waitFor();
    await expect(page.getByTestId('pad-staff-no').textContent()).resolves.toBe('工号 1003');
    await expect(page.getByTestId('pad-initial').textContent()).resolves.toBe('张');
    // The hall's line for complaints, and no request for a rating before anything was served.
    await page.getByTestId('pad-supervision').filter({ hasText: '服务监督电话12345' }).waitFor();
    await expect(page.getByTestId('pad-welcome').textContent()).resolves.toBe('您好，请问有什么可以帮您？');
    expect(await page.getByText('评价').count()).toBe(0);
    expect(await screenOf(page)).toBe('idle');
    await screenshot(page, 'pad-idle-1280x800');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('pad-supervision').filter({ hasText: 'Complaints hotline12345' }).waitFor();
    await expect(page.getByTestId('pad-staff-no').textContent()).resolves.toBe('Staff no. 1003');
    expect(await page.getByText(/rate/i).count()).toBe(0);
    await screenshot(page, 'pad-idle-en-1280x800');
  });

  it('fits a long name on the idle screen, with its first character in the circle', async () => {
    const page = await openPad(2, 'pad-02', short);
    await login(short.server.url, '1002', 2);
    await page.getByTestId('pad-staff-name').filter({ hasText: LONG_NAME }).waitFor();
    await expect(page.getByTestId('pad-initial').textContent()).resolves.toBe('阿');
    for (const testId of ['pad-staff-name', 'pad-initial', 'pad-staff-no', 'pad-supervision']) {
      const fit = await page.getByTestId(testId).evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { overflows: e.scrollWidth > e.clientWidth + 1, inside: r.left >= 0 && r.right <= 1280 && r.top >= 0 && r.bottom <= 800 };
      });
      expect(fit, testId).toEqual({ overflows: false, inside: true });
    }
    await screenshot(page, 'pad-idle-long-name-1280x800');
  });

  it('asks with five large buttons when the window finishes a ticket; 满意 is recorded, thanked, then idle', async () => {
    const page = pad;
    await page.getByTestId('pad-staff-name').filter({ hasText: '王芳' }).waitFor();
    const ticket = await serveOne(hall, token);
    await expectAsked(page, ticket.number);
    await expect(page.getByTestId('pad-ticket-number').textContent()).resolves.toBe(`${ticket.number}号`);
    await page.getByText('办理人：王芳（工号 1001）').waitFor();
    const shown = secondsIn(await page.getByTestId('pad-countdown').textContent());
    expect(shown).toBeLessThanOrEqual(30);
    expect(shown).toBeGreaterThanOrEqual(25);
    // Big targets for elderly fingers, and good and poor levels told apart by colour at a glance.
    const boxes = await page.locator('.pad-level').evaluateAll((buttons) =>
      buttons.map((b) => ({ height: b.getBoundingClientRect().height, bottom: b.getBoundingClientRect().bottom, colour: b.ownerDocument.defaultView!.getComputedStyle(b).backgroundColor })),
    );
    for (const box of boxes) {
      expect(box.height).toBeGreaterThanOrEqual(120);
      expect(box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
    }
    expect(new Set(boxes.map((b) => b.colour)).size).toBe(5);
    const greenOverRed = (rgb: string) => {
      const [r, g] = rgb.match(/\d+/g)!.map(Number);
      return g! > r!;
    };
    expect(boxes.map((b) => greenOverRed(b.colour))).toEqual([true, true, true, false, false]);
    await screenshot(page, 'pad-asking-1280x800');

    await level(page, '满意').click();
    await page.getByTestId('pad-thanks').filter({ hasText: '感谢您的评价！' }).waitFor();
    await page.getByText('您的评价：满意').waitFor();
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({
      status: 'rated',
      level: 'satisfied',
      stars: 4,
      channel: 'pad',
      reasons: [],
      staff: { staffNo: '1001' },
    });
    await screenshot(page, 'pad-thanks-1280x800');
    await page.locator('[data-screen="idle"]').waitFor();
    await page.getByTestId('pad-staff-name').filter({ hasText: '王芳' }).waitFor();
  });

  it('asks the reasons of 不满意, takes a comment from phrases and digits and a call-back number, and records them', async () => {
    const page = pad;
    const ticket = await serveOne(hall, token);
    await expectAsked(page, ticket.number);
    await level(page, '不满意').click();
    await page.getByText('请选择不满意的原因（可多选）').waitFor();
    const submit = page.getByRole('button', { name: '提交评价' });
    // A poor rating needs a reason: nothing to submit yet.
    expect(await submit.isDisabled()).toBe(true);
    for (const name of ['态度不好', '效率低', '业务不熟', '多次跑腿', '其他']) await page.getByRole('button', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: '多次跑腿' }).click();
    expect(await page.getByRole('button', { name: '多次跑腿' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'pad-reasons-1280x800');
    await expectButtonsFit(page, 100);

    // The comment: no system keyboard in a kiosk shell, so common phrases and digits.
    await page.getByTestId('pad-open-comment').click();
    await page.getByText('点选您想说的话，也可输入数字').waitFor();
    await page.getByRole('button', { name: '等候时间太长' }).click();
    await page.locator('[data-digit="4"]').click();
    await page.locator('[data-digit="0"]').click();
    await page.getByRole('button', { name: '来了好几次' }).click();
    await page.getByTestId('pad-delete').click();
    await page.getByRole('button', { name: '请尽快联系我' }).click();
    await page.getByTestId('pad-comment').filter({ hasText: /^等候时间太长，40，请尽快联系我$/ }).waitFor();
    await screenshot(page, 'pad-comment-1280x800');
    await expectButtonsFit(page, 76);
    await page.getByTestId('pad-done').click();
    await page.getByTestId('pad-comment-summary').filter({ hasText: '等候时间太长，40，请尽快联系我' }).waitFor();
    // The phrases ticked their reasons.
    expect(await page.getByRole('button', { name: '效率低' }).getAttribute('aria-pressed')).toBe('true');

    // A number for the call-back: optional, with the consent line, checked before it is kept.
    await page.getByTestId('pad-open-phone').click();
    await page.getByTestId('pad-consent').filter({ hasText: '留下电话仅用于回访，不会公开' }).waitFor();
    for (const digit of '1381234') await page.locator(`[data-digit="${digit}"]`).click();
    await page.getByTestId('pad-done').click();
    await page.getByTestId('pad-phone-invalid').filter({ hasText: '请输入11位手机号，或带区号的固定电话' }).waitFor();
    for (const digit of '5678') await page.locator(`[data-digit="${digit}"]`).click();
    await page.getByTestId('pad-phone').filter({ hasText: '13812345678' }).waitFor();
    await screenshot(page, 'pad-phone-1280x800');
    await expectButtonsFit(page, 76);
    await page.getByTestId('pad-done').click();
    await page.getByTestId('pad-phone-summary').filter({ hasText: '138****5678' }).waitFor();

    await submit.click();
    await page.getByTestId('pad-thanks').filter({ hasText: '我们会认真核实，及时整改' }).waitFor();
    const rated = await evaluationOf(hall.server.url, ticket.id);
    expect(rated).toMatchObject({
      status: 'rated',
      level: 'dissatisfied',
      channel: 'pad',
      reasons: ['repeated_trips', 'slow', 'other'],
      comment: '等候时间太长，40，请尽快联系我',
    });
    // The number is the duty captain's to see, on the follow-up, and nobody else's.
    expect(JSON.stringify(rated)).not.toContain('13812345678');
    const office = await api(hall.server.url, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } });
    const followUps = await api(hall.server.url, 'GET', '/api/follow-ups?status=open', { token: office.body.token });
    expect(followUps.body.followUps.find((f: { ticketId: string }) => f.ticketId === ticket.id)).toMatchObject({ callbackPhone: '13812345678' });
  }, 60_000);

  it('shows the reason screen and its panels in English too, every button on the screen', async () => {
    const page = await openPad(1, 'pad-01');
    await page.getByTestId('pad-staff').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '中文' }).waitFor();
    const ticket = await serveOne(hall, token);
    await page.getByTestId('pad-ticket-number').and(page.locator(`[data-number="${ticket.number}"]`)).waitFor();
    await screenshot(page, 'pad-asking-en-1280x800');
    await expectButtonsFit(page, 120);
    await page.locator('[data-level="very_dissatisfied"]').click();
    await page.getByText('What went wrong? (choose one or more)').waitFor();
    await page.getByRole('button', { name: 'Unfriendly' }).click();
    await page.getByTestId('pad-open-comment').click();
    await page.getByRole('button', { name: 'Not told all papers at once' }).click();
    await page.getByRole('button', { name: 'Spoke impatiently' }).click();
    await page.getByTestId('pad-comment').filter({ hasText: 'Not told all papers at once, Spoke impatiently' }).waitFor();
    await screenshot(page, 'pad-comment-en-1280x800');
    await expectButtonsFit(page, 76);
    await page.getByTestId('pad-done').click();
    await screenshot(page, 'pad-reasons-en-1280x800');
    await expectButtonsFit(page, 100);
    await page.getByTestId('pad-open-phone').click();
    await page.getByTestId('pad-consent').filter({ hasText: 'Used only to call you back, never made public' }).waitFor();
    for (const digit of '075512345678') await page.locator(`[data-digit="${digit}"]`).click();
    await screenshot(page, 'pad-phone-en-1280x800');
    await expectButtonsFit(page, 76);
    await page.getByTestId('pad-done').click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByTestId('pad-thanks').filter({ hasText: 'Thank you for your rating!' }).waitFor();
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ level: 'very_dissatisfied', reasons: ['attitude', 'repeated_trips'], comment: 'Not told all papers at once, Spoke impatiently' });
    // The next visitor meets the pad in Chinese again.
    await page.locator('[data-screen="idle"]').waitFor();
    await page.getByRole('button', { name: 'English' }).waitFor();
  }, 60_000);

  /** The next hold the pad sends, with the time the server then allows. */
  const nextHold = (page: Page) =>
    page
      .waitForResponse((r) => r.url().endsWith('/api/evaluations/held') && r.request().method() === 'POST')
      .then(async (r) => {
        expect(r.status()).toBe(200);
        return HeldRatingReply.parse(await r.json()).evaluation.secondsLeft;
      });

  it('holds a poor level at once and restarts the clock on every touch; when the time still runs out, the level and reasons chosen are recorded', async () => {
    const clockedToken = await login(clocked.server.url, '1001', 1);
    const page = await openPad(1, 'pad-01', clocked);
    await page.getByTestId('pad-staff').waitFor();
    const ticket = await serveOne(clocked, clockedToken);
    await expectAsked(page, ticket.number);
    let held = nextHold(page);
    await level(page, '非常不满意').click();
    expect(await held).toBe(60);
    expect(secondsIn(await page.getByTestId('pad-countdown').textContent())).toBeGreaterThanOrEqual(58);
    // 40 s on: past the question's 30 s, the visitor still choosing.
    clockShift.ms += 40_000;
    held = nextHold(page);
    await page.getByRole('button', { name: '态度不好' }).click();
    expect(await held).toBe(60);
    await screenshot(page, 'pad-held-1280x800');
    clockShift.ms += 61_000;
    // The server records what was chosen, and the pad thanks the visitor for it.
    await page.getByTestId('pad-thanks').filter({ hasText: '您的评价：非常不满意' }).waitFor();
    expect(await evaluationOf(clocked.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'very_dissatisfied', reasons: ['attitude'], channel: 'pad' });
  });

  it('records a poor level touched on a pad that then loses power as 未说明原因, and opens its follow-up', async () => {
    const clockedToken = await login(clocked.server.url, '1001', 1);
    const page = await openPad(1, 'pad-01', clocked);
    await page.getByTestId('pad-staff').waitFor();
    const ticket = await serveOne(clocked, clockedToken);
    await expectAsked(page, ticket.number);
    const held = nextHold(page);
    await level(page, '不满意').click();
    await held;
    await page.close();
    clockShift.ms += 61_000;
    await expect.poll(async () => (await evaluationOf(clocked.server.url, ticket.id))?.status, { timeout: 5_000 }).toBe('rated');
    const rated = await evaluationOf(clocked.server.url, ticket.id);
    expect(rated).toMatchObject({ level: 'dissatisfied', reasons: ['not_given'] });
    expect(rated?.followUpId).not.toBeNull();
  });

  it('lets the held level go on 返回重选: a visitor who then walks away leaves the ticket 未评价, with no follow-up', async () => {
    const clockedToken = await login(clocked.server.url, '1001', 1);
    const page = await openPad(1, 'pad-01', clocked);
    await page.getByTestId('pad-staff').waitFor();
    const ticket = await serveOne(clocked, clockedToken);
    await expectAsked(page, ticket.number);
    const held = nextHold(page);
    await level(page, '非常不满意').click();
    await held;
    const released = page.waitForResponse((r) => r.url().endsWith('/api/evaluations/held/release') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '返回重选' }).click();
    expect((await released).status()).toBe(200);
    await page.locator('[data-screen="asking"]').waitFor();
    clockShift.ms += 61_000;
    await expect.poll(async () => (await evaluationOf(clocked.server.url, ticket.id))?.status, { timeout: 5_000 }).toBe('unrated');
    expect(await evaluationOf(clocked.server.url, ticket.id)).toMatchObject({ level: null, followUpId: null });
    await page.close();
  });

  it('lets the server refuse a second rating of the same ticket, and shows its Chinese refusal', async () => {
    const page = pad;
    const ticket = await serveOne(hall, token);
    await expectAsked(page, ticket.number);
    // The visitor rates on the pad just after the same ticket was rated another way: the pad's
    // rating reaches the server second.
    let first: number | null = null;
    await page.route('**/api/evaluations', async (route) => {
      first = (
        await api(hall.server.url, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 1), body: { ticketId: ticket.id, level: 'very_satisfied' } })
      ).status;
      await route.continue();
    });
    await level(page, '满意').click();
    await page.getByTestId('pad-problem').filter({ hasText: '这次办事已经评价过了，每次办事只能评价一次' }).waitFor();
    await page.unrouteAll();
    expect(first).toBe(201);
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'very_satisfied' });
    await screenshot(page, 'pad-already-rated-1280x800');

    const again = await api(hall.server.url, 'POST', '/api/evaluations', { token: deviceToken(hall, 'pad', 1), body: { ticketId: ticket.id, level: 'satisfied' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');
  });

  it('asks again about the same ticket after a reload in the middle of the request', async () => {
    const page = pad;
    const ticket = await serveOne(hall, token);
    await expectAsked(page, ticket.number);
    await expect.poll(async () => secondsIn(await page.getByTestId('pad-countdown').textContent()), { timeout: 5_000 }).toBeLessThan(30);
    await page.reload();
    await expectAsked(page, ticket.number);
    const left = secondsIn(await page.getByTestId('pad-countdown').textContent());
    expect(left).toBeGreaterThan(20);
    expect(left).toBeLessThan(30);
    await level(page, '非常满意').click();
    await page.getByTestId('pad-thanks').waitFor();
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'very_satisfied', channel: 'pad' });
  });

  it('asks nothing without a credential, says so at another window\'s address, and names a bad address', async () => {
    // A browser of its own: the pads' shared one keeps the last pad credential it was given.
    const stranger = await browser.newPage({ locale: 'zh-CN', viewport: VIEWPORT });
    extraPages.push(stranger);
    await stranger.goto(`${hall.server.url}/pad/1`);
    await stranger.getByTestId('pairing-code').filter({ hasText: /^\d{6}$/ }).waitFor();
    const misplaced = await openPad(1, 'pad-02');
    await misplaced.getByTestId('device-elsewhere').filter({ hasText: '本机已配对为“2号窗口评价器”' }).waitFor();
    await screenshot(misplaced, 'pad-other-window-1280x800');
    const ticket = await serveOne(hall, token);
    await expectAsked(pad, ticket.number);
    // Neither page asks for the rating the window's own pad is asking for.
    expect(await stranger.getByTestId('pad-ticket-number').count()).toBe(0);
    expect(await misplaced.getByTestId('pad-ticket-number').count()).toBe(0);
    await misplaced.getByRole('button', { name: /打开本机的页面/ }).click();
    await misplaced.waitForURL(`${hall.server.url}/pad/2`);
    await expect(misplaced.locator('.pad-window-no').textContent()).resolves.toBe('2号窗口');
    await level(pad, '满意').click();
    await pad.getByTestId('pad-thanks').waitFor();

    await stranger.goto(`${hall.server.url}/pad/abc`);
    await stranger.getByTestId('pad-problem').filter({ hasText: '评价器的地址应为 /pad/窗口号，例如 /pad/3' }).waitFor();
  });

  it('stops asking when the time is up, the server records 未评价, and 请评价 asks again', async () => {
    const outcome = await timeout;
    if ('error' in outcome) throw outcome.error;
    const { page, ticket, countdown, askedFor } = outcome.run;
    expect(secondsIn(countdown)).toBeLessThanOrEqual(10);
    expect(secondsIn(countdown)).toBeGreaterThanOrEqual(6);
    // It kept asking for most of the 10 seconds (less what it took to see the question), no more.
    expect(askedFor).toBeGreaterThan(5_000);
    expect(askedFor).toBeLessThan(12_000);
    await expect.poll(async () => (await evaluationOf(short.server.url, ticket.id))?.status, { timeout: 3_000 }).toBe('unrated');
    expect(await evaluationOf(short.server.url, ticket.id)).toMatchObject({ level: null, channel: null });

    // The staff press 请评价: the visitor is still there after all.
    expect((await api(short.server.url, 'POST', '/api/windows/1/request-evaluation', { token: outcome.run.token })).status).toBe(200);
    await expectAsked(page, ticket.number);
    await level(page, '基本满意').click();
    await page.getByTestId('pad-thanks').waitFor();
    expect(await evaluationOf(short.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'basically_satisfied', channel: 'pad' });
  });
});
