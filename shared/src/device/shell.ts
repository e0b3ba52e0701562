import { isAllowedNavigation } from './navigation';
import { serverUnreachablePageUrl } from './status-page';

// How the kiosk and display apps keep their one window on the hall server's pages. The
// window's contents are passed in (Electron's WebContents fits this shape), so the rules are
// tested without Electron.

/** The part of Electron's WebContents the shell uses. */
export interface ShellContents {
  loadURL(url: string): Promise<unknown>;
  reload(): void;
  isDestroyed(): boolean;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, description: string, url: string, isMainFrame: boolean) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export const SERVER_RETRY_SECONDS = 5;
/** net::ERR_ABORTED: a load we blocked or replaced ourselves, not the server being away. */
const ERR_ABORTED = -3;

/** Failures are handled by 'did-fail-load'; an unhandled rejection would pop a dialog. */
export function loadQuietly(contents: ShellContents, url: string): void {
  contents.loadURL(url).catch(() => undefined);
}

/** Only the hall server's pages; a link that would open a second window opens in this one. */
export function lockDown(contents: ShellContents, serverUrl: string | null): void {
  const allowed = (url: string) => serverUrl !== null && isAllowedNavigation(url, serverUrl);
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!allowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // A second window would open without kiosk mode.
  contents.setWindowOpenHandler(({ url }) => {
    if (allowed(url)) loadQuietly(contents, url);
    return { action: 'deny' };
  });
}

export function reloadWhenRendererDies(contents: ShellContents): void {
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    setTimeout(() => {
      if (!contents.isDestroyed()) contents.reload();
    }, 1000);
  });
}

/** The machines often boot before the hall server: keep trying instead of showing a blank screen. */
export function showTheHall(contents: ShellContents, target: string, serverUrl: string): void {
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    loadQuietly(contents, serverUnreachablePageUrl(serverUrl, SERVER_RETRY_SECONDS));
    setTimeout(() => loadQuietly(contents, target), SERVER_RETRY_SECONDS * 1000);
  });
  loadQuietly(contents, target);
}
