import { z } from 'zod';
import { CategoryCode, RoutingMode, ServiceItem, StaffNo, StaffRole, WindowNo } from './hall';

// What the hall server shows the outside world: HTTP replies and socket payloads share these.

const Instant = z.iso.datetime();

export const TicketStatus = z.enum(['waiting', 'called', 'finished', 'no_show', 'cancelled', 'expired']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** 绿色通道 (elderly, disabled, pregnant) or an appointment checked in at the kiosk. */
export const PriorityKind = z.enum(['green_channel', 'appointment']);
export type PriorityKind = z.infer<typeof PriorityKind>;

/**
 * The visitor's secret (issue 15, H2): 128 random bits in base64url, printed in the ticket's QR
 * code (`/t/<secret>`). Only the kiosk that issued the ticket ever sees it; it follows the ticket
 * and rates it from the phone. Never in a snapshot, a list or a broadcast.
 */
export const TicketSecret = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a ticket secret is 22 base64url characters');
export type TicketSecret = z.infer<typeof TicketSecret>;

/** The phone page's address for a ticket, as its QR code (printed and on the kiosk's screen) carries it. */
export const phonePageUrl = (origin: string, secret: TicketSecret): string => `${origin}/t/${secret}`;

/** A ticket as screens, kiosks and its phone page show it: no id (staff act on ids, visitors on the secret). */
export const TicketView = z.object({
  number: z.string(),
  category: CategoryCode,
  categoryName: z.string(),
  status: TicketStatus,
  priority: PriorityKind.nullable(),
  serviceDate: z.iso.date(),
  issuedAt: Instant,
  /** The window the ticket is sent to by name (a transfer), if any. */
  targetWindowNo: WindowNo.nullable(),
  /** The window that called it last. */
  windowNo: WindowNo.nullable(),
  calledAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

/**
 * A ticket as window staff see it: with where its last transfer came from and the transferring
 * staff member's note. Only staff replies carry it; screens and the phone page get TicketView.
 */
export const StaffTicketView = TicketView.extend({
  /** The ticket's id, which staff act on (评价, 转移); never shown to the public. */
  id: z.string(),
  transfer: z
    .object({
      fromWindowNo: WindowNo,
      fromCategory: CategoryCode,
      note: z.string().nullable(),
      at: Instant,
    })
    .nullable(),
});
export type StaffTicketView = z.infer<typeof StaffTicketView>;

export const StaffView = z.object({ staffNo: StaffNo, name: z.string() });
export type StaffView = z.infer<typeof StaffView>;

export const WindowState = z.enum(['open', 'paused', 'closed']);
export type WindowState = z.infer<typeof WindowState>;

export const WindowView = z.object({
  no: WindowNo,
  name: z.string(),
  department: z.string(),
  categories: z.array(CategoryCode),
  routing: RoutingMode,
  state: WindowState,
  pauseReason: z.string().nullable(),
  /** When a paused window expects to reopen, if its staff said. */
  pauseUntil: Instant.nullable(),
  servingNumber: z.string().nullable(),
  staff: StaffView.nullable(),
  /** 延时服务: serving past closing time because people are still waiting for it. */
  extendedService: z.boolean(),
});
export type WindowView = z.infer<typeof WindowView>;

export const CategoryView = z.object({
  code: CategoryCode,
  name: z.string(),
  nameEn: z.string().nullable(),
  items: z.array(ServiceItem),
  waiting: z.number().int().min(0),
  /** Closed for new tickets: the kiosk's tile says 暂停取号 (Category.open). */
  open: z.boolean(),
});
export type CategoryView = z.infer<typeof CategoryView>;

export const CallView = z.object({
  number: z.string(),
  category: CategoryCode,
  windowNo: WindowNo,
  windowName: z.string(),
  calledAt: Instant,
  recall: z.boolean(),
});
export type CallView = z.infer<typeof CallView>;

/** A ticket as its phone page follows it: the HTTP reply, the snapshot and every live change alike. */
export const TicketProgress = z.object({
  ticket: TicketView,
  /** People before this ticket; 0 once it is called or done. */
  ahead: z.number().int().min(0),
  /** The server's estimate of the minutes until it is called; null once it is not waiting, or when the server cannot tell. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
});
export type TicketProgress = z.infer<typeof TicketProgress>;

export const SignedInStaff = StaffView.extend({ roles: z.array(StaffRole) });
export type SignedInStaff = z.infer<typeof SignedInStaff>;
