import { z } from 'zod';
import { CategoryCode, Kiosk, UnattendedTickets, WindowNo } from './hall';
import { DeviceFault, DeviceFaultChanged } from './devices';
import { HelpRequestChanged, HelpRequestView } from './kiosks';
import { EvaluationRecorded, EvaluationRequested, FollowUpView } from './evaluations';
import { CallView, StaffView, TicketProgress, TicketSecret, WindowView } from './views';
import { DevicePresence } from './office-live';
import { StorageStatus } from './operations';

// socket.io events. Every client first receives `hall:snapshot` (on connect and on every
// reconnect), then changes. Payloads are parsed with these schemas on both sides.

export const ClientKind = z.enum(['hall-screen', 'window-screen', 'kiosk', 'pad', 'console', 'phone', 'admin']);
export type ClientKind = z.infer<typeof ClientKind>;

/**
 * Sent in the socket.io handshake (`auth`), so the server can put the client in its rooms.
 * Not strict: on reconnection socket.io adds its own recovery fields (pid, offset).
 */
export const ClientHello = z.object({
  client: ClientKind,
  windowNo: WindowNo.optional(),
  /** A phone page: the secret of the ticket it follows (from the QR code); the server finds the ticket by it. */
  ticket: TicketSecret.optional(),
  /**
   * The client's credential (issue 15): a device's, a window session's or an office session's.
   * What it is decides which clients it may say it is and which rooms it hears (the server's
   * access table); a pad's, window screen's and console's window is the credential's. Phones send none.
   */
  token: z.string().min(1).max(200).optional(),
});
export type ClientHello = z.infer<typeof ClientHello>;

export const CategoryWaiting = z.object({ code: CategoryCode, waiting: z.number().int().min(0) });

/** Who is on duty now, from the duty roster: today's 值班长 and the 导服员 of the current shift. */
export const Duty = z.object({ captain: StaffView.nullable(), guides: z.array(StaffView) });
export type Duty = z.infer<typeof Duty>;

export const HallSnapshot = z.object({
  hall: z.string(),
  /** The hall's time zone, for showing dates and times. */
  timezone: z.string(),
  openingHours: z.object({ open: z.string(), close: z.string() }),
  serviceDate: z.iso.date(),
  categories: z.array(CategoryWaiting),
  windows: z.array(WindowView),
  /** The latest calls, newest first. */
  recentCalls: z.array(CallView),
  /** Present for phone pages: the ticket they follow. */
  ticket: TicketProgress.nullable(),
  /** What is wrong with the hall's machines right now. */
  deviceFaults: z.array(DeviceFault),
  duty: Duty,
  /** The line the hall screen's ticker runs, edited by the center's managers. */
  notice: z.string(),
  /** Present for a window's pad and console while its pad is asking for a rating. */
  evaluation: EvaluationRequested.nullable(),
  /** The hall's line for complaints (12345 or its own supervision line), shown on the pads. */
  supervisionPhone: z.string().nullable(),
  at: z.iso.datetime(),
  // Kiosk, issue 13.
  /** Whether tickets are issued for a category no open window serves (HallSettings.unattendedTickets). */
  unattendedTickets: UnattendedTickets,
  /** The hall's kiosks by place: a kiosk whose printer fails points to another. Phones get none. */
  kiosks: z.array(Kiosk),
  /** 呼叫导服员 requests not yet handled, oldest first. Phones get none. */
  helpRequests: z.array(HelpRequestView),
  // The admin console, issue 14.
  /** Changes with every change of the hall's set-up: pages fetch the categories again when it does. */
  setupVersion: z.number().int(),
  // Storage faults (issue 17, H2).
  /** Whether the hall's disk takes writes: while not, the kiosks take no tickets and consoles say nothing is saved. */
  storage: StorageStatus,
});
export type HallSnapshot = z.infer<typeof HallSnapshot>;

export const QueueChanged = z.object({ categories: z.array(CategoryWaiting) });
export type QueueChanged = z.infer<typeof QueueChanged>;

export const WindowChanged = z.object({ window: WindowView });
export type WindowChanged = z.infer<typeof WindowChanged>;

export const TicketChanged = TicketProgress;
export type TicketChanged = z.infer<typeof TicketChanged>;

export const serverEvents = {
  'hall:snapshot': HallSnapshot,
  'ticket:called': CallView,
  'queue:changed': QueueChanged,
  'window:changed': WindowChanged,
  'ticket:changed': TicketChanged,
  'device:fault': DeviceFaultChanged,
  /** To the window's own room only (its pad and console). */
  'evaluation:requested': EvaluationRequested,
  'evaluation:recorded': EvaluationRecorded,
  /** To office pages (值班长, administrators): a poor rating opened a follow-up… */
  'follow-up:opened': z.object({ followUp: FollowUpView }),
  /** …or its call-back or fix was recorded. */
  'follow-up:changed': z.object({ followUp: FollowUpView }),
  /** The duty roster changed, or a shift began or ended. */
  'duty:changed': z.object({ duty: Duty }),
  'notice:changed': z.object({ notice: z.string() }),
  /** A kiosk asked for a guide, or a request was marked handled (to every client but phones). */
  'help:changed': HelpRequestChanged,
  // The office's live view (issue 16, H3).
  /** To office pages: a kiosk or pad connected or lost its line. */
  'device:presence': DevicePresence,
  // Storage faults (issue 17, H2).
  /** To every client, the moment the disk stops or starts taking writes again. */
  'storage:changed': StorageStatus,
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerEventPayload<E>) => void;
};
/** Clients only listen; every command goes through the HTTP API. */
export type ClientToServerEvents = Record<string, never>;
