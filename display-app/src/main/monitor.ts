export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The config's monitor number indexes the OS's own display order. When that display is
 * missing (unplugged, or switched on after the machine booted) the answer is undefined and
 * the window goes to the primary display: a picture on the wrong screen beats none at all.
 */
export function monitorBounds(displays: readonly { bounds: Bounds }[], monitor: number): Bounds | undefined {
  return displays[monitor]?.bounds;
}
