import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ticketText } from '../../src/printer/ticket-content';
import { ticketBytes } from '../../src/printer/ticket-layout';
import { decode, printedLines, type Command } from '../support/escpos';
import { job, reprintedAt } from './fixtures';

const bytes = ticketBytes(job, reprintedAt);
const commands = decode(bytes);
const lines = printedLines(commands);

function lineWith(text: string) {
  const line = lines.find((l) => l.text === text);
  if (!line) throw new Error(`no line "${text}" in:\n${lines.map((l) => l.text).join('\n')}`);
  return line;
}

const indexOf = (predicate: (c: Command) => boolean) => commands.findIndex(predicate);

describe('the ESC/POS bytes of a ticket', () => {
  it('carries the hall name in GBK and the number', () => {
    expect(bytes.includes(iconv.encode('县政务服务中心', 'GBK'))).toBe(true);
    expect(bytes.includes(Buffer.from('A001', 'ascii'))).toBe(true);
  });

  it('selects the Chinese character set (ESC R 15) and Chinese mode (FS &) before any Chinese text', () => {
    expect(bytes.includes(Buffer.from([0x1b, 0x52, 0x0f]))).toBe(true);
    const chineseMode = indexOf((c) => c.op === 'chinese-mode');
    const firstChinese = indexOf((c) => c.op === 'text' && /[^\x20-\x7e]/.test(c.text));
    expect(chineseMode).toBeGreaterThanOrEqual(0);
    expect(firstChinese).toBeGreaterThan(chineseMode);
  });

  it('never switches code page, even for a character GBK lacks', () => {
    const odd = decode(ticketBytes({ ...job, notice: '• 请留意叫号' }, reprintedAt));
    expect(odd.filter((c) => c.op === 'code-page')).toEqual([]);
    expect(printedLines(odd).map((l) => l.text)).toContain('? 请留意叫号');
  });

  it('prints the lines in order, in the hall’s time', () => {
    expect(lines.map((l) => l.text)).toEqual([
      '县政务服务中心',
      'A001',
      '不动产登记',
      '办理窗口：1号、2号窗口',
      '前面还有 3 人',
      '预计等候约 12 分钟',
      '取号时间：2026年11月25日 09:32',
      '手机扫码查看叫号进度',
      '请留意叫号，过号后请联系窗口工作人员',
    ]);
  });

  it('never prints 约 0 分钟: 很快就到您 with nobody ahead, at least 1 minute with people ahead', () => {
    const waitLine = (ahead: number, estimatedWaitMinutes: number | null) => ticketText({ ...job, ahead, estimatedWaitMinutes }, reprintedAt)[5];
    expect(waitLine(0, 0)).toBe('很快就到您');
    expect(waitLine(2, 0)).toBe('预计等候约 1 分钟');
    expect(waitLine(0, 7)).toBe('预计等候约 7 分钟');
  });

  it('says to ask a guide when no window is serving the ticket', () => {
    const text = ticketText({ ...job, estimatedWaitMinutes: null }, reprintedAt);
    expect(text[5]).toBe('暂无窗口办理，请咨询导服员');
    expect(text.join('\n')).not.toMatch(/分钟/);
  });

  it('centres the hall name in bold and prints the number larger than the body text', () => {
    expect(lineWith('县政务服务中心')).toMatchObject({ align: 1, bold: true });
    const number = lineWith('A001');
    const body = lineWith('前面还有 3 人');
    expect(body).toMatchObject({ width: 1, height: 1 });
    expect(number.width).toBeGreaterThan(body.width);
    expect(number.height).toBeGreaterThan(body.height);
  });

  it('stores the phone page URL as a QR code, then prints it', () => {
    const store = indexOf((c) => c.op === 'qr-store');
    expect(commands[store]).toEqual({ op: 'qr-store', data: job.qrUrl });
    expect(indexOf((c) => c.op === 'qr-print')).toBeGreaterThan(store);
    expect(commands).toContainEqual({ op: 'qr-setting', fn: 0x43, params: [6] });
  });

  it('ends with a cut, then only the reset', () => {
    const cut = commands.findLastIndex((c) => c.op === 'cut');
    expect(cut).toBeGreaterThan(indexOf((c) => c.op === 'qr-print'));
    expect(commands.slice(cut + 1)).toEqual([{ op: 'init' }]);
  });

  it('marks a reprint 补打 with the time it was printed again', () => {
    const reprint = printedLines(decode(ticketBytes({ ...job, reprint: true }, reprintedAt)));
    expect(reprint.slice(-2).map((l) => l.text)).toEqual(['补打', '补打时间：2026年11月25日 10:05']);
    expect(lines.map((l) => l.text)).not.toContain('补打');
  });

  it('leaves out the windows line when no window serves the category, and names a lone window whole', () => {
    const none = printedLines(decode(ticketBytes({ ...job, windows: [] }, reprintedAt))).map((l) => l.text);
    expect(none.some((t) => t.startsWith('办理窗口'))).toBe(false);
    expect(ticketText({ ...job, windows: ['3号窗口'] }, reprintedAt)).toContain('办理窗口：3号窗口');
    expect(ticketText({ ...job, windows: ['综合窗口', '税务'] }, reprintedAt)).toContain('办理窗口：综合窗口、税务');
  });
});

describe('the ticket as text', () => {
  it('has the same lines, with the QR code as its URL', () => {
    expect(ticketText({ ...job, reprint: true }, reprintedAt)).toEqual([
      ...lines.slice(0, 7).map((l) => l.text),
      job.qrUrl,
      job.notice,
      '补打',
      '补打时间：2026年11月25日 10:05',
    ]);
  });
});
