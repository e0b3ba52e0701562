import type { BrowserWindowConstructorOptions } from 'electron';

export function kioskWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#1d2733',
    webPreferences: {
      // The pages come over the hall network: they get no Node, no Electron, only the bridge.
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      // On Linux, Electron downloads spelling dictionaries from Google, unreachable from most
      // hall networks; nobody needs red underlines on a kiosk.
      spellcheck: false,
      preload,
    },
  };
}
