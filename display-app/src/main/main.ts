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
  withoutCredential,
} from '@hall/shared';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, screen, type IpcMainInvokeEvent } from 'electron';
import { IpcChannel } from '../bridge';
import { deviceConfigPath, loadDeviceConfig } from '../device-config/load';
import type { DisplayDeviceConfig } from '../device-config/schema';
import { monitorBounds } from './monitor';
import { startUrl } from './navigation';
import { displayWindowOptions } from './window-options';

// The only file that touches Electron: everything it decides lives in plain modules with tests.

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

  const configFile = deviceConfigPath({ env: process.env, userData: app.getPath('userData') });
  const loaded = loadDeviceConfig(configFile);
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
    loadQuietly(win.webContents, configErrorPageUrl(loaded.problem));
    return;
  }
  // The hall server's own certificate, when pinned: any other is refused (issue 15).
  pinServerCertificate(win.webContents.session, loaded.config);
  keepPairedCredential({ ipc: ipcMain, serverUrl: loaded.config.serverUrl, configFile, fs });
  answerThePage(loaded.config);
  showTheHall(win.webContents, startUrl(loaded.config), loaded.config.serverUrl);
}

function answerThePage(config: DisplayDeviceConfig): void {
  const fromTheHall = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null && isAllowedNavigation(event.senderFrame.url, config.serverUrl);
  ipcMain.handle(IpcChannel.deviceConfig, (event) => {
    if (!fromTheHall(event)) throw new Error('only the hall server’s pages may ask this');
    return withoutCredential(config);
  });
}
