import { t, type DeviceStatusBody, type HelpRequestView } from '@hall/shared';
import * as domain from '../domain';
import type { HallRuntime } from '../runtime/hall-runtime';
import { helpRequestView } from '../services/views';

// The hall's machines: a device's fault or recovery, and a kiosk's 呼叫导服员.

export const deviceCommands = (rt: HallRuntime) => ({
  /** A machine's report of a fault, or of working again; the message defaults to the fault's name. */
  reportDeviceStatus(deviceId: string, body: DeviceStatusBody): void {
    const message = body.message ?? (body.fault === null ? '' : t('zh-CN', `device.fault.${body.fault}`));
    rt.run((s, ctx) => domain.reportDeviceStatus(s, { deviceId, part: body.part, fault: body.fault, message }, ctx));
  },
  /** 呼叫导服员 from a kiosk; asking again before anyone came is the same request. */
  requestHelp: (deviceId: string): HelpRequestView => helpRequestView(rt.state, rt.run((s, ctx) => domain.requestHelp(s, { deviceId }, ctx)).result),
  /** 已处理, by a guide or the duty captain. */
  handleHelpRequest: (id: string, staffNo: string): HelpRequestView =>
    helpRequestView(rt.state, rt.run((s, ctx) => domain.handleHelpRequest(s, { id, staffNo }, ctx)).result),
});
