import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configErrorPageUrl, isAllowedNavigation, serverUnreachablePageUrl } from '@hall/shared';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, screen, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcChannel } from '../bridge';
import { deviceConfigPath, loadDeviceConfig } from '../device-config/load';
import type { DisplayDeviceConfig } from '../device-config/schema';
import { monitorBounds } from './monitor';
import { startUrl } from './navigation';
import { displayWindowOptions } from './window-options';

// The only file that touches Electron: everything it decides lives in plain modules with tests.

const RETRY_SECONDS = 5;
/** net::ERR_ABORTED: a load we blocked or replaced ourselves, not the server being away. */
const ERR_ABORTED = -3;
/** A mouse left plugged in would otherwise park its arrow on the hall screen all day. */
const HIDE_CURSOR_CSS = '* { cursor: none !important; }';

// A fixed ASCII folder, so the install notes can say where device-config.json goes whatever
// the product is called: %APPDATA%\hall-display on Windows, ~/.config/hall-display on Linux.
// Set before the single-instance lock, which lives in this folder.
app.setPath('userData', path.join(app.getPath('appData'), 'hall-display'));

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
  const monitor = loaded.ok ? loaded.config.monitor : 0;
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const win = new BrowserWindow(displayWindowOptions(preload, monitorBounds(screen.getAllDisplays(), monitor)));
  app.on('second-instance', () => win.focus());

  win.webContents.on('dom-ready', () => {
    win.webContents.insertCSS(HIDE_CURSOR_CSS).catch(() => undefined);
  });
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

/** The screens often boot before the hall server: keep trying instead of showing a blank wall. */
function showTheHall(contents: WebContents, config: DisplayDeviceConfig): void {
  const target = startUrl(config);
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    load(contents, serverUnreachablePageUrl(config.serverUrl, RETRY_SECONDS));
    setTimeout(() => load(contents, target), RETRY_SECONDS * 1000);
  });
  load(contents, target);
}

function answerThePage(config: DisplayDeviceConfig): void {
  const fromTheHall = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null && isAllowedNavigation(event.senderFrame.url, config.serverUrl);
  ipcMain.handle(IpcChannel.deviceConfig, (event) => {
    if (!fromTheHall(event)) throw new Error('only the hall server’s pages may ask this');
    return config;
  });
}
