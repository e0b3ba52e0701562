import type { PrintFault, PrintResult, TicketPrintJob } from '@hall/shared';
import type { KioskDeviceConfig } from '../device-config/schema';
import { DEFAULT_TIMEOUTS, networkPrinterFault, printOverNetwork, type NetworkTimeouts } from './network-printer';
import { ticketBytes } from './ticket-layout';
import { ticketHtml } from './ticket-html';

// Printing a ticket on whatever printer the device config names. Device problems come back as
// a fault with a Chinese message for the staff, never as an exception: the visitor's ticket
// is already issued, and the kiosk page must be able to say why the paper did not come out.

export type PrinterConfig = KioskDeviceConfig['printer'];

/** Electron's silent webContents.print, injected: this module runs without Electron. */
export type PrintHtml = (html: string, deviceName: string) => Promise<PrintResult>;

export interface PrintOptions {
  timeouts?: Partial<NetworkTimeouts>;
  printHtml?: PrintHtml;
  now?: () => Date;
}

const MESSAGES: Readonly<Record<PrintFault, string>> = {
  printer_offline: '打印机未连接',
  paper_out: '打印机缺纸',
  cover_open: '打印机盖未关好',
  printer_error: '打印机故障',
  not_configured: '未配置打印机',
};

function printFailure(fault: PrintFault): PrintResult {
  return { ok: false, fault, message: MESSAGES[fault] };
}

function resultOf(fault: PrintFault | null): PrintResult {
  return fault === null ? { ok: true } : printFailure(fault);
}

export async function printTicket(config: PrinterConfig, job: TicketPrintJob, options: PrintOptions = {}): Promise<PrintResult> {
  const printedAt = options.now?.() ?? new Date();
  switch (config.kind) {
    case 'none':
      return printFailure('not_configured');
    case 'network': {
      const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
      return resultOf(await printOverNetwork(config.address, ticketBytes(job, printedAt), timeouts));
    }
    case 'system': {
      if (!options.printHtml) return printFailure('not_configured');
      try {
        return await options.printHtml(await ticketHtml(job, printedAt), config.name);
      } catch {
        return printFailure('printer_error');
      }
    }
  }
}

/**
 * For polling until a fault clears. A system printer's state is the spooler's business: its
 * faults show when printing, so it counts as ready once it can be printed to at all.
 */
export async function checkPrinter(config: PrinterConfig, options: PrintOptions = {}): Promise<PrintResult> {
  switch (config.kind) {
    case 'none':
      return printFailure('not_configured');
    case 'network':
      return resultOf(await networkPrinterFault(config.address, { ...DEFAULT_TIMEOUTS, ...options.timeouts }));
    case 'system':
      return options.printHtml ? { ok: true } : printFailure('not_configured');
  }
}
