import { DeviceFaultChanged, DeviceFaultsReply, type TicketPrintJob } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from '../../../hall-server/test/support/browser';
import { devicePageUrl, api, connect, login, startTestHall, type TestHall, deviceToken } from '../../../hall-server/test/support/hall-server';
import { checkPrinter, printTicket } from '../../src/printer/print-ticket';
import { decode, printedLines } from '../support/escpos';
import { FakePrinter, HEALTHY, PAPER_END } from '../support/fake-printer';

// The kiosk page inside the kiosk app: the page asks the machine to print through the preload
// bridge. Here the bridge is played by Playwright and reaches the real printer module, which
// sends ESC/POS to a fake network printer on loopback.

describe('the kiosk page printing on a network printer', () => {
  let hall: TestHall;
  let browser: Browser;
  let printer: FakePrinter;
  let page: Page;

  beforeAll(async () => {
    [hall, browser, printer] = await Promise.all([startTestHall(), launchBrowser(), FakePrinter.start(HEALTHY)]);
    page = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
    const config = { kind: 'network' as const, address: printer.address };
    await page.exposeFunction('kioskPrint', (job: TicketPrintJob) => printTicket(config, job));
    await page.exposeFunction('kioskCheckPrinter', () => checkPrinter(config));
    await page.addInitScript(() => {
      const w = globalThis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      Object.defineProperty(globalThis, 'hallKiosk', {
        value: { print: (job: unknown) => w.kioskPrint!(job), checkPrinter: () => w.kioskCheckPrinter!(), deviceConfig: async () => ({}) },
      });
    });
    await page.goto(devicePageUrl(hall, 'kiosk-02'));
    await page.locator('.kiosk-tile').first().waitFor();
    // The kiosk asks its printer how it is as it starts, before anyone taps.
    await printer.closedConnections(1);
  });
  afterAll(async () => {
    await browser.close();
    await printer.stop();
    await hall.stop();
  });

  it('prints the ticket the server issued, in Chinese, and says to take it', async () => {
    await page.locator('[data-category="A"]').click();
    await page.getByText('请取走号票').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    const bytes = (await printer.closedConnections(2))[1];
    const lines = printedLines(decode(bytes!)).map((l) => l.text);
    expect(lines).toContain('县政务服务中心');
    expect(lines).toContain(number);
    expect(lines.some((l) => l.includes('1号、2号、23号窗口'))).toBe(true);
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('lets a guide reprint a waiting ticket with staff number and PIN, marked 补打', async () => {
    const { ticket } = (await api(hall.server.url, 'POST', '/api/tickets', { token: deviceToken(hall, 'kiosk'), body: { category: 'D' } })).body;
    const printedBefore = printer.connections.length;
    await page.getByRole('button', { name: '工作人员' }).click();
    const key = (label: string) => page.locator('.kiosk-key').filter({ hasText: new RegExp(`^${label}$`) });
    const type = async (text: string) => {
      for (const ch of text) await key(ch).click();
    };
    await type('1006');
    await page.locator('[data-field="pin"]').click();
    await type('000000');
    await page.locator('[data-field="number"]').click();
    await type(ticket.number);
    await screenshot(page, 'kiosk-reprint-1080x1920');
    await page.getByRole('button', { name: '补打', exact: true }).click();
    await page.locator('.kiosk-problem').filter({ hasText: '工号或密码不正确' }).waitFor();

    await page.locator('[data-field="pin"]').click();
    await key('清除').click();
    await type('123456');
    await page.getByRole('button', { name: '补打', exact: true }).click();
    await page.getByText('请取走号票').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    const [bytes] = (await printer.closedConnections(printedBefore + 1)).slice(printedBefore);
    const lines = printedLines(decode(bytes!)).map((l) => l.text);
    expect(lines).toContain(ticket.number);
    expect(lines.some((l) => l.includes('补打'))).toBe(true);
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('keeps the ticket valid when the printer is out of paper, tells the staff, and clears when fixed', async () => {
    const staffConsole = connect(hall.server.url, { client: 'console', windowNo: 3, token: await login(hall.server.url, '1003', 3) });
    await staffConsole.waitFor('hall:snapshot');
    printer.status = PAPER_END;

    await page.locator('[data-category="B"]').click();
    await page.locator('.kiosk-photo-hint').filter({ hasText: '请用手机拍下本页的号码和二维码' }).waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    await page.locator('.kiosk-qr-code svg').waitFor();
    await screenshot(page, 'kiosk-printer-fault-1080x1920');

    const fault = DeviceFaultChanged.parse(await staffConsole.waitFor('device:fault'));
    expect(fault).toMatchObject({ cleared: false, fault: { deviceId: 'kiosk-02', part: 'printer', fault: 'paper_out', message: '打印机缺纸' } });
    const faults = DeviceFaultsReply.parse((await api(hall.server.url, 'GET', '/api/devices/faults', { token: deviceToken(hall, 'kiosk') })).body);
    expect(faults.faults.map((f) => f.fault)).toEqual(['paper_out']);
    const waiting = (await api(hall.server.url, 'GET', '/api/categories')).body.categories.find((c: { code: string }) => c.code === 'B');
    expect(waiting.waiting).toBe(1);
    expect(number).toBe('B001');

    printer.status = HEALTHY;
    const cleared = DeviceFaultChanged.parse(await staffConsole.waitFor('device:fault', (p) => p.cleared, 15_000));
    expect(cleared.fault.fault).toBe('paper_out');
    expect((await api(hall.server.url, 'GET', '/api/devices/faults', { token: deviceToken(hall, 'kiosk') })).body.faults).toEqual([]);
    staffConsole.socket.close();
  }, 40_000);
});
