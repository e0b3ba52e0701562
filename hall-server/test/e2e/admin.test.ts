import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../support/browser';
import { devicePageAddress, api, deviceToken, startTestHall, type TestHall, clockFrom } from '../support/hall-server';

// The admin page (/admin) as the center's administrator and a duty captain use it, at 1366x768
// and 1920x1080, against a real hall server with its set-up routes: what it changes reaches the
// window console and the hall screen live. The tests share one hall, each at windows and
// categories of its own.

const SMALL = { width: 1366, height: 768 };
const LARGE = { width: 1920, height: 1080 };
/** Wednesday 2026-11-25, 10:00 in the hall (Asia/Shanghai): in opening hours whatever the time of the run. */
const WEDNESDAY_10AM = Date.parse('2026-11-25T02:00:00Z');
/** A browser test here opens two or three pages on a two-core machine. */
const SLOW = 60_000;
const SECTIONS = ['categories', 'windows', 'staff', 'devices', 'settings', 'roster', 'notice', 'audit', 'transfer'] as const;

describe('the admin page', () => {
  let hall: TestHall;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall({ clock: clockFrom(WEDNESDAY_10AM) }), launchBrowser()]);
    base = hall.server.url;
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  const pages: Page[] = [];
  async function open(path: string, viewport = SMALL, locale = 'zh-CN'): Promise<Page> {
    const page = await newPage(browser, { viewport, locale });
    pages.push(page);
    await page.goto(base + path);
    return page;
  }
  async function openAdmin(staffNo = '9001', viewport = SMALL, locale = 'zh-CN'): Promise<Page> {
    const page = await open('/admin', viewport, locale);
    await page.locator('input[name="staffNo"]').fill(staffNo);
    await page.locator('input[name="pin"]').fill('123456');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('office-staff').waitFor();
    return page;
  }
  const closeAll = async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  };
  const officeToken = async (staffNo: string): Promise<string> => (await api(base, 'POST', '/api/office/login', { body: { staffNo, pin: '123456' } })).body.token;
  const section = (page: Page, name: (typeof SECTIONS)[number]) => page.locator(`[data-section="${name}"]`).click();
  const said = (page: Page) => page.getByTestId('admin-message');

  it('changes the categories of window 5, and the console at window 5 shows them at once', async () => {
    const console5 = await open('/window');
    await console5.locator('input[name="windowNo"]').fill('5');
    await console5.locator('input[name="staffNo"]').fill('1005');
    await console5.locator('input[name="pin"]').fill('123456');
    await console5.getByRole('button', { name: '登录' }).click();
    await console5.locator('.console-day tr[data-category="B"]').waitFor();
    expect(await console5.locator('.console-day tr[data-category="C"]').count()).toBe(0);

    const admin = await openAdmin();
    await section(admin, 'windows');
    await admin.locator('[data-window="5"]').click();
    await admin.locator('[data-add="C"]').click();
    // C first: the window now calls C before B (按业务顺序).
    await admin.getByRole('button', { name: '上移 社会保险' }).click();
    await admin.locator('input[name="routing"][value="ordered"]').check();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已保存 5号窗口');
    expect(await admin.locator('[data-testid="chosen-categories"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')))).toEqual(['C', 'B']);

    // Live: no reload of the console.
    await console5.locator('.console-day tr[data-category="C"]').waitFor();
    const window5 = (await api(base, 'GET', '/api/windows')).body.windows.find((w: { no: number }) => w.no === 5);
    expect(window5).toMatchObject({ categories: ['C', 'B'], routing: 'ordered' });
    await closeAll();
  }, SLOW);

  it('sets today’s duty captain, and the hall screen shows the name', async () => {
    const screen = await open(devicePageAddress(hall, { kind: 'hall-screen' }), LARGE);
    await expect.poll(() => screen.getByTestId('duty-captain').textContent()).toContain('韩志刚');

    const admin = await openAdmin();
    await section(admin, 'roster');
    const today = admin.locator('.admin-day-today');
    await expect.poll(() => today.getAttribute('data-date')).toBe('2026-11-25');
    await today.locator('.admin-day-edit').click();
    const captain = admin.locator('[data-testid="roster-editor"] [data-slot="captain-all_day"]');
    await captain.locator('[data-staff="2003"]').click();
    await captain.locator('[data-staff="2005"]').click();
    await admin.getByRole('button', { name: '保存值班' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('的值班已保存');
    await expect.poll(() => today.textContent()).toContain('冯德明');
    await today.getByText('本日单独安排').waitFor();

    await expect.poll(() => screen.getByTestId('duty-captain').textContent()).toContain('冯德明');
    await closeAll();
  }, SLOW);

  it('shows a bad field’s error beside it, and the server’s refusal where it was asked', async () => {
    const admin = await openAdmin();
    await section(admin, 'windows');
    await admin.locator('[data-window="12"]').click();
    const name = admin.locator('[data-field="name"]');
    await name.locator('input').fill('');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    const error = admin.getByTestId('error-name');
    await expect.poll(() => error.textContent()).toBe('请填写窗口名称（1 到 40 个字）');
    expect(await name.locator('input').getAttribute('aria-invalid')).toBe('true');
    // Beside it: right under its own input, inside its field.
    const input = (await name.locator('input').boundingBox())!;
    const note = (await error.boundingBox())!;
    expect(note.y).toBeGreaterThanOrEqual(input.y + input.height - 1);
    expect(note.y).toBeLessThan(input.y + input.height + 40);
    expect(Math.abs(note.x - input.x)).toBeLessThan(4);
    await screenshot(admin, 'admin-field-error-1366x768');

    // A PIN typed twice differently, and a PIN the server finds too weak.
    await section(admin, 'staff');
    await admin.locator('[data-staff="1012"]').click();
    const pin = admin.locator('form.admin-pin');
    await pin.locator('[data-field="pin"] input').fill('24681357');
    await pin.locator('[data-field="again"] input').fill('24681358');
    await pin.getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => admin.getByTestId('error-again').textContent()).toBe('两次输入的密码不一样');
    await pin.locator('[data-field="pin"] input').fill('111111');
    await pin.locator('[data-field="again"] input').fill('111111');
    await pin.getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => admin.getByTestId('error-pin').textContent()).toBe('6 到 12 位数字，不能全是同一个数字');

    // A category with people waiting cannot go: the server says why, and it stays.
    const issued = await api(base, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'K' } });
    expect(issued.status).toBe(201);
    await section(admin, 'categories');
    await admin.locator('[data-code="K"]').click();
    await admin.getByRole('button', { name: '删除', exact: true }).click();
    const dialog = admin.getByTestId('confirm');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '删除' }).click();
    const refusal = admin.getByTestId('action-problem');
    await expect.poll(() => refusal.textContent()).toMatch(/K 类/);
    expect(await admin.locator('[data-code="K"]').count()).toBe(1);
    await closeAll();
  }, SLOW);

  it('shows a duty captain only the roster and the notice, and lets them publish the notice', async () => {
    const captain = await openAdmin('2001');
    expect(await captain.locator('[data-section]').evaluateAll((items) => items.map((b) => b.getAttribute('data-section')))).toEqual(['roster', 'notice']);
    await captain.locator('.admin-day dd').first().waitFor();
    // Not reading the set-up, a captain chooses from the hall's guides as the server lists them.
    const friday = captain.locator('.admin-day[data-date="2026-11-27"]');
    await friday.locator('.admin-day-edit').click();
    const guide = captain.getByTestId('roster-editor').locator('[data-slot="guide-all_day"] [data-staff="1015"]');
    await guide.click();
    await expect.poll(() => guide.getAttribute('aria-pressed')).toBe('true');
    await screenshot(captain, 'admin-captain-roster-1366x768');
    await captain.getByRole('button', { name: '保存值班' }).click();
    await expect.poll(() => friday.locator('[data-slot="guide-all_day"]').textContent()).toContain('胡军');

    const screen = await open(devicePageAddress(hall, { kind: 'hall-screen' }), LARGE);
    await screen.getByTestId('ticker').waitFor();
    await section(captain, 'notice');
    await captain.locator('[data-field="text"] textarea').fill('今天下午三点起不动产登记窗口系统升级，请提前取号');
    await captain.getByRole('button', { name: '发布到大厅屏' }).click();
    await expect.poll(() => said(captain).textContent()).toContain('公告已发布到大厅屏');
    await expect.poll(() => screen.getByTestId('ticker').textContent()).toContain('系统升级');

    // The server refuses the captain the set-up all the same.
    const refused = await api(base, 'PUT', '/api/admin/windows/5', {
      token: await officeToken('2001'),
      body: { name: '试', department: '试', categories: ['B'], routing: 'fifo' },
    });
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await closeAll();
  }, SLOW);

  it('adds a category with its items in order, closes it, and the hall’s categories say so', async () => {
    const admin = await openAdmin();
    await section(admin, 'categories');
    await admin.getByRole('button', { name: '＋ 新增业务类别' }).click();
    await admin.locator('[data-field="code"] input').fill('m');
    await admin.locator('[data-field="name"] input').fill('残疾人服务');
    await admin.getByRole('button', { name: '＋ 添加事项' }).click();
    await admin.getByLabel('第 1 项的编码').fill('M01');
    await admin.getByLabel('第 1 项的名称').fill('残疾人证办理');
    await admin.getByRole('button', { name: '＋ 添加事项' }).click();
    await admin.getByLabel('第 2 项的编码').fill('M02');
    await admin.getByLabel('第 2 项的名称').fill('困难残疾人生活补贴');
    await admin.getByRole('button', { name: '上移 困难残疾人生活补贴' }).click();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已保存业务类别 M 残疾人服务');
    const categoryM = async () => (await api(base, 'GET', '/api/categories')).body.categories.find((c: { code: string }) => c.code === 'M');
    expect((await categoryM()).items.map((i: { code: string }) => i.code)).toEqual(['M02', 'M01']);

    await admin.getByRole('button', { name: '暂停取号', exact: true }).click();
    await admin.getByTestId('confirm').getByRole('button', { name: '暂停取号' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('M 残疾人服务 已暂停取号');
    await admin.locator('[data-code="M"] .admin-badge').waitFor();
    expect((await categoryM()).open).toBe(false);
    await closeAll();
  }, SLOW);

  it('adds a person who signs in with the PIN set here, and one deactivated signs in nowhere', async () => {
    const admin = await openAdmin();
    await section(admin, 'staff');
    await admin.getByRole('button', { name: '＋ 新增人员' }).click();
    await admin.locator('[data-field="staffNo"] input').fill('3001');
    await admin.locator('[data-field="name"] input').fill('钱多多');
    await admin.locator('[data-field="windows"] label').filter({ hasText: /^1号$/ }).click();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已新增 钱多多（工号 3001）');
    const pin = admin.locator('form.admin-pin');
    await pin.locator('[data-field="pin"] input').fill('24681357');
    await pin.locator('[data-field="again"] input').fill('24681357');
    await pin.getByRole('button', { name: '重置密码' }).click();
    await admin.getByTestId('confirm').getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已重置 钱多多（工号 3001）的密码');
    const signIn = () => api(base, 'POST', '/api/auth/login', { body: { staffNo: '3001', pin: '24681357', windowNo: 1 } });
    expect((await signIn()).status).toBe(200);

    await admin.getByRole('button', { name: '停用', exact: true }).click();
    await admin.getByTestId('confirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已停用 钱多多（工号 3001）');
    await admin.locator('[data-staff="3001"].admin-list-item-off').waitFor();
    expect((await signIn()).status).toBeGreaterThanOrEqual(400);
    await closeAll();
  }, SLOW);

  it('renames a kiosk and binds a pad to another window', async () => {
    const admin = await openAdmin();
    await section(admin, 'devices');
    const kiosk = admin.locator('tr[data-device="kiosk-02"]');
    await kiosk.getByRole('button', { name: '改名' }).click();
    await admin.locator('.admin-edit-row [data-field="name"] input').fill('二楼自助区取号机');
    await admin.locator('.admin-edit-row').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => kiosk.textContent()).toContain('二楼自助区取号机');

    const pad = admin.locator('tr[data-device="pad-20"]');
    await pad.getByRole('button', { name: '绑定窗口' }).click();
    await admin.locator('.admin-edit-row [data-field="windowNo"] select').selectOption('21');
    await admin.locator('.admin-edit-row').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => pad.textContent()).toContain('21号');
    const setup = await api(base, 'GET', '/api/admin/setup', { token: await officeToken('9001') });
    expect(setup.body.kiosks).toContainEqual({ deviceId: 'kiosk-02', name: '二楼自助区取号机' });
    expect(setup.body.pads).toContainEqual(expect.objectContaining({ deviceId: 'pad-20', windowNo: 21 }));
    await closeAll();
  }, SLOW);

  it('exports the set-up, and imports a changed one after showing the difference', async () => {
    const admin = await openAdmin();
    await section(admin, 'transfer');
    const [file] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '下载设置文件' }).click()]);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.windows.length).toBeGreaterThan(20);
    expect(exported.staff.every((s: object) => !('pin' in s))).toBe(true);

    const window9 = exported.windows.find((w: { no: number }) => w.no === 9);
    window9.name = '医保综合窗口';
    const box = admin.locator('[data-import="setup"]');
    await box.getByTestId('setup-file').setInputFiles({ name: 'hall.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await box.getByRole('button', { name: '检查文件' }).click();
    await expect.poll(() => box.getByTestId('setup-preview').textContent()).toBe('将改动 1 处，请核对：');
    await expect.poll(() => box.locator('tr[data-change="changed"]').textContent()).toContain('医保综合窗口');
    const windowName = async () => (await api(base, 'GET', '/api/windows')).body.windows.find((w: { no: number }) => w.no === 9).name;
    expect(await windowName()).not.toBe('医保综合窗口');
    await box.getByRole('button', { name: '确认导入' }).click();
    await admin.getByTestId('confirm').getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已导入，改动 1 处');
    expect(await windowName()).toBe('医保综合窗口');

    // A file that is no set-up: every bad place listed, nothing sent.
    await box.getByTestId('setup-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"settings":{"name":"x"},"categories":[],"windows":[],"staff":[]}') });
    await box.getByRole('button', { name: '检查文件' }).click();
    await expect.poll(() => box.getByTestId('setup-problem').textContent()).toMatch(/文件有 \d+ 处错误/);
    await box.getByTestId('setup-bad').waitFor();
    await closeAll();
  }, SLOW);

  it('imports service items from a sheet: every bad row named first, then the items replaced', async () => {
    const admin = await openAdmin();
    await section(admin, 'transfer');
    const box = admin.locator('[data-import="items"]');
    const sheet = (rows: string[]) => ({ name: '事项清单.csv', mimeType: 'text/csv', buffer: Buffer.from(['类别代码,事项编码,事项名称', ...rows].join('\r\n')) });
    await box.getByTestId('items-file').setInputFiles(sheet(['G,G01,住房公积金缴存', 'Z,Z01,没有这一类', 'G,,没有编码', 'G,G02,住房公积金提取']));
    await box.getByRole('button', { name: '检查文件' }).click();
    const bad = box.getByTestId('items-bad');
    await bad.waitFor();
    const rows = await bad.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('第 3 行');
    expect(rows[1]).toContain('第 4 行');
    await screenshot(admin, 'admin-items-import-bad-1366x768');

    await box.getByTestId('items-file').setInputFiles(sheet(['G,G01,住房公积金缴存', 'G,G02,住房公积金提取']));
    await box.getByRole('button', { name: '检查文件' }).click();
    await box.getByTestId('items-preview').waitFor();
    await box.getByRole('button', { name: '确认导入' }).click();
    await admin.getByTestId('confirm').getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => said(admin).textContent()).toContain('已导入');
    const categoryG = (await api(base, 'GET', '/api/categories')).body.categories.find((c: { code: string }) => c.code === 'G');
    expect(categoryG.items.map((i: { name: string }) => i.name)).toEqual(['住房公积金缴存', '住房公积金提取']);
    await closeAll();
  }, SLOW);

  it('saves the hall’s settings with a new holiday, refuses a bad number beside it, and sets a weekday’s pattern', async () => {
    const admin = await openAdmin();
    await section(admin, 'settings');
    const seconds = admin.locator('[data-field="evaluationSeconds"] input');
    await seconds.fill('5');
    await admin.getByLabel('选择要加入“节假日（工作日放假）”的日期').fill('2027-01-01');
    await admin.locator('[data-field="calendar.holidays"]').getByRole('button', { name: '加入' }).click();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => admin.getByTestId('error-evaluationSeconds').textContent()).toBe('请填写 10 到 300 的整数秒数');
    await seconds.fill('45');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => said(admin).textContent()).toBe('大厅设置已保存');
    expect(await admin.getByTestId('error-evaluationSeconds').count()).toBe(0);
    const settings = async () => (await api(base, 'GET', '/api/admin/setup', { token: await officeToken('9001') })).body.settings;
    expect(await settings()).toMatchObject({ evaluationSeconds: 45, calendar: { holidays: ['2027-01-01'] } });

    await section(admin, 'roster');
    await admin.locator('[data-tab="pattern"]').click();
    const saturday = admin.locator('[data-weekday="6"]');
    await saturday.locator('.admin-day-edit').click();
    await admin.locator('[data-testid="roster-editor"] [data-slot="captain-all_day"] [data-staff="2004"]').click();
    await admin.getByRole('button', { name: '保存值班' }).click();
    await expect.poll(() => said(admin).textContent()).toBe('星期六 的固定安排已保存');
    await expect.poll(() => saturday.textContent()).toContain('唐秀英');
    expect((await settings()).dutyWeek['6']).toEqual([{ role: 'captain', shift: 'all_day', staffNo: '2004' }]);
    await closeAll();
  }, SLOW);

  it('lists the day’s changes in Chinese, by person, and downloads them as CSV', async () => {
    const token = await officeToken('9001');
    const changed = await api(base, 'PUT', '/api/admin/windows/17', { token, body: { name: '民政综合窗口', department: '县民政局', categories: ['H'], routing: 'fifo' } });
    expect(changed.status).toBe(200);
    const admin = await openAdmin();
    await section(admin, 'audit');
    const rows = admin.locator('[data-testid="audit"] tbody tr');
    await rows.first().waitFor();
    await admin.locator('[data-field="staffNo"] select').selectOption('9001');
    await admin.getByRole('button', { name: '查询' }).click();
    await expect.poll(async () => (await rows.allTextContents()).every((row) => row.includes('中心管理员（9001）'))).toBe(true);
    await expect.poll(() => rows.allTextContents()).toContainEqual(expect.stringContaining('17'));
    await screenshot(admin, 'admin-audit-filtered-1366x768');

    const [file] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(file.suggestedFilename()).toBe('audit-2026-11-25-2026-11-25.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(1);
    expect(csv).toContain('9001');
    await closeAll();
  }, SLOW);

  for (const [viewport, locale] of [
    [SMALL, 'zh-CN'],
    [LARGE, 'zh-CN'],
    [SMALL, 'en'],
  ] as const) {
    it(`fits every section in ${viewport.width}x${viewport.height} (${locale}), nothing cut off sideways`, async () => {
      const admin = await openAdmin('9001', viewport, locale);
      for (const name of SECTIONS) {
        await section(admin, name);
        await admin.locator(`[data-section="${name}"][aria-current="page"]`).waitFor();
        if (name === 'categories') await admin.locator('[data-code="A"]').click();
        if (name === 'windows') await admin.locator('[data-window="6"]').click();
        if (name === 'staff') await admin.locator('[data-staff="1006"]').click();
        if (name === 'devices') await admin.getByTestId('devices').waitFor();
        if (name === 'roster') await admin.locator('.admin-day dd').first().waitFor();
        if (name === 'audit') await admin.getByTestId('audit-count').waitFor();
        const overflow = await admin.evaluate(() => {
          const doc = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): { scrollWidth: number; clientWidth: number } } };
          const main = doc.document.querySelector('.admin-main');
          return { page: doc.document.documentElement.scrollWidth - doc.document.documentElement.clientWidth, main: main.scrollWidth - main.clientWidth };
        });
        expect(overflow, name).toEqual({ page: 0, main: 0 });
        await screenshot(admin, `admin-${name}-${viewport.width}x${viewport.height}${locale === 'en' ? '-en' : ''}`);
      }
      await closeAll();
    }, SLOW);
  }
});
