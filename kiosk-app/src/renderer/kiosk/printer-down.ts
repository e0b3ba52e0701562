import type { HallSnapshot, PrintFault } from '@hall/shared';

/** This kiosk's printer cannot print, and the nearest help: another kiosk whose printer works. */
export interface PrinterDown {
  fault: PrintFault;
  /** The place of another kiosk with no printer fault, if the hall has one. */
  otherKiosk: string | null;
}

/**
 * What the home screen says of this kiosk's printer. The fault is the one the kiosk last met
 * (printing, or checking at start), or the one the hall server holds for it.
 */
export function printerDown(deviceId: string, known: PrintFault | null, snapshot: HallSnapshot | null): PrinterDown | null {
  const faults = snapshot?.deviceFaults ?? [];
  const fault = known ?? faults.find((f) => f.deviceId === deviceId && f.part === 'printer')?.fault ?? null;
  if (fault === null) return null;
  const other = (snapshot?.kiosks ?? []).find((k) => k.deviceId !== deviceId && !faults.some((f) => f.deviceId === k.deviceId));
  return { fault, otherKiosk: other?.name ?? null };
}
