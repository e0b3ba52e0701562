import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  configErrorPageUrl,
  isAllowedNavigation,
  keepPairedCredential,
  loadQuietly,
  lockDown,
  pinServerCertificate,
  reloadWhenRendererDies,
  showTheHall,
  TicketPrintJob,
  withoutCredential,
  type PrintResult,
} from '@hall/shared';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, type IpcMainInvokeEvent } from 'electron';
import { IpcChannel } from '../bridge';
import { checkPrinter, printTicket } from '../printer/print-ticket';
import { deviceConfigPath, loadDeviceConfig } from '../device-config/load';
import type { KioskDeviceConfig } from '../device-config/schema';
import { startUrl } from './navigation';
import { printHtmlSilently } from './system-printer';
import { kioskWindowOptions } from './window-options';

// The only file that touches Electron: everything it decides lives in plain modules with tests.


// A fixed ASCII folder, so the install notes can say where device-config.json goes whatever
// the product is called: %APPDATA%\hall-kiosk on Windows, ~/.config/hall-kiosk on Linux.
// Set before the single-instance lock, which lives in this folder.
app.setPath('userData', path.join(app.getPath('appData'), 'hall-kiosk'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  Menu.setApplicationMenu(null);
  powerSaveBlocker.start('prevent-display-sleep');

  const configFile = deviceConfigPath({ env: process.env, userData: app.getPath('userData') });
  const loaded = loadDeviceConfig(configFile);
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const win = new BrowserWindow(kioskWindowOptions(preload));
  app.on('second-instance', () => win.focus());

  lockDown(win.webContents, loaded.ok ? loaded.config.serverUrl : null);
  reloadWhenRendererDies(win.webContents);
  if (!loaded.ok) {
    loadQuietly(win.webContents, configErrorPageUrl(loaded.problem));
    return;
  }
  // The hall server's own certificate, when pinned: any other is refused (issue 15).
  pinServerCertificate(win.webContents.session, loaded.config);
  keepPairedCredential({ ipc: ipcMain, serverUrl: loaded.config.serverUrl, configFile, fs });
  answerThePage(loaded.config);
  showTheHall(win.webContents, startUrl(loaded.config), loaded.config.serverUrl);
}

function answerThePage(config: KioskDeviceConfig): void {
  const fromTheHall = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null && isAllowedNavigation(event.senderFrame.url, config.serverUrl);
  const refuse = () => new Error('only the hall server’s pages may ask this');

  ipcMain.handle(IpcChannel.deviceConfig, (event) => {
    if (!fromTheHall(event)) throw refuse();
    return withoutCredential(config);
  });
  const printing = { printHtml: printHtmlSilently };
  ipcMain.handle(IpcChannel.printTicket, (event, job: unknown): Promise<PrintResult> => {
    if (!fromTheHall(event)) throw refuse();
    const parsed = TicketPrintJob.safeParse(job);
    if (!parsed.success) throw new Error(`not a ticket: ${parsed.error.message}`);
    return printTicket(config.printer, parsed.data, printing);
  });
  ipcMain.handle(IpcChannel.checkPrinter, (event): Promise<PrintResult> => {
    if (!fromTheHall(event)) throw refuse();
    return checkPrinter(config.printer, printing);
  });
}
