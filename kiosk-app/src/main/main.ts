import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configErrorPageUrl, isAllowedNavigation, serverUnreachablePageUrl, TicketPrintJob, type PrintResult } from '@hall/shared';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcChannel } from '../bridge';
import { checkPrinter, printTicket } from '../printer/print-ticket';
import { deviceConfigPath, loadDeviceConfig } from '../device-config/load';
import type { KioskDeviceConfig } from '../device-config/schema';
import { startUrl } from './navigation';
import { printHtmlSilently } from './system-printer';
import { kioskWindowOptions } from './window-options';

// The only file that touches Electron: everything it decides lives in plain modules with tests.

const RETRY_SECONDS = 5;
/** net::ERR_ABORTED: a load we blocked or replaced ourselves, not the server being away. */
const ERR_ABORTED = -3;

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

  const loaded = loadDeviceConfig(deviceConfigPath({ env: process.env, userData: app.getPath('userData') }));
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const win = new BrowserWindow(kioskWindowOptions(preload));
  app.on('second-instance', () => win.focus());

  lockDown(win.webContents, loaded.ok ? loaded.config.serverUrl : null);
  reloadWhenRendererDies(win.webContents);
  if (!loaded.ok) {
    load(win.webContents, configErrorPageUrl(loaded.problem));
    return;
  }
  answerThePage(loaded.config);
  showTheHall(win.webContents, loaded.config);
}

/** Failures are handled by 'did-fail-load'; an unhandled rejection would pop a dialog. */
function load(contents: WebContents, url: string): void {
  contents.loadURL(url).catch(() => undefined);
}

function lockDown(contents: WebContents, serverUrl: string | null): void {
  const allowed = (url: string) => serverUrl !== null && isAllowedNavigation(url, serverUrl);
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  // A second window would open without kiosk mode; an allowed link opens in this one instead.
  contents.setWindowOpenHandler(({ url }) => {
    if (allowed(url)) load(contents, url);
    return { action: 'deny' };
  });
}

function reloadWhenRendererDies(contents: WebContents): void {
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    setTimeout(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, 1000);
  });
}

/** The machines often boot before the hall server: keep trying instead of showing a blank screen. */
function showTheHall(contents: WebContents, config: KioskDeviceConfig): void {
  const target = startUrl(config);
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    load(contents, serverUnreachablePageUrl(config.serverUrl, RETRY_SECONDS));
    setTimeout(() => load(contents, target), RETRY_SECONDS * 1000);
  });
  load(contents, target);
}

function answerThePage(config: KioskDeviceConfig): void {
  const fromTheHall = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null && isAllowedNavigation(event.senderFrame.url, config.serverUrl);
  const refuse = () => new Error('only the hall server’s pages may ask this');

  ipcMain.handle(IpcChannel.deviceConfig, (event) => {
    if (!fromTheHall(event)) throw refuse();
    return config;
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
