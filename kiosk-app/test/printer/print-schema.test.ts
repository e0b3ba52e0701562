import { PrintResult, TicketPrintJob } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { job } from './fixtures';

// The shared shapes the kiosk page and the kiosk machine exchange, checked where they are used.

describe('TicketPrintJob', () => {
  it('accepts a ticket, with or without the optional parts', () => {
    expect(TicketPrintJob.parse({ ...job, reprint: true })).toEqual({ ...job, reprint: true });
    const { notice: _notice, ...bare } = job;
    expect(TicketPrintJob.safeParse(bare).success).toBe(true);
  });

  it('refuses a QR code URL that is not ASCII, which ESC/POS would store with a wrong length', () => {
    expect(TicketPrintJob.safeParse({ ...job, qrUrl: 'http://大厅/t/1' }).success).toBe(false);
    expect(TicketPrintJob.safeParse({ ...job, qrUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses a negative count, a malformed number and a local time without a zone', () => {
    expect(TicketPrintJob.safeParse({ ...job, ahead: -1 }).success).toBe(false);
    expect(TicketPrintJob.safeParse({ ...job, number: '001' }).success).toBe(false);
    expect(TicketPrintJob.safeParse({ ...job, issuedAt: '2026-11-25 09:32' }).success).toBe(false);
  });
});

describe('PrintResult', () => {
  it('is ok, or a known fault with a message', () => {
    expect(PrintResult.safeParse({ ok: true }).success).toBe(true);
    expect(PrintResult.safeParse({ ok: false, fault: 'paper_out', message: '打印机缺纸' }).success).toBe(true);
    expect(PrintResult.safeParse({ ok: false, fault: 'on_fire', message: '?' }).success).toBe(false);
  });
});
