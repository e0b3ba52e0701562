import type { WindowView } from '../schemas/views';

// Which windows serve a category: the kiosk's tiles and confirmation, the hall screen's board and
// the phone page all answer this the same way. A window serves a category when the category is in
// its list; it calls from it only while it is open (paused and closed windows call no one).

/** Every window whose list holds the category, in window order. */
export function windowsServing(category: string, windows: readonly WindowView[]): WindowView[] {
  return windows.filter((w) => w.categories.includes(category)).sort((a, b) => a.no - b.no);
}

/** The windows that would call a ticket of the category now. */
export function openWindowsServing(category: string, windows: readonly WindowView[]): WindowView[] {
  return windowsServing(category, windows).filter((w) => w.state === 'open');
}

/** Nobody is calling from the category now: people who wait for it need a guide's help. */
export function isUnattended(category: string, windows: readonly WindowView[]): boolean {
  return openWindowsServing(category, windows).length === 0;
}
