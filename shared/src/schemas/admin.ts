import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { DeviceFault } from './devices';
import { Category, HallSettings, HallWindow, Kiosk, Pad, Staff, StaffNo, WindowNo } from './hall';

// The admin console's API (/api/admin/…): the hall's set-up edited while it serves, and the
// audit log. Administrators may do all of it; duty captains only the roster and the notice.

/** `PUT /api/admin/windows/:no`: creates or replaces a window. */
export const AdminWindowBody = HallWindow.omit({ no: true }).strict();
export type AdminWindowBody = z.infer<typeof AdminWindowBody>;

/** `PUT /api/admin/categories/:code`: creates or replaces a category with its service items. */
export const AdminCategoryBody = Category.omit({ code: true }).strict();
export type AdminCategoryBody = z.infer<typeof AdminCategoryBody>;

/** `PUT /api/admin/staff/:staffNo`: creates or replaces a person; PINs are set on their own. */
export const AdminStaffBody = Staff.omit({ staffNo: true }).strict();
export type AdminStaffBody = z.infer<typeof AdminStaffBody>;

/** Why a new PIN breaks the rules any hall keeps (PIN_TOO_WEAK's details.reason), or null. */
export type NewPinProblem = 'not_digits' | 'too_short' | 'too_long' | 'one_digit';

/**
 * The one statement of a new PIN's rules: 6 to 12 digits, not one digit repeated. The hall server
 * adds the demo hall's PIN outside the demo hall (domain/pin-rules.ts).
 */
export function newPinProblem(pin: string): NewPinProblem | null {
  if (!/^\d*$/.test(pin)) return 'not_digits';
  if (pin.length < 6) return 'too_short';
  if (pin.length > 12) return 'too_long';
  if (/^(\d)\1+$/.test(pin)) return 'one_digit';
  return null;
}

/** A new PIN; a refusal's message is its NewPinProblem, the reason PIN_TOO_WEAK gives. */
export const NewPin = z.string().superRefine((pin, ctx) => {
  const problem = newPinProblem(pin);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** `POST /api/admin/staff/:staffNo/pin`: an administrator sets a person's PIN (a reset). */
export const PinResetBody = z.strictObject({ pin: NewPin });
export type PinResetBody = z.infer<typeof PinResetBody>;

/** `POST /api/auth/pin`: a signed-in person (console or office) changes their own PIN. */
export const ChangePinBody = z.strictObject({ currentPin: z.string().regex(/^\d{4,12}$/), newPin: NewPin });
export type ChangePinBody = z.infer<typeof ChangePinBody>;

/** `PUT /api/admin/settings`. */
export const AdminSettingsBody = HallSettings;
export type AdminSettingsBody = z.infer<typeof AdminSettingsBody>;

/** `PUT /api/admin/devices/:deviceId`: a kiosk by its place, or a pad facing its window. */
export const AdminDeviceBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kiosk'), name: Kiosk.shape.name }),
  z.strictObject({ kind: z.literal('pad'), name: Kiosk.shape.name.optional(), windowNo: WindowNo }),
]);
export type AdminDeviceBody = z.infer<typeof AdminDeviceBody>;

export const DeviceKind = z.enum(['kiosk', 'pad', 'hall-screen', 'window-screen']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** A machine the hall knows (the admin devices page). */
export const AdminDeviceView = z.object({
  deviceId: DeviceId,
  kind: DeviceKind,
  name: z.string().nullable(),
  windowNo: WindowNo.nullable(),
  /** When it last spoke to the server (connected or asked), null if never since the server started. */
  lastSeenAt: z.iso.datetime().nullable(),
  online: z.boolean(),
  faults: z.array(DeviceFault),
  /** It holds a credential the hall issued (issue 15): a kiosk or pad of the set-up may not yet. */
  enrolled: z.boolean(),
});
export type AdminDeviceView = z.infer<typeof AdminDeviceView>;
export const AdminDevicesReply = z.object({ devices: z.array(AdminDeviceView) });
export type AdminDevicesReply = z.infer<typeof AdminDevicesReply>;

export const SetupPart = z.enum(['settings', 'category', 'window', 'staff', 'pad', 'kiosk']);
export type SetupPart = z.infer<typeof SetupPart>;

/** One difference between the set-up as it is and as it would be. */
export const SetupChange = z.object({
  part: SetupPart,
  /** The category code, window number, staff number or device id ('settings' for the settings). */
  key: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type SetupChange = z.infer<typeof SetupChange>;

/** `PUT /api/admin/setup` and the imports: what changed (or would, with `?dryRun=true`). */
export const SetupChangeReply = z.object({ dryRun: z.boolean(), changes: z.array(SetupChange) });
export type SetupChangeReply = z.infer<typeof SetupChangeReply>;

export const DryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });

/** One bad row of an import, by its row number in the file (the header is row 1). */
export const ImportProblem = z.object({ row: z.number().int().min(1), column: z.string().optional(), reason: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

/** A single category in the set-up's own shape (the reply of `PUT /api/admin/categories/:code`). */
export const AdminCategoryReply = z.object({ category: Category });
export const AdminWindowReply = z.object({ window: HallWindow });
export const AdminStaffReply = z.object({ staff: Staff });
export const AdminSettingsReply = z.object({ settings: HallSettings });
export const AdminDeviceReply = z.object({ device: z.union([Kiosk.extend({ kind: z.literal('kiosk') }), Pad.extend({ kind: z.literal('pad') })]) });

/** `GET /api/admin/audit` (and `/api/admin/audit.csv`): days are the hall's local dates. */
export const AuditQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  staffNo: z.union([StaffNo, z.literal('')]).optional(),
  windowNo: z.union([z.coerce.number().pipe(WindowNo), z.literal('')]).optional(),
  kind: z.string().max(40).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  at: z.iso.datetime(),
  staffNo: z.string().nullable(),
  staffName: z.string().nullable(),
  /** The event's kind (`setup.changed`, `ticket.called`, `window.paused`…). */
  kind: z.string(),
  windowNo: WindowNo.nullable(),
  /** One line in the reader's language: 管理员 张三 把 5 号窗口的业务改为 B. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditReply = z.object({ entries: z.array(AuditEntry), truncated: z.boolean() });
export type AuditReply = z.infer<typeof AuditReply>;
