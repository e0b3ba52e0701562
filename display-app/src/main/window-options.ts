import type { BrowserWindowConstructorOptions } from 'electron';
import type { Bounds } from './monitor';

/** `bounds` places the window on the chosen display before it goes fullscreen there. */
export function displayWindowOptions(preload: string, bounds?: Bounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: {
      // The pages come over the hall network: they get no Node, no Electron, only the bridge.
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      // Nobody touches a screen on the wall: without this Chromium refuses to play the calls'
      // announcement audio, which it only allows after a click or tap.
      autoplayPolicy: 'no-user-gesture-required',
      // On Linux, Electron downloads spelling dictionaries from Google, unreachable from most
      // hall networks.
      spellcheck: false,
      preload,
    },
  };
}
