import type { TicketPrintJob } from '@hall/shared';
import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { ticketWording } from './ticket-content';

// One ticket as ESC/POS bytes for an 80 mm printer. Built without a device: network-printer.ts
// sends them.

/** FS &: Chinese character mode. The library never sends it, and cut() ends with ESC @, which leaves it. */
const CHINESE_MODE = Buffer.from([0x1c, 0x26]);

/**
 * Text is encoded here rather than by the library: for a character GBK lacks (say '•') the
 * library switches to whatever code page has it, and everything after prints as garbage.
 * iconv-lite writes '?' instead.
 */
function gbk(text: string): Buffer {
  return iconv.encode(text, 'GBK');
}

/** `printedAt` is when this copy is printed, shown on a reprint. */
export function ticketBytes(job: TicketPrintJob, printedAt: Date): Buffer {
  const w = ticketWording(job, printedAt);
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // No interface: the library only builds the bytes.
    interface: '',
    characterSet: CharacterSet.CHINA,
    width: 48,
  });
  // GS ! scales Chinese characters as well; ESC ! (setTextDoubleHeight and the like) does not.
  const size = (times: 1 | 2 | 4) => printer.setTextSize(times - 1, times - 1);
  const line = (text: string) => {
    printer.append(gbk(text));
    printer.newLine();
  };

  printer.append(CHINESE_MODE);
  printer.alignCenter();

  printer.bold(true);
  size(2);
  line(w.hallName);
  size(4);
  line(w.number);
  size(2);
  line(w.categoryName);
  printer.bold(false);

  size(1);
  w.details.forEach(line);
  printer.printQR(job.qrUrl, { cellSize: 6, correction: 'M', model: 2 });
  printer.newLine();
  line(w.qrCaption);
  if (w.notice !== undefined) line(w.notice);
  if (w.reprint) {
    printer.bold(true);
    size(2);
    line(w.reprint.mark);
    printer.bold(false);
    size(1);
    line(w.reprint.time);
  }

  printer.cut();
  return printer.getBuffer();
}
