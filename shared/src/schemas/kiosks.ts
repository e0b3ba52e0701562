import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { StaffView } from './views';

// The help a visitor asks for at a kiosk (呼叫导服员). Staff find the kiosk by where it stands
// (its name in the hall's set-up, Kiosk in hall.ts), not by its device id.

/** 呼叫导服员, from a kiosk's home screen. */
export const HelpRequestBody = z.strictObject({ deviceId: DeviceId });
export type HelpRequestBody = z.infer<typeof HelpRequestBody>;

export const HelpRequestView = z.object({
  id: z.string(),
  deviceId: DeviceId,
  /** The kiosk's name from the hall's set-up; its device id if it has none. */
  place: z.string(),
  requestedAt: z.iso.datetime(),
  /** 已处理: a guide or the duty captain went. */
  handledAt: z.iso.datetime().nullable(),
  handledBy: StaffView.nullable(),
});
export type HelpRequestView = z.infer<typeof HelpRequestView>;

export const HelpRequestReply = z.object({ helpRequest: HelpRequestView });
export type HelpRequestReply = z.infer<typeof HelpRequestReply>;

export const HelpRequestsReply = z.object({ helpRequests: z.array(HelpRequestView) });
export type HelpRequestsReply = z.infer<typeof HelpRequestsReply>;

/** Socket event `help:changed`: a request made, or marked handled. */
export const HelpRequestChanged = z.object({ helpRequest: HelpRequestView });
export type HelpRequestChanged = z.infer<typeof HelpRequestChanged>;
