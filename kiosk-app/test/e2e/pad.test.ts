import { EvaluationReply } from '@hall/shared';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHall, type TestHall } from '../../../hall-server/test/support/hall-server';
import { launchBrowser, screenshot } from '../../../hall-server/test/support/browser';

// The evaluation pad (评价器) as a visitor meets it, at the pad's resolution (1280x800
// landscape), against a real hall server. Window 1 (户政, category A) is served by 王芳 (1001);
// the demo hall registers pad-01 for it.

const VIEWPORT = { width: 1280, height: 800 };
const LEVEL_NAMES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];

/** A hall whose pads ask for only 10 seconds (the least a hall may set), for the time-out. */
function shortEvaluationConfig(dir: string): string {
  const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../../../hall-server/config/demo-hall.json', import.meta.url)), 'utf8'));
  const path = join(dir, 'short-evaluation-hall.json');
  writeFileSync(path, JSON.stringify({ ...demo, settings: { ...demo.settings, evaluationSeconds: 10 } }));
  return path;
}

/** A visitor's A ticket called and finished at the window: the pad is asked about it. */
async function serveOne(base: string, token: string, windowNo = 1): Promise<{ id: string; number: string }> {
  const issued = await api(base, 'POST', '/api/tickets', { body: { category: 'A' } });
  expect(issued.status).toBe(201);
  const called = await api(base, 'POST', `/api/windows/${windowNo}/call-next`, { token });
  expect(called.body.ticket.id).toBe(issued.body.ticket.id);
  expect((await api(base, 'POST', `/api/windows/${windowNo}/finish`, { token })).status).toBe(200);
  return { id: issued.body.ticket.id as string, number: issued.body.ticket.number as string };
}

async function evaluationOf(base: string, ticketId: string) {
  return EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`)).body).evaluation;
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
    [hall, short, browser] = await Promise.all([
      startTestHall(),
      startTestHall({ env: { HALL_CONFIG: shortEvaluationConfig(configDir) } }),
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
    pad = await openPad(1, 'pad-01', hall.server.url, false);
  });
  afterEach(async () => {
    await Promise.all(extraPages.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await timeout;
    await browser?.close();
    await Promise.all([hall?.stop(), short?.stop()]);
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
    const page = await openPad(1, 'pad-01', short.server.url, false);
    await page.getByTestId('pad-staff').waitFor();
    const ticket = await serveOne(short.server.url, shortToken);
    await expectAsked(page, ticket.number);
    const asked = Date.now();
    const countdown = await page.getByTestId('pad-countdown').textContent();
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });
    return { page, token: shortToken, ticket, countdown, askedFor: Date.now() - asked };
  }

  async function openPad(windowNo: number, device: string | null, base = hall.server.url, extra = true): Promise<Page> {
    const page = await context.newPage();
    if (extra) extraPages.push(page);
    await page.goto(`${base}/pad/${windowNo}${device === null ? '' : `?device=${device}`}`);
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
    await login(hall.server.url, '1003', 3);
    await page.getByTestId('pad-staff-name').filter({ hasText: '张伟' }).waitFor();
    await expect(page.getByTestId('pad-staff-no').textContent()).resolves.toBe('工号 1003');
    await expect(page.getByTestId('pad-initial').textContent()).resolves.toBe('张');
    await page.getByText('请对本次服务进行评价').waitFor();
    expect(await screenOf(page)).toBe('idle');
    await screenshot(page, 'pad-idle-1280x800');
  });

  it('asks with five large buttons when the window finishes a ticket; 满意 is recorded, thanked, then idle', async () => {
    const page = pad;
    await page.getByTestId('pad-staff-name').filter({ hasText: '王芳' }).waitFor();
    const ticket = await serveOne(hall.server.url, token);
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

  it('asks the reasons of 不满意, and records them with the comment', async () => {
    const page = pad;
    const ticket = await serveOne(hall.server.url, token);
    await expectAsked(page, ticket.number);
    await level(page, '不满意').click();
    await page.getByText('请选择不满意的原因（可多选）').waitFor();
    const submit = page.getByRole('button', { name: '提交评价' });
    // A poor rating needs a reason: nothing to submit yet.
    expect(await submit.isDisabled()).toBe(true);
    for (const name of ['态度不好', '效率低', '业务不熟', '多次跑腿', '其他']) await page.getByRole('button', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: '效率低' }).click();
    await page.getByRole('button', { name: '其他' }).click();
    expect(await page.getByRole('button', { name: '效率低' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByPlaceholder('请简要写下原因').fill('材料清单没有提前一次告知');
    const heights = await page.locator('.pad-reason-button, .pad-back, .pad-submit').evaluateAll((b) => b.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(120);
    await screenshot(page, 'pad-reasons-1280x800');
    await submit.click();
    await page.getByTestId('pad-thanks').filter({ hasText: '我们会认真核实，及时整改' }).waitFor();
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({
      status: 'rated',
      level: 'dissatisfied',
      channel: 'pad',
      reasons: ['slow', 'other'],
      comment: '材料清单没有提前一次告知',
    });
  });

  it('lets the server refuse a second rating of the same ticket, and shows its Chinese refusal', async () => {
    const page = pad;
    const ticket = await serveOne(hall.server.url, token);
    await expectAsked(page, ticket.number);
    // The visitor rates on the pad just after the same ticket was rated another way: the pad's
    // rating reaches the server second.
    let first: number | null = null;
    await page.route('**/api/evaluations', async (route) => {
      first = (
        await api(hall.server.url, 'POST', '/api/evaluations', { headers: { 'device-id': 'pad-01' }, body: { ticketId: ticket.id, level: 'very_satisfied' } })
      ).status;
      await route.continue();
    });
    await level(page, '满意').click();
    await page.getByTestId('pad-problem').filter({ hasText: '这次办事已经评价过了，每次办事只能评价一次' }).waitFor();
    await page.unrouteAll();
    expect(first).toBe(201);
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'very_satisfied' });
    await screenshot(page, 'pad-already-rated-1280x800');

    const again = await api(hall.server.url, 'POST', '/api/evaluations', { headers: { 'device-id': 'pad-01' }, body: { ticketId: ticket.id, level: 'satisfied' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');
  });

  it('asks again about the same ticket after a reload in the middle of the request', async () => {
    const page = pad;
    const ticket = await serveOne(hall.server.url, token);
    await expectAsked(page, ticket.number);
    await page.waitForTimeout(1_100);
    await page.reload();
    await expectAsked(page, ticket.number);
    const left = secondsIn(await page.getByTestId('pad-countdown').textContent());
    expect(left).toBeGreaterThan(20);
    expect(left).toBeLessThan(30);
    await level(page, '非常满意').click();
    await page.getByTestId('pad-thanks').waitFor();
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ status: 'rated', level: 'very_satisfied', channel: 'pad' });
  });

  it('shows the Chinese error when the pad is not registered, or registered for another window', async () => {
    const stranger = await openPad(1, 'pad-99');
    const misplaced = await openPad(1, 'pad-02');
    await Promise.all([stranger.getByTestId('pad-staff').waitFor(), misplaced.getByTestId('pad-staff').waitFor()]);
    const ticket = await serveOne(hall.server.url, token);
    await Promise.all([expectAsked(stranger, ticket.number), expectAsked(misplaced, ticket.number)]);
    await level(stranger, '满意').click();
    await stranger.getByTestId('pad-problem').filter({ hasText: '这台评价器没有登记，请联系管理员' }).waitFor();
    await level(misplaced, '满意').click();
    await misplaced.getByTestId('pad-problem').filter({ hasText: '这张号票不是在本窗口办理的，不能在这里评价' }).waitFor();
    await screenshot(stranger, 'pad-not-registered-1280x800');
    expect(await evaluationOf(hall.server.url, ticket.id)).toMatchObject({ status: 'pending', level: null });

    await stranger.goto(`${hall.server.url}/pad/1`);
    await stranger.getByTestId('pad-problem').filter({ hasText: '评价器的地址应为 /pad/窗口号?device=设备编号' }).waitFor();
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
