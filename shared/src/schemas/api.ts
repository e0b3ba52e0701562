import { z } from 'zod';
import { BackupHealth, FaultHealth, StorageStatus } from './operations';
import { CategoryCode, DutyRole, RosterEntry, StaffNo, WindowNo } from './hall';
import { CategoryView, SignedInStaff, StaffTicketView, TicketProgress, TicketSecret, TicketView, WindowView } from './views';

// Bodies and replies of the hall server's HTTP API. Server and clients parse with these.

export const HealthReply = z.object({
  status: z.literal('ok'),
  hall: z.string(),
  serviceDate: z.iso.date(),
  time: z.iso.datetime(),
  uptimeSeconds: z.number(),
  // ---- operations (issue 17) ----
  /** Whether the disk takes the hall's writes now. */
  storage: StorageStatus,
  backup: BackupHealth,
  faults: FaultHealth,
});
export type HealthReply = z.infer<typeof HealthReply>;

export const CategoriesReply = z.object({ categories: z.array(CategoryView) });
export type CategoriesReply = z.infer<typeof CategoriesReply>;

export const WindowsReply = z.object({ windows: z.array(WindowView) });
export type WindowsReply = z.infer<typeof WindowsReply>;

export const IssueTicketBody = z.strictObject({
  category: CategoryCode,
  /** 绿色通道: the elderly, disabled and pregnant go ahead of ordinary tickets. */
  priority: z.boolean().optional(),
});
export type IssueTicketBody = z.infer<typeof IssueTicketBody>;

export const IdempotencyKey = z.string().min(8).max(128).regex(/^[\w.:-]+$/);

export const IssueTicketReply = z.object({
  ticket: TicketView,
  /** The visitor's secret, for the QR code: only in the reply to the kiosk that issued (or reprinted) the ticket. */
  secret: TicketSecret,
  ahead: z.number().int().min(0),
  /** null: no window will call the ticket as the hall stands (unattended: ask a guide), so the wait is unknown (never 0). */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
});
export type IssueTicketReply = z.infer<typeof IssueTicketReply>;

export const TicketReply = TicketProgress;
export type TicketReply = z.infer<typeof TicketReply>;

export const LoginBody = z.strictObject({
  staffNo: StaffNo,
  pin: z.string().min(4).max(12),
  windowNo: WindowNo,
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionReply = z.object({
  staff: SignedInStaff,
  window: WindowView,
});
export type SessionReply = z.infer<typeof SessionReply>;

export const LoginReply = SessionReply.extend({ token: z.string() });
export type LoginReply = z.infer<typeof LoginReply>;

const TicketNumber = z.string().trim().toUpperCase().regex(/^[A-Z]\d{3,}$/, 'a ticket number looks like A001');

/** 点号: call one waiting ticket by its number. */
export const CallNumberBody = z.strictObject({ number: TicketNumber });
export type CallNumberBody = z.infer<typeof CallNumberBody>;

/** A no-show visitor came back: the ticket is called next at a window serving its category. */
export const ReactivateBody = z.strictObject({ number: TicketNumber });
export type ReactivateBody = z.infer<typeof ReactivateBody>;

export const TransferBody = z
  .strictObject({
    toCategory: CategoryCode.optional(),
    toWindow: WindowNo.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((b) => (b.toCategory === undefined) !== (b.toWindow === undefined), {
    message: 'name exactly one of toCategory or toWindow',
  });
export type TransferBody = z.infer<typeof TransferBody>;

export const PauseBody = z.strictObject({
  reason: z.string().trim().min(1).max(100),
  /** When the window expects to reopen, the hall's local clock time today; later than now (checked by the domain). */
  until: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day looks like 13:30')
    .optional(),
});
export type PauseBody = z.infer<typeof PauseBody>;

/**
 * 办结, optionally with the case number (办件编号) of the matter handled and the service item
 * (事项) it was about: a code of the ticket's category's items (ITEM_NOT_OF_CATEGORY otherwise).
 */
export const FinishBody = z.strictObject({
  caseNo: z.string().trim().min(1).max(64).optional(),
  itemCode: z.string().trim().min(1).max(40).optional(),
});
export type FinishBody = z.infer<typeof FinishBody>;

/** 撤销过号: the ticket just marked 过号 at this window, taken back (see NO_SHOW_UNDO_SECONDS). */
export const UndoNoShowBody = z.strictObject({ number: TicketNumber });
export type UndoNoShowBody = z.infer<typeof UndoNoShowBody>;

/**
 * How long after 过号 the window may still undo it: long enough to see the visitor was at the
 * counter after all, short enough that nobody else has been called meanwhile.
 */
export const NO_SHOW_UNDO_SECONDS = 10;

export const WindowActionReply = z.object({
  window: WindowView,
  /** The ticket the action concerned (called, finished, transferred, ...), if any. */
  ticket: StaffTicketView.nullable(),
});
export type WindowActionReply = z.infer<typeof WindowActionReply>;

export const WindowAction = z.enum([
  'call-next',
  'recall',
  'no-show',
  'finish',
  'call',
  'reactivate',
  'transfer',
  'pause',
  'resume',
  'extend-service',
  /** 请评价: the pad asks again about the window's last finished ticket, if it is not yet rated. */
  'request-evaluation',
  'undo-no-show',
]);
export type WindowAction = z.infer<typeof WindowAction>;

/** 补打: a guide or staff member at the kiosk has a waiting visitor's ticket printed again. */
export const ReprintBody = z.strictObject({
  staffNo: StaffNo,
  pin: z.string().min(4).max(12),
  number: TicketNumber,
  deviceId: z.string().trim().min(1).max(64),
});
export type ReprintBody = z.infer<typeof ReprintBody>;

/** A window's day, for its console: who is waiting for it and how the day has gone. */
export const WindowSummaryReply = z.object({
  window: WindowView,
  /** The ticket being served, if any. */
  current: StaffTicketView.nullable(),
  /** The first of those this window may call, in the order it would call them (for 点号). */
  queue: z.array(StaffTicketView),
  /** Today's no-shows this window called or could call, latest first (for 恢复过号). */
  noShows: z.array(StaffTicketView),
  /** People waiting that this window may call, per category it serves (and those sent to it by name). */
  waiting: z.array(z.object({ code: CategoryCode, waiting: z.number().int().min(0) })),
  sentHere: z.number().int().min(0),
  servedToday: z.number().int().min(0),
  averageHandlingMinutes: z.number().min(0).nullable(),
});
export type WindowSummaryReply = z.infer<typeof WindowSummaryReply>;

/** Replaces one day's duty roster (值班长 and 导服员); by whoever the office session signed in. */
export const RosterBody = z.strictObject({ entries: z.array(RosterEntry).max(50) });
export type RosterBody = z.infer<typeof RosterBody>;

export const RosterReply = z.object({
  date: z.iso.date(),
  entries: z.array(RosterEntry.extend({ name: z.string() })),
});
export type RosterReply = z.infer<typeof RosterReply>;

/** `GET /api/duty/people`: who may be put on a roster (active 值班长 and 导服员), for whoever sets one. */
export const DutyPeopleReply = z.object({
  people: z.array(z.object({ staffNo: z.string(), name: z.string(), roles: z.array(DutyRole) })),
});
export type DutyPeopleReply = z.infer<typeof DutyPeopleReply>;

/** The hall screen's notice; by whoever the office session signed in. */
export const NoticeBody = z.strictObject({ text: z.string().trim().max(200) });
export type NoticeBody = z.infer<typeof NoticeBody>;

// The API's document (issue 16, H6): every reply has its shared schema.
/** `PUT /api/hall/notice`: the notice the hall screen now shows. */
export const NoticeReply = z.object({ notice: z.string() });
export type NoticeReply = z.infer<typeof NoticeReply>;
