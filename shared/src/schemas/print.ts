import { z } from 'zod';

// What the kiosk page asks the kiosk machine to print, and what it hears back. The page builds
// the job from the hall server's issue-ticket reply; the machine's printer module prints it.

/**
 * ESC/POS stores a QR code's data behind a length that counts characters, not bytes, so
 * anything outside ASCII would corrupt the code.
 */
const QrUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .regex(/^[\x21-\x7E]+$/, 'a QR code URL is ASCII only');

export const TicketPrintJob = z.object({
  hallName: z.string().min(1).max(60),
  number: z.string().regex(/^[A-Z]\d{3,}$/, 'a ticket number looks like A001'),
  categoryName: z.string().min(1).max(40),
  /** The windows that serve the category, by their names ('1号窗口'). */
  windows: z.array(z.string().min(1).max(40)).max(50),
  /** People waiting before this ticket when it was taken. */
  ahead: z.number().int().min(0),
  /** null: no window serves the ticket now; the ticket says to ask a guide. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  issuedAt: z.iso.datetime(),
  /** The phone page that follows this ticket, `http://host/t/<ticket id>`. */
  qrUrl: QrUrl,
  /** One short line, e.g. 请留意叫号，过号后请联系窗口工作人员. */
  notice: z.string().min(1).max(60).optional(),
  /** 补打: a ticket printed again, marked so with the time it was printed. */
  reprint: z.boolean().optional(),
});
export type TicketPrintJob = z.infer<typeof TicketPrintJob>;

export const PrintFault = z.enum(['printer_offline', 'paper_out', 'cover_open', 'printer_error', 'not_configured']);
export type PrintFault = z.infer<typeof PrintFault>;

export const PrintResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  /** `message` is Chinese, for the staff who fix the printer. */
  z.object({ ok: z.literal(false), fault: PrintFault, message: z.string() }),
]);
export type PrintResult = z.infer<typeof PrintResult>;
