import { describe, expect, it } from 'vitest';
import { checkPrinter, printTicket, type PrintHtml } from '../../src/printer/print-ticket';
import { ticketHtml } from '../../src/printer/ticket-html';
import { job, reprintedAt } from './fixtures';

describe('the ticket as an HTML page', () => {
  it('escapes markup in names and notices', async () => {
    const html = await ticketHtml({ ...job, hallName: '<script>alert(1)</script>', notice: 'a & "b"' }, reprintedAt);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; &quot;b&quot;');
  });

  it('draws the QR code as inline SVG and shows the ticket’s lines', async () => {
    const html = await ticketHtml({ ...job, reprint: true }, reprintedAt);
    expect(html).toMatch(/<svg[^>]*>.*<\/svg>/s);
    for (const text of ['A001', '办理窗口：1号、2号窗口', '前面还有 3 人', '取号时间：2026年11月25日 09:32', '补打时间：2026年11月25日 10:05']) {
      expect(html).toContain(text);
    }
  });
});

describe('printing to a system printer', () => {
  const system = { kind: 'system', name: 'POS-80' } as const;

  it('hands the page and the printer name to the injected printer', async () => {
    const calls: [string, string][] = [];
    const printHtml: PrintHtml = async (html, deviceName) => {
      calls.push([html, deviceName]);
      return { ok: true };
    };
    expect(await printTicket(system, job, { printHtml, now: () => reprintedAt })).toEqual({ ok: true });
    expect(calls).toEqual([[await ticketHtml(job, reprintedAt), 'POS-80']]);
  });

  it('passes on the fault the injected printer reports, and turns a throw into a printer error', async () => {
    const paperOut: PrintHtml = async () => ({ ok: false, fault: 'paper_out', message: '打印机缺纸' });
    expect(await printTicket(system, job, { printHtml: paperOut })).toEqual({ ok: false, fault: 'paper_out', message: '打印机缺纸' });
    const broken: PrintHtml = () => Promise.reject(new Error('no such printer'));
    expect(await printTicket(system, job, { printHtml: broken })).toEqual({ ok: false, fault: 'printer_error', message: '打印机故障' });
  });

  it('is not configured without an injected printer', async () => {
    const notConfigured = { ok: false, fault: 'not_configured', message: '未配置打印机' };
    expect(await printTicket(system, job)).toEqual(notConfigured);
    expect(await checkPrinter(system)).toEqual(notConfigured);
  });
});

describe('no printer', () => {
  it('is not configured', async () => {
    const notConfigured = { ok: false, fault: 'not_configured', message: '未配置打印机' };
    expect(await printTicket({ kind: 'none' }, job)).toEqual(notConfigured);
    expect(await checkPrinter({ kind: 'none' })).toEqual(notConfigured);
  });
});
