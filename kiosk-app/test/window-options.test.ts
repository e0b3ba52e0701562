import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '../src/main/window-options';

describe('the kiosk window', () => {
  const options = kioskWindowOptions('/opt/hall-kiosk/preload.cjs');

  it('fills the screen in kiosk mode', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
  });

  it('gives the page no Node, no devtools, and only the preload bridge', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      preload: '/opt/hall-kiosk/preload.cjs',
    });
  });
});
