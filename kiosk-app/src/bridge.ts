import type { PrintResult, TicketPrintJob } from '@hall/shared';
import type { KioskDeviceConfig } from './device-config/schema';

// What the hall server's kiosk and evaluation-pad pages may ask of the machine they run on.
// The preload exposes exactly this object as `window.hallKiosk`; nothing else crosses.

export const BRIDGE_NAME = 'hallKiosk';

export const IpcChannel = {
  deviceConfig: 'device-config',
  printTicket: 'print-ticket',
  checkPrinter: 'check-printer',
} as const;

export interface HallKioskBridge {
  deviceConfig(): Promise<KioskDeviceConfig>;
  /** Prints one ticket; device problems come back as a fault, never as a rejection. */
  print(job: TicketPrintJob): Promise<PrintResult>;
  /** Whether the printer works now, for clearing a fault. */
  checkPrinter(): Promise<PrintResult>;
}
