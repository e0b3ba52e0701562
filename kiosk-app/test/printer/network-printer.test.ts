import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPrinter, printTicket, type PrintOptions } from '../../src/printer/print-ticket';
import { decode } from '../support/escpos';
import { COVER_OPEN, deadAddress, FakePrinter, HEALTHY, PAPER_END, SILENT } from '../support/fake-printer';
import { job, reprintedAt } from './fixtures';

const options: PrintOptions = { timeouts: { connectMs: 500, statusMs: 200, writeMs: 2000 }, now: () => reprintedAt };

let printer: FakePrinter | undefined;
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
});

async function start(status: FakePrinter['status']): Promise<FakePrinter> {
  printer = await FakePrinter.start(status);
  return printer;
}

const network = (address: string) => ({ kind: 'network', address }) as const;
const onlyQuestions = (bytes: Buffer) => decode(bytes).every((c) => c.op === 'status-question');
const hasTicket = (bytes: Buffer) => bytes.includes(iconv.encode('县政务服务中心', 'GBK'));

describe('printing to a network printer', () => {
  it('asks the status, then sends the ticket on the same connection', async () => {
    const fake = await start(HEALTHY);
    expect(await printTicket(network(fake.address), job, options)).toEqual({ ok: true });
    const [bytes] = await fake.closedConnections(1);
    expect(bytes!.subarray(0, 9)).toEqual(Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]));
    expect(decode(bytes!.subarray(9)).at(-2)).toEqual({ op: 'cut', mode: 0 });
    expect(hasTicket(bytes!)).toBe(true);
  });

  it('reports an unreachable printer as offline, quickly', async () => {
    const started = Date.now();
    const result = await printTicket(network(await deadAddress()), job, options);
    expect(result).toEqual({ ok: false, fault: 'printer_offline', message: '打印机未连接' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('sends nothing to a printer out of paper', async () => {
    const fake = await start(PAPER_END);
    expect(await printTicket(network(fake.address), job, options)).toEqual({ ok: false, fault: 'paper_out', message: '打印机缺纸' });
    const [bytes] = await fake.closedConnections(1);
    expect(onlyQuestions(bytes!)).toBe(true);
  });

  it('sends nothing to a printer with its cover open', async () => {
    const fake = await start(COVER_OPEN);
    expect(await printTicket(network(fake.address), job, options)).toEqual({
      ok: false,
      fault: 'cover_open',
      message: '打印机盖未关好',
    });
    const [bytes] = await fake.closedConnections(1);
    expect(onlyQuestions(bytes!)).toBe(true);
  });

  it('reports a printer that stopped with an error', async () => {
    const fake = await start({ ...HEALTHY, 1: 0x1a, 2: 0x52 });
    expect(await printTicket(network(fake.address), job, options)).toMatchObject({ ok: false, fault: 'printer_error', message: '打印机故障' });
  });

  it('still prints on a printer that never answers status questions, after one question', async () => {
    const fake = await start(SILENT);
    expect(await printTicket(network(fake.address), job, options)).toEqual({ ok: true });
    const [bytes] = await fake.closedConnections(1);
    expect(fake.questions).toEqual([1]);
    expect(hasTicket(bytes!)).toBe(true);
  });

  it('stops asking at the first unanswered question, so a late answer is not taken for the next', async () => {
    const fake = await start({ 1: 0x12 });
    expect(await printTicket(network(fake.address), job, options)).toEqual({ ok: true });
    await fake.closedConnections(1);
    expect(fake.questions).toEqual([1, 2]);
  });

  it('reports a printer that drops the connection while asked as a printer error', async () => {
    const fake = await start('hang-up');
    expect(await printTicket(network(fake.address), job, options)).toMatchObject({ ok: false, fault: 'printer_error' });
  });
});

describe('checking a network printer', () => {
  it('sees the fault clear once paper is loaded', async () => {
    const fake = await start(PAPER_END);
    expect(await checkPrinter(network(fake.address), options)).toMatchObject({ ok: false, fault: 'paper_out' });
    fake.status = HEALTHY;
    expect(await checkPrinter(network(fake.address), options)).toEqual({ ok: true });
    const connections = await fake.closedConnections(2);
    expect(connections.every(onlyQuestions)).toBe(true);
  });

  it('reports an unreachable printer as offline', async () => {
    expect(await checkPrinter(network(await deadAddress()), options)).toMatchObject({ ok: false, fault: 'printer_offline' });
  });
});
