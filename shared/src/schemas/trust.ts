import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { DeviceKind } from './admin';
import { readableName, WindowNo } from './hall';

// Trust on the hall's LAN (issue 15): the hall's machines hold a credential the hall issued,
// bound to what each is (a pad to its window, a window screen to its window). A device sends it
// as `Authorization: Bearer <token>` on HTTP and `auth: { token }` on socket.io. The server keeps
// only a hash of it; the device keeps it (an Electron shell in its device config, a browser in
// its own storage) and it never expires: an administrator revokes it.

/** A device credential: `hqd_` and 32 random bytes, base64url. Its prefix tells it from a person's session token. */
export const DEVICE_TOKEN_PREFIX = 'hqd_';
export const DeviceToken = z.string().regex(/^hqd_[A-Za-z0-9_-]{43}$/, 'not a device credential');
export type DeviceToken = z.infer<typeof DeviceToken>;

/** The kinds bound to one window: the window's pad and the screen above it. */
export const WINDOW_BOUND_KINDS: readonly DeviceKind[] = ['pad', 'window-screen'];

/** A device the hall enrolled, as it and the admin devices page see it. */
export const EnrolledDevice = z.object({
  id: DeviceId,
  kind: DeviceKind,
  /** The window a pad or window screen serves; null for kiosks and hall screens. */
  windowNo: WindowNo.nullable(),
  name: z.string(),
});
export type EnrolledDevice = z.infer<typeof EnrolledDevice>;

/** What a device is: a pad and a window screen name their window, a kiosk and a hall screen none. */
const DeviceRole = z.strictObject({
  kind: DeviceKind,
  windowNo: WindowNo.optional(),
  name: readableName(40),
});

function checkWindowBinding(body: { kind: DeviceKind; windowNo?: number | undefined }, ctx: z.RefinementCtx): void {
  const bound = WINDOW_BOUND_KINDS.includes(body.kind);
  if (bound && body.windowNo === undefined) ctx.addIssue({ code: 'custom', path: ['windowNo'], message: `a ${body.kind} needs the window it serves` });
  if (!bound && body.windowNo !== undefined) ctx.addIssue({ code: 'custom', path: ['windowNo'], message: `a ${body.kind} serves no one window` });
}

/**
 * `POST /api/admin/devices`: an administrator enrols a device directly → 201 EnrolDeviceReply.
 * With `deviceId`, a device the set-up already lists (a kiosk or pad of the config file) or one
 * enrolled before gets a new credential under its own id; an earlier credential of it is revoked.
 */
export const EnrolDeviceBody = DeviceRole.extend({ deviceId: DeviceId.optional() }).superRefine(checkWindowBinding);
export type EnrolDeviceBody = z.infer<typeof EnrolDeviceBody>;

/** The credential is shown once, here: the server keeps only its hash. */
export const EnrolDeviceReply = z.object({ device: EnrolledDevice, token: DeviceToken });
export type EnrolDeviceReply = z.infer<typeof EnrolDeviceReply>;

/** `GET /api/devices/self`: a device asks who its credential says it is (its page, on start). */
export const DeviceSelfReply = z.object({ device: EnrolledDevice });
export type DeviceSelfReply = z.infer<typeof DeviceSelfReply>;

// Pairing: a new device shows a short code; an administrator enters it in /admin and chooses what
// the device is; the device, asking meanwhile, receives its credential (by its secret pairing id only).

/** Six digits, shown large on the new device and typed by the administrator. */
export const PairingCode = z.string().regex(/^\d{6}$/, 'a pairing code is 6 digits');
export type PairingCode = z.infer<typeof PairingCode>;

/** The device's own handle on its request: secret (32 random bytes, base64url), never shown to anyone else. */
export const PairingId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a pairing id');

/** `POST /api/pairings` (anonymous): what the page showing the pairing screen believes it is, from its address. */
export const PairingRequestBody = z.strictObject({ kind: DeviceKind, windowNo: WindowNo.optional() }).superRefine(checkWindowBinding);
export type PairingRequestBody = z.infer<typeof PairingRequestBody>;

export const PairingRequestReply = z.object({ pairingId: PairingId, code: PairingCode, expiresAt: z.iso.datetime() });
export type PairingRequestReply = z.infer<typeof PairingRequestReply>;

/** `GET /api/pairings/:pairingId`: still waiting, paired (the credential, answered again until the request's time is up, should an answer be lost), or expired (ask again). */
export const PairingStatusReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting'), code: PairingCode, expiresAt: z.iso.datetime() }),
  z.object({ status: z.literal('paired'), device: EnrolledDevice, token: DeviceToken }),
  z.object({ status: z.literal('expired') }),
]);
export type PairingStatusReply = z.infer<typeof PairingStatusReply>;

/** A device waiting to be paired, as the admin devices page lists it. */
export const PendingPairing = z.object({
  code: PairingCode,
  kind: DeviceKind,
  windowNo: WindowNo.nullable(),
  /** The network address it asked from, so the administrator can tell two new devices apart. */
  address: z.string(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type PendingPairing = z.infer<typeof PendingPairing>;

export const PendingPairingsReply = z.object({ pairings: z.array(PendingPairing) });
export type PendingPairingsReply = z.infer<typeof PendingPairingsReply>;

/** `POST /api/admin/pairings`: the code the device shows, and what it is → 201 `{ device }` (the credential goes to the device). */
export const ApprovePairingBody = DeviceRole.extend({ code: PairingCode, deviceId: DeviceId.optional() }).superRefine(checkWindowBinding);
export type ApprovePairingBody = z.infer<typeof ApprovePairingBody>;

export const ApprovePairingReply = z.object({ device: EnrolledDevice });
export type ApprovePairingReply = z.infer<typeof ApprovePairingReply>;
