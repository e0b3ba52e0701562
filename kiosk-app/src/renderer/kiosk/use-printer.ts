import { useCallback, useEffect, useRef, useState } from 'react';
import { DeviceFaultsReply, type ApiClient, type HallSnapshot, type PrintResult, type TicketPrintJob } from '@hall/shared';
import type { HallKioskBridge } from '../../bridge';

declare global {
  interface Window {
    /** Present in the kiosk app (Electron preload); absent when the page runs in a browser. */
    hallKiosk?: HallKioskBridge;
  }
}

/** While the printer is faulty, ask it this often whether it works again. */
const RECHECK_MS = 10_000;

const unreachable: PrintResult = { ok: false, fault: 'printer_error', message: '打印机故障' };

/**
 * The kiosk's printer, if the page runs in the kiosk app. A fault is told to the hall server
 * (staff consoles show it) and cleared there once the printer works again; it is told again
 * after a reconnection, since the server forgets device faults when it restarts.
 */
export function usePrinter(deviceId: string, api: ApiClient, snapshot: HallSnapshot | null) {
  const bridge = window.hallKiosk ?? null;
  const [fault, setFault] = useState<Extract<PrintResult, { ok: false }> | null>(null);
  const told = useRef<string | null>(null);

  const tell = useCallback(
    (result: PrintResult) =>
      api
        .request('PUT', `/api/devices/${encodeURIComponent(deviceId)}/status`, DeviceFaultsReply, {
          body: result.ok ? { part: 'printer', fault: null } : { part: 'printer', fault: result.fault, message: result.message },
        })
        .then(
          () => (told.current = result.ok ? null : result.fault),
          () => undefined,
        ),
    [api, deviceId],
  );

  const settle = useCallback(
    (result: PrintResult) => {
      setFault(result.ok ? null : result);
      if ((result.ok ? null : result.fault) !== told.current) void tell(result);
    },
    [tell],
  );

  const serverKnows = snapshot?.deviceFaults.some((f) => f.deviceId === deviceId && f.part === 'printer') ?? false;
  useEffect(() => {
    if (fault && snapshot && !serverKnows) void tell(fault);
  }, [fault, snapshot, serverKnows, tell]);

  // Asked at start too: a fault shows on the home screen before anyone taps.
  useEffect(() => {
    bridge?.checkPrinter().then(settle, () => settle(unreachable));
  }, [bridge, settle]);

  useEffect(() => {
    if (!bridge || !fault) return;
    const timer = setInterval(() => {
      bridge.checkPrinter().then(settle, () => settle(unreachable));
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, [bridge, fault, settle]);

  const print = useCallback(
    async (job: TicketPrintJob): Promise<boolean> => {
      if (!bridge) return false;
      const result = await bridge.print(job).catch(() => unreachable);
      settle(result);
      return result.ok;
    },
    [bridge, settle],
  );

  return { hasPrinter: bridge !== null, print, fault: fault?.fault ?? null };
}
