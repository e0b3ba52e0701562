import { z } from 'zod';
import { Clock, StaffNo } from './hall';
import { StaffView } from './views';
import { HallDate, SPAN_MAX_DAYS } from './span';

// 上门服务 (issue 16): the hall's staff go to a firm or a person who cannot come. A duty captain
// records the request, assigns staff, and moves it on to done (or cancels it), a note at each
// step. Reports count the services done, on the local date they were scheduled for.

const LocalDate = z.iso.date();
const Instant = z.iso.datetime();

/** requested → assigned → in_progress → done; cancelled from any but done. */
export const OnsiteStatus = z.enum(['requested', 'assigned', 'in_progress', 'done', 'cancelled']);
export type OnsiteStatus = z.infer<typeof OnsiteStatus>;

/** Where a service may go next from each status (the domain refuses any other move). */
export const ONSITE_MOVES: Readonly<Record<OnsiteStatus, readonly OnsiteStatus[]>> = {
  requested: ['assigned', 'cancelled'],
  assigned: ['in_progress', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

const Note = z.string().trim().min(1).max(500);
const StaffList = z.array(StaffNo).min(1).max(10).refine((nos) => new Set(nos).size === nos.length, { message: 'a staff number is listed twice' });

/** `POST /api/onsite-services`: a request taken by a duty captain; `date` and `time` are the hall's local time. */
export const OnsiteServiceBody = z.strictObject({
  /** Who asked: a person's name or a firm's. */
  requester: z.string().trim().min(1).max(60),
  /** A phone number, as given. */
  contact: z.string().trim().regex(/^[\d+\- ]{3,20}$/, 'a phone number: digits, spaces, + and -').optional(),
  address: z.string().trim().min(1).max(120),
  matter: z.string().trim().min(1).max(120),
  /** A department of the hall (one of its windows'). */
  department: z.string().trim().min(1).max(60),
  date: HallDate,
  time: Clock,
  note: Note.optional(),
});
export type OnsiteServiceBody = z.infer<typeof OnsiteServiceBody>;

/**
 * `PATCH /api/onsite-services/:id`: assign staff (`staffNos`, replacing those assigned; a
 * requested service becomes assigned), move the status, or both, with a note.
 */
export const OnsiteServiceChange = z
  .strictObject({ status: OnsiteStatus.optional(), staffNos: StaffList.optional(), note: Note.optional() })
  .refine((c) => c.status !== undefined || c.staffNos !== undefined, { message: 'a status or staff to assign', path: ['status'] });
export type OnsiteServiceChange = z.infer<typeof OnsiteServiceChange>;

/** One change of a service, as recorded: the status it left it in, the staff assigned then (if it assigned any), who and when. */
export const OnsiteStep = z.object({
  status: OnsiteStatus,
  at: Instant,
  by: StaffView,
  staff: z.array(StaffView).nullable(),
  note: z.string().nullable(),
});
export type OnsiteStep = z.infer<typeof OnsiteStep>;

export const OnsiteService = z.object({
  id: z.string(),
  requester: z.string(),
  contact: z.string().nullable(),
  address: z.string(),
  matter: z.string(),
  department: z.string(),
  scheduledAt: Instant,
  /** The local date of `scheduledAt`: the day reports count the service on. */
  serviceDate: LocalDate,
  status: OnsiteStatus,
  staff: z.array(StaffView),
  /** Every step, oldest first: the request itself, then each change. */
  steps: z.array(OnsiteStep),
  createdBy: StaffView,
  createdAt: Instant,
  doneAt: Instant.nullable(),
});
export type OnsiteService = z.infer<typeof OnsiteService>;

/** `open`: every service not yet done or cancelled. */
export const OnsiteFilter = z.union([OnsiteStatus, z.literal('open')]);
export type OnsiteFilter = z.infer<typeof OnsiteFilter>;

/**
 * `GET /api/onsite-services?status&from&to`: by status (or all), and when `from` and `to` are
 * given, scheduled on those local dates (both included).
 */
export const OnsiteQuery = z
  .strictObject({ status: OnsiteFilter.optional(), from: HallDate.optional(), to: HallDate.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to together', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < SPAN_MAX_DAYS, {
    message: `a span is at most ${SPAN_MAX_DAYS} days`,
    path: ['to'],
  });
export type OnsiteQuery = z.infer<typeof OnsiteQuery>;

export const OnsiteServiceReply = z.object({ service: OnsiteService });
export type OnsiteServiceReply = z.infer<typeof OnsiteServiceReply>;

export const OnsiteServicesReply = z.object({
  /** Soonest scheduled first. */
  services: z.array(OnsiteService),
  /** The hall's active staff, who may be assigned. */
  assignable: z.array(StaffView),
});
export type OnsiteServicesReply = z.infer<typeof OnsiteServicesReply>;
