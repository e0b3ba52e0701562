import type { KioskDeviceConfig } from './device-config/schema';

// What the hall server's kiosk and evaluation-pad pages may ask of the machine they run on.
// The preload exposes exactly this object as `window.hallKiosk`; nothing else crosses.

export const BRIDGE_NAME = 'hallKiosk';

export const IpcChannel = {
  deviceConfig: 'device-config',
  printTicket: 'print-ticket',
} as const;

/**
 * What goes on a paper ticket, in the words of the hall server's issue-ticket reply
 * (TicketView, ahead). The printing task owns this shape and may extend it.
 */
export interface TicketPrintJob {
  number: string;
  categoryName: string;
  /** People waiting before this ticket when it was taken. */
  ahead: number;
  /** ISO 8601 instant the ticket was taken. */
  issuedAt: string;
}

export type PrintErrorCode = 'PRINTER_NOT_CONFIGURED';

export type PrintResult = { ok: true } | { ok: false; code: PrintErrorCode };

export interface HallKioskBridge {
  deviceConfig(): Promise<KioskDeviceConfig>;
  print(job: TicketPrintJob): Promise<PrintResult>;
}
