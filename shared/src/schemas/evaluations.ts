import { z } from 'zod';
import { StaffNo, WindowNo } from './hall';
import { SignedInStaff, StaffView, TicketSecret } from './views';
import { spanQuery } from './span';

// 好差评: every finished ticket is rated once, at the window's evaluation pad (评价器) or from
// the ticket's phone page; a poor rating (差评) opens a follow-up (整改).

const Instant = z.iso.datetime();
const LocalDate = z.iso.date();

/** The five national levels (GB/T 39734-2020), best first. */
export const SatisfactionLevel = z.enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']);
export type SatisfactionLevel = z.infer<typeof SatisfactionLevel>;

/** The same levels as the stars 5..1 the national scheme reports upward. */
export const STARS: Readonly<Record<SatisfactionLevel, number>> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

/** 不满意 and 非常不满意: a 差评, which asks for a reason and is followed up. */
export function isPoorRating(level: SatisfactionLevel): boolean {
  return STARS[level] <= 2;
}

/** 态度不好, 效率低, 业务不熟, 多次跑腿, 其他. */
export const PoorRatingReason = z.enum(['attitude', 'slow', 'unfamiliar', 'repeated_trips', 'other']);
export type PoorRatingReason = z.infer<typeof PoorRatingReason>;

/**
 * The reasons a rating is recorded with: the visitor's, or 未说明原因 (`not_given`) when a poor
 * level was touched on the pad and its time ran out before any reason was chosen. Never offered
 * to the visitor: the follow-up opens all the same and the call-back asks.
 */
export const RecordedReason = z.enum([...PoorRatingReason.options, 'not_given']);
export type RecordedReason = z.infer<typeof RecordedReason>;

/**
 * A number to call the visitor back about a poor rating: a mainland mobile (11 digits from 13…
 * to 19…) or a landline with its area code (0 and 2–3 digits, then 7–8 digits, a dash allowed).
 * Only duty captains and administrators ever see it, on the follow-up.
 */
export const CallbackPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile or a landline with its area code');
export type CallbackPhone = z.infer<typeof CallbackPhone>;

function checkReasons(body: { level: SatisfactionLevel; reasons?: readonly PoorRatingReason[] | undefined; callbackPhone?: string | undefined }, ctx: z.RefinementCtx) {
  const reasons = body.reasons ?? [];
  if (new Set(reasons).size !== reasons.length) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'a reason is given twice' });
  if (!isPoorRating(body.level) && reasons.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasons are asked only of a poor rating' });
  }
  if (!isPoorRating(body.level) && body.callbackPhone !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['callbackPhone'], message: 'a call-back is offered only for a poor rating' });
  }
}

export const EvaluationChannel = z.enum(['pad', 'phone']);
export type EvaluationChannel = z.infer<typeof EvaluationChannel>;

/** pending: the pad is asking; unrated (未评价): nobody answered in time; rated: done, once. */
export const EvaluationStatus = z.enum(['pending', 'rated', 'unrated']);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;

/**
 * `POST /api/evaluations`. From the window's pad (its device credential), naming the `ticketId`
 * it was asked about: only tickets of the pad's own window, while it asks. From the ticket's phone
 * page, naming the ticket by its `secret` (from the QR code), until the end of the ticket's day.
 * Exactly one of the two.
 */
export const RateBody = z
  .strictObject({
    ticketId: z.string().min(1).max(64).optional(),
    secret: TicketSecret.optional(),
    level: SatisfactionLevel,
    reasons: z.array(PoorRatingReason).max(5).optional(),
    comment: z.string().trim().max(200).optional(),
    /** Optional, with a poor rating only: where the duty captain calls the visitor back. */
    callbackPhone: CallbackPhone.optional(),
  })
  .superRefine((body, ctx) => {
    checkReasons(body, ctx);
    if ((body.ticketId === undefined) === (body.secret === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ticketId'], message: 'name the ticket by exactly one of ticketId (a pad) or secret (a phone)' });
    }
    if (isPoorRating(body.level) && (body.reasons ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'a poor rating needs at least one reason' });
    }
  });
export type RateBody = z.infer<typeof RateBody>;

/**
 * The least time a pad keeps asking after the visitor's last touch once a poor level is chosen:
 * choosing reasons, a comment and a phone number takes an elderly visitor longer than 30 s.
 */
export const HELD_RATING_SECONDS = 60;

/**
 * `POST /api/evaluations/held`, from a pad only (its device credential), on every touch once a poor
 * level is chosen: the server keeps what the visitor has chosen so far and keeps asking at least
 * `HELD_RATING_SECONDS` from now. If the time still runs out (or the pad loses power or its network),
 * the rating is recorded as held, with 未说明原因 when no reason was chosen yet.
 */
export const HeldRatingBody = z
  .strictObject({
    ticketId: z.string().min(1).max(64),
    level: SatisfactionLevel,
    reasons: z.array(PoorRatingReason).max(5).default([]),
    comment: z.string().trim().max(200).optional(),
    callbackPhone: CallbackPhone.optional(),
  })
  .superRefine(checkReasons);
export type HeldRatingBody = z.input<typeof HeldRatingBody>;

/**
 * `POST /api/evaluations/held/release`, from a pad only (its device credential): 返回 from the reasons,
 * so the poor level is no longer held; if the visitor now walks away the ticket is 未评价.
 * Replied with `HeldRatingReply`.
 */
export const ReleaseHeldRatingBody = z.strictObject({ ticketId: z.string().min(1).max(64) });
export type ReleaseHeldRatingBody = z.input<typeof ReleaseHeldRatingBody>;

export const EvaluationView = z.object({
  ticketId: z.string(),
  number: z.string(),
  serviceDate: LocalDate,
  windowNo: WindowNo,
  staff: StaffView.nullable(),
  /** 办件编号, when the window recorded one: the rating is reported upward with it. */
  caseNo: z.string().nullable(),
  status: EvaluationStatus,
  level: SatisfactionLevel.nullable(),
  stars: z.number().int().min(1).max(5).nullable(),
  reasons: z.array(RecordedReason),
  comment: z.string().nullable(),
  channel: EvaluationChannel.nullable(),
  requestedAt: Instant,
  ratedAt: Instant.nullable(),
  /** The follow-up a poor rating opened. */
  followUpId: z.string().nullable(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;

/**
 * `GET /api/evaluations/:ticketId`, for duty captains and administrators: the rating as recorded
 * (办件编号, comment), and whether the phone page may still give one.
 */
export const EvaluationReply = z.object({
  evaluation: EvaluationView.nullable(),
  /** The last moment a rating is taken from the phone page; null when it no longer can be. */
  phoneRatingUntil: Instant.nullable(),
});
export type EvaluationReply = z.infer<typeof EvaluationReply>;

// ---- a rating as the visitor sees it (issue 15, H2) ---------------------------------------

/**
 * A rating as the pad and the phone page are answered with: what the window screen showed (number,
 * window, staff name and 工号) and how it was rated. No ticket id, no 办件编号, no comment.
 */
export const PublicEvaluationView = z.object({
  number: z.string(),
  serviceDate: LocalDate,
  windowNo: WindowNo,
  staff: StaffView.nullable(),
  status: EvaluationStatus,
  level: SatisfactionLevel.nullable(),
  stars: z.number().int().min(1).max(5).nullable(),
  channel: EvaluationChannel.nullable(),
  ratedAt: Instant.nullable(),
});
export type PublicEvaluationView = z.infer<typeof PublicEvaluationView>;

/** `GET /api/tickets/:secret/evaluation`: the phone page's own ticket's rating, and until when it may still give one. */
export const PhoneRatingReply = z.object({
  evaluation: PublicEvaluationView.nullable(),
  /** The last moment a rating is taken from the phone page; null when it no longer can be. */
  phoneRatingUntil: Instant.nullable(),
});
export type PhoneRatingReply = z.infer<typeof PhoneRatingReply>;

export const RateReply = z.object({ evaluation: PublicEvaluationView });
export type RateReply = z.infer<typeof RateReply>;

/** A window finished a ticket (or its staff pressed 请评价): its pad asks for a rating. */
export const EvaluationRequested = z.object({
  ticketId: z.string(),
  number: z.string(),
  windowNo: WindowNo,
  staff: StaffView.nullable(),
  caseNo: z.string().nullable(),
  /** How long the pad keeps asking before the ticket counts as 未评价. */
  secondsLeft: z.number().int().min(0),
});
export type EvaluationRequested = z.infer<typeof EvaluationRequested>;

/** The question as it now stands: the time left counts from the touch just held. */
export const HeldRatingReply = z.object({ evaluation: EvaluationRequested });
export type HeldRatingReply = z.infer<typeof HeldRatingReply>;

/** The answer to a request: to the window's room, so its pad and console both know. */
export const EvaluationRecorded = z.object({
  ticketId: z.string(),
  number: z.string(),
  windowNo: WindowNo,
  status: z.enum(['rated', 'unrated']),
  level: SatisfactionLevel.nullable(),
  channel: EvaluationChannel.nullable(),
});
export type EvaluationRecorded = z.infer<typeof EvaluationRecorded>;

// ---- follow-up of poor ratings (整改) ----------------------------------------------------

/** awaiting_callback: nobody has called the visitor yet; awaiting_fix: called, not fixed; closed. */
export const FollowUpStatus = z.enum(['awaiting_callback', 'awaiting_fix', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

const Step = z.object({ at: Instant, by: StaffView, note: z.string() });

export const FollowUpView = z.object({
  id: z.string(),
  ticketId: z.string(),
  number: z.string(),
  serviceDate: LocalDate,
  windowNo: WindowNo,
  windowName: z.string(),
  staff: StaffView.nullable(),
  caseNo: z.string().nullable(),
  level: SatisfactionLevel,
  reasons: z.array(RecordedReason),
  comment: z.string().nullable(),
  /**
   * The number the visitor left for the call-back, if any. Only in the office's follow-ups
   * (duty captains and administrators signed in): never in a rating's public view or a screen's event.
   */
  callbackPhone: z.string().nullable(),
  openedAt: Instant,
  /** The visitor is called back by the end of this day (1 working day)… */
  callbackDue: LocalDate,
  /** …and the matter fixed by the end of this one (15 working days). */
  fixDue: LocalDate,
  callback: Step.nullable(),
  fix: Step.nullable(),
  status: FollowUpStatus,
  /** Past a deadline with its step not done (a step done late is not overdue, but stays late). */
  overdue: z.boolean(),
  callbackLate: z.boolean(),
  fixLate: z.boolean(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const FollowUpFilter = z.enum(['open', 'overdue', 'all']);
export type FollowUpFilter = z.infer<typeof FollowUpFilter>;

export const FollowUpsQuery = z.strictObject({
  status: FollowUpFilter.default('open'),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});
export type FollowUpsQuery = z.infer<typeof FollowUpsQuery>;

export const FollowUpsReply = z.object({ followUps: z.array(FollowUpView) });
export type FollowUpsReply = z.infer<typeof FollowUpsReply>;

/** `POST /api/follow-ups/:id/callback` and `…/fix`: what was said or done, on record. */
export const FollowUpStepBody = z.strictObject({ note: z.string().trim().min(1).max(500) });
export type FollowUpStepBody = z.infer<typeof FollowUpStepBody>;

export const FollowUpReply = z.object({ followUp: FollowUpView });
export type FollowUpReply = z.infer<typeof FollowUpReply>;

// ---- reports --------------------------------------------------------------------------

const Count = z.number().int().min(0);

/** How a set of finished tickets was rated. The rate is over rated tickets only; null with none. */
export const SatisfactionFigures = z.object({
  served: Count,
  rated: Count,
  /** Finished but never rated (未评价): reported apart, never counted as satisfied. */
  unrated: Count,
  levels: z.record(SatisfactionLevel, Count),
  /** (非常满意 + 满意 + 基本满意) / rated. */
  satisfactionRate: z.number().min(0).max(1).nullable(),
  averageStars: z.number().min(1).max(5).nullable(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFigures>;

/** A span of service days, as every report asks (at most SPAN_MAX_DAYS). */
export const ReportQuery = spanQuery({});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** `GET /api/reports/hall?from&to`: the hall's figures over a span of service days. */
export const HallReport = z.object({
  from: LocalDate,
  to: LocalDate,
  issued: Count,
  noShows: Count,
  averageWaitMinutes: z.number().min(0).nullable(),
  averageHandlingMinutes: z.number().min(0).nullable(),
  satisfaction: SatisfactionFigures,
  byChannel: z.record(EvaluationChannel, Count),
  byWindow: z.array(SatisfactionFigures.extend({ windowNo: WindowNo, windowName: z.string() })),
  byStaff: z.array(SatisfactionFigures.extend({ staff: StaffView })),
  /** Follow-ups opened in the span, and where they stand now. */
  followUps: z.object({ opened: Count, open: Count, overdue: Count, closed: Count }),
  /** Every follow-up of the hall still open or overdue today, whenever it was opened. */
  followUpsNow: z.object({ open: Count, overdue: Count }),
});
export type HallReport = z.infer<typeof HallReport>;

// ---- office sign-in (值班长 and administrators) ------------------------------------------

export const OfficeLoginBody = z.strictObject({ staffNo: StaffNo, pin: z.string().min(4).max(12) });
export type OfficeLoginBody = z.infer<typeof OfficeLoginBody>;

export const OfficeSessionReply = z.object({ staff: SignedInStaff });
export type OfficeSessionReply = z.infer<typeof OfficeSessionReply>;

export const OfficeLoginReply = OfficeSessionReply.extend({ token: z.string() });
export type OfficeLoginReply = z.infer<typeof OfficeLoginReply>;
