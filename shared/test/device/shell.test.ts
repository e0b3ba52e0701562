import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockDown, reloadWhenRendererDies, showTheHall, type ShellContents } from '../../src/device/shell';

// A stand-in for Electron's WebContents that records what the shell does with it.
class FakeContents implements ShellContents {
  readonly loaded: string[] = [];
  reloads = 0;
  destroyed = false;
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  loadURL(url: string): Promise<unknown> {
    this.loaded.push(url);
    return url.includes('fail') ? Promise.reject(new Error('ERR_CONNECTION_REFUSED')) : Promise.resolve();
  }
  reload(): void {
    this.reloads++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  on(event: string, listener: (...args: never[]) => void): unknown {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

const server = 'http://192.168.1.10:8080';

describe('the shell keeps its window on the hall server', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('blocks navigation and redirects away from the server, and never opens a second window', () => {
    const contents = new FakeContents();
    lockDown(contents, server);
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('will-navigate', `${server}/kiosk`)).toBe(false);
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.openHandler!({ url: `${server}/t/abc` })).toEqual({ action: 'deny' });
    expect(contents.loaded).toEqual([`${server}/t/abc`]);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.loaded).toHaveLength(1);
  });

  it('allows nothing when the device config is bad', () => {
    const contents = new FakeContents();
    lockDown(contents, null);
    let prevented = false;
    contents.emit('will-navigate', { url: `${server}/kiosk`, preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('reloads a crashed renderer after a second, but not a closed one', () => {
    const contents = new FakeContents();
    reloadWhenRendererDies(contents);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    vi.advanceTimersByTime(999);
    expect(contents.reloads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(contents.reloads).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    vi.advanceTimersByTime(2000);
    expect(contents.reloads).toBe(1);
    contents.destroyed = true;
    contents.emit('render-process-gone', {}, { reason: 'oom' });
    vi.advanceTimersByTime(2000);
    expect(contents.reloads).toBe(1);
  });

  it('shows a waiting page while the server is away and tries again every 5 seconds', () => {
    const contents = new FakeContents();
    showTheHall(contents, `${server}/kiosk`, server);
    expect(contents.loaded).toEqual([`${server}/kiosk`]);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${server}/kiosk`, true);
    expect(contents.loaded[1]).toMatch(/^data:text\/html/);
    vi.advanceTimersByTime(5000);
    expect(contents.loaded[2]).toBe(`${server}/kiosk`);
    // A sub-frame, or a load the shell aborted itself, is not the server being away.
    contents.emit('did-fail-load', {}, -102, 'x', 'http://other/', false);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', `${server}/kiosk`, true);
    expect(contents.loaded).toHaveLength(3);
  });
});
