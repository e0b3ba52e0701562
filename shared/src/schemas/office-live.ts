import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { CategoryCode, WindowNo } from './hall';
import { WindowState } from './views';

// The office's live view of the hall (issue 16, H3): what the snapshot does not carry — since when
// each window is in its state, who in each queue has waited longest, which kiosks and pads are
// connected — and the hall's targets the alerts are measured against. The snapshot's windows and
// waiting counts stay the live source; this is read again whenever they change.

const Instant = z.iso.datetime();

export const WindowSince = z.object({
  no: WindowNo,
  /** The state this was measured in: a `since` belongs to it only. */
  state: WindowState,
  /** When the window came into that state (signed in or resumed; paused; signed out) this service day; null if not today. */
  since: Instant.nullable(),
  /** When the number it serves was called; null while it serves none. */
  servingSince: Instant.nullable(),
});
export type WindowSince = z.infer<typeof WindowSince>;

export const QueueHead = z.object({
  code: CategoryCode,
  name: z.string(),
  nameEn: z.string().nullable(),
  /**
   * The visitor waiting longest and since when: their ticket's issue (a transfer keeps it), or
   * for a no-show who came back, their return. null while nobody waits.
   */
  longest: z.object({ number: z.string(), waitingSince: Instant }).nullable(),
});
export type QueueHead = z.infer<typeof QueueHead>;

/** The kinds whose loss the duty captain is told of: visitors take tickets and rate at them. */
export const WatchedDeviceKind = z.enum(['kiosk', 'pad']);
export type WatchedDeviceKind = z.infer<typeof WatchedDeviceKind>;

/** An enrolled kiosk or pad and whether it is connected. */
export const WatchedDevice = z.object({
  deviceId: DeviceId,
  kind: WatchedDeviceKind,
  name: z.string(),
  windowNo: WindowNo.nullable(),
  /** null while connected; else since when not: its last word, or the server's start if it has not spoken since. */
  offlineSince: Instant.nullable(),
});
export type WatchedDevice = z.infer<typeof WatchedDevice>;

/** `GET /api/office/live`. */
export const OfficeLiveReply = z.object({
  at: Instant,
  /** HallSettings.waitTargetMinutes and pauseLimitMinutes, as set now. */
  waitTargetMinutes: z.number().int().min(1),
  pauseLimitMinutes: z.number().int().min(1),
  windows: z.array(WindowSince),
  queues: z.array(QueueHead),
  devices: z.array(WatchedDevice),
});
export type OfficeLiveReply = z.infer<typeof OfficeLiveReply>;

/** `device:presence`, to office pages: a kiosk or pad connected or lost its line. */
export const DevicePresence = z.object({ deviceId: DeviceId, online: z.boolean() });
export type DevicePresence = z.infer<typeof DevicePresence>;
