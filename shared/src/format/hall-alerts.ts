import type { OfficeLiveReply, WatchedDeviceKind } from '../schemas/office-live';
import type { WindowView } from '../schemas/views';
import { isUnattended, windowsServing, type HallHours } from './serving';

// What the duty captain must act on now (issue 16, H3), decided from the hall as the office's
// live line tells it and the clock: a queue nobody will call from, a visitor waiting past the
// hall's target, a window paused past its limit, a kiosk or pad that lost its line. Each says
// what to do through what it carries (the windows to open, the person to ask). Time alone turns
// the last three on, so the page asks again as the clock moves, not only when an event comes.

/** A kiosk or pad may drop its line this long (a restart, a Wi-Fi hiccup) before the captain hears of it. */
export const DEVICE_OFFLINE_GRACE_MS = 2 * 60_000;

export interface HallWatch {
  now: number;
  hall: HallHours;
  /** The windows and waiting counts as the snapshot has them now (live). */
  windows: readonly WindowView[];
  waiting: readonly { code: string; waiting: number }[];
  /** Since when, the queues' longest waits, the devices and the targets (GET /api/office/live). */
  live: OfficeLiveReply;
}

export interface OfflineDevice {
  deviceId: string;
  kind: WatchedDeviceKind;
  name: string;
  windowNo: number | null;
  offlineMs: number;
}

export type HallAlert =
  /** People wait and no window will call them: open one of `toOpen` (the paused or closed windows serving it), or send a guide. */
  | { kind: 'unattended'; category: string; waiting: number; toOpen: number[] }
  /** Someone has waited longer than the target: open another window serving it, or send a guide to explain. */
  | { kind: 'long_wait'; category: string; number: string; waitedMs: number; targetMinutes: number; toOpen: number[] }
  /** A window paused longer than the limit: ask its staff member to resume, or send someone to stand in. */
  | { kind: 'long_pause'; windowNo: number; staff: string | null; reason: string | null; pausedMs: number; limitMinutes: number }
  /** Kiosks and pads without their line past the grace, longest first: check power and network. */
  | { kind: 'devices_offline'; devices: OfflineDevice[] };

const MINUTE_MS = 60_000;

/** Past a limit means longer than it: at exactly the limit nothing is raised yet. */
const past = (elapsedMs: number, limitMs: number) => elapsedMs > limitMs;

/** The serving windows that are not open now: opening one of them would serve the queue. */
function toOpen(category: string, windows: readonly WindowView[]): number[] {
  return windowsServing(category, windows)
    .filter((w) => w.state !== 'open')
    .map((w) => w.no);
}

/** The alerts of the hall now: unattended queues, long waits, long pauses, then lost devices. */
export function hallAlerts({ now, hall, windows, waiting, live }: HallWatch): HallAlert[] {
  const alerts: HallAlert[] = [];
  const withPeople = waiting.filter((q) => q.waiting > 0);
  for (const { code, waiting: count } of withPeople) {
    if (isUnattended(code, windows, now, hall)) alerts.push({ kind: 'unattended', category: code, waiting: count, toOpen: toOpen(code, windows) });
  }
  const targetMs = live.waitTargetMinutes * MINUTE_MS;
  for (const { code } of withPeople) {
    const longest = live.queues.find((q) => q.code === code)?.longest;
    if (!longest) continue;
    const waitedMs = now - Date.parse(longest.waitingSince);
    if (!past(waitedMs, targetMs)) continue;
    alerts.push({ kind: 'long_wait', category: code, number: longest.number, waitedMs, targetMinutes: live.waitTargetMinutes, toOpen: toOpen(code, windows) });
  }
  const limitMs = live.pauseLimitMinutes * MINUTE_MS;
  for (const window of [...windows].sort((a, b) => a.no - b.no)) {
    if (window.state !== 'paused') continue;
    // A time measured before the window paused is not its pause's.
    const since = live.windows.find((w) => w.no === window.no && w.state === 'paused')?.since;
    if (since == null) continue;
    const pausedMs = now - Date.parse(since);
    if (!past(pausedMs, limitMs)) continue;
    alerts.push({ kind: 'long_pause', windowNo: window.no, staff: window.staff?.name ?? null, reason: window.pauseReason, pausedMs, limitMinutes: live.pauseLimitMinutes });
  }
  const offline = live.devices
    .flatMap(({ deviceId, kind, name, windowNo, offlineSince }) => {
      if (offlineSince === null) return [];
      const offlineMs = now - Date.parse(offlineSince);
      return past(offlineMs, DEVICE_OFFLINE_GRACE_MS) ? [{ deviceId, kind, name, windowNo, offlineMs }] : [];
    })
    .sort((a, b) => b.offlineMs - a.offlineMs || a.deviceId.localeCompare(b.deviceId));
  if (offline.length > 0) alerts.push({ kind: 'devices_offline', devices: offline });
  return alerts;
}

/** A key that stays with an alert while it lasts (React lists, tests). */
export function alertKey(alert: HallAlert): string {
  switch (alert.kind) {
    case 'unattended':
    case 'long_wait':
      return `${alert.kind}:${alert.category}`;
    case 'long_pause':
      return `${alert.kind}:${alert.windowNo}`;
    case 'devices_offline':
      return alert.kind;
  }
}
