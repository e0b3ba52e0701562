import { CategoryCode, DeviceId, PairingId, StaffNo, TicketSecret, WindowNo } from '@hall/shared';
import { z } from 'zod';

// The routes' path parameters, one schema each: the routes parse them (parse.ts) and the API's
// document shows them (route-docs.ts).

export const WindowPath = z.object({ no: z.coerce.number().pipe(WindowNo) });
export const CategoryPath = z.object({ code: CategoryCode });
export const StaffPath = z.object({ staffNo: StaffNo });
export const DevicePath = z.object({ deviceId: DeviceId });
export const PairingPath = z.object({ pairingId: PairingId });
/** A service day, YYYY-MM-DD. */
export const DatePath = z.object({ date: z.iso.date() });
/** A record the hall names by its id: a help request, a follow-up. */
export const IdPath = z.object({ id: z.string().min(1).max(64) });
export const TicketIdPath = z.object({ ticketId: z.string().min(1).max(64) });
/** The visitor's secret from the ticket's QR code. */
export const SecretPath = z.object({ secret: TicketSecret });
