import { describe, expect, it } from 'vitest';
import { monitorBounds } from '../src/main/monitor';
import { displayWindowOptions } from '../src/main/window-options';

const displays = [
  { bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
];

describe('the screen window', () => {
  it('fills the screen in kiosk mode and gives the page no Node and no devtools', () => {
    const options = displayWindowOptions('/opt/hall-display/preload.cjs');
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      devTools: false,
      preload: '/opt/hall-display/preload.cjs',
    });
  });

  it('may play call announcements without anyone touching the screen', () => {
    expect(displayWindowOptions('p').webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('opens on the chosen monitor', () => {
    expect(displayWindowOptions('p', monitorBounds(displays, 1))).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160 });
  });

  it('falls back to the primary display when the chosen monitor is missing', () => {
    expect(monitorBounds(displays, 2)).toBeUndefined();
    expect(displayWindowOptions('p', monitorBounds(displays, 2))).not.toHaveProperty('x');
  });
});
