import { BrowserWindow } from 'electron';
import type { PrintResult } from '@hall/shared';

/**
 * A system printer (the Windows driver of a USB ticket printer): the ticket's HTML is printed
 * silently from a hidden window. The driver says no more than success or failure.
 */
export function printHtmlSilently(html: string, deviceName: string): Promise<PrintResult> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false } });
  return win
    .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    .then(
      () =>
        new Promise<PrintResult>((resolve) => {
          win.webContents.print({ silent: true, deviceName, printBackground: true }, (success, failureReason) =>
            resolve(success ? { ok: true } : { ok: false, fault: 'printer_error', message: `打印机故障：${failureReason}` }),
          );
        }),
      (): PrintResult => ({ ok: false, fault: 'printer_error', message: '打印机故障：票面无法生成' }),
    )
    .finally(() => win.destroy());
}
