import type {
  AppointmentStatus,
  Category,
  DevicePart,
  EvaluationChannel,
  EvaluationStatus,
  PoorRatingReason,
  PrintFault,
  RecordedReason,
  SatisfactionLevel,
  CategoryCode,
  HallSettings,
  HallWindow,
  PriorityKind,
  Staff,
  Kiosk,
  Pad,
  TicketStatus,
  WindowState,
  EnrolledDevice,
} from '@hall/shared';

import type { TicketBook } from './ticket-book';

// The hall as the queue rules see it. Times are epoch milliseconds (UTC); nothing here knows
// about SQL, HTTP or the wall clock.

export interface HallSetup {
  settings: HallSettings;
  categories: readonly Category[];
  windows: readonly HallWindow[];
  staff: readonly Staff[];
  /** The ticket kiosks by place; a hall set up before kiosks were named has none. */
  kiosks?: readonly Kiosk[];
  /** The evaluation pads and the window each faces: a pad rates only its window's tickets. */
  pads?: readonly Pad[];
}

export interface Ticket {
  id: string;
  /**
   * The visitor's secret printed in the ticket's QR code, made outside the domain and passed in
   * with the command that issues the ticket. null: issued before secrets (unfollowable).
   */
  secret: string | null;
  number: string;
  category: CategoryCode;
  seq: number;
  /** The hall's local date the ticket was numbered on (`YYYY-MM-DD`). */
  serviceDate: string;
  status: TicketStatus;
  priority: PriorityKind | null;
  /** Kept through transfers: a transferred ticket keeps its place among later tickets. */
  issuedAt: number;
  /** Set when transferred to a named window: only that window calls it. */
  targetWindowNo: number | null;
  /** The window that called it last. */
  windowNo: number | null;
  calledAt: number | null;
  finishedAt: number | null;
  /** A no-show whose visitor came back: called next at a window serving its category. */
  reactivatedAt: number | null;
  caseNo: string | null;
  /** The service item (事项) staff chose at 办结, one of its category's items' codes. */
  itemCode: string | null;
  /** Where its last transfer came from and why, for the staff who call it next (never for screens). */
  transfer: TransferOrigin | null;
}

export interface TransferOrigin {
  fromWindowNo: number;
  fromCategory: CategoryCode;
  note: string | null;
  at: number;
}

export interface WindowStatus {
  no: number;
  state: WindowState;
  pauseReason: string | null;
  /** When a paused window expects to reopen (ms), if its staff said. */
  pauseUntil: number | null;
  staffNo: string | null;
  currentTicketId: string | null;
  /** Priority tickets called in a row, for the fairness rule. */
  priorityStreak: number;
  /** The service date on which this window went into extended service (延时服务), if any. */
  extendedServiceDate: string | null;
  /** The window's last 过号, while it may still be undone: cleared by its next call. */
  lastNoShow: { ticketId: string; at: number } | null;
}

export interface Appointment {
  id: string;
  code: string;
  category: CategoryCode;
  /** The hall's local date of the visit. */
  date: string;
  name: string | null;
  phone: string | null;
  status: AppointmentStatus;
  ticketId: string | null;
  bookedAt: number;
  bookedBy: string;
}

/** The rating of one finished ticket: asked for at its window's pad, given once. */
export interface Evaluation {
  ticketId: string;
  number: string;
  serviceDate: string;
  windowNo: number;
  /** The staff member who served the visit: the one the rating is about. */
  staffNo: string;
  caseNo: string | null;
  /** The 事项 the rated visit was about, as chosen at 办结: the province's platform asks for it. */
  itemCode: string | null;
  status: EvaluationStatus;
  level: SatisfactionLevel | null;
  reasons: readonly RecordedReason[];
  comment: string | null;
  /** Left with a poor rating for the call-back; seen only by duty captains and administrators. */
  callbackPhone: string | null;
  channel: EvaluationChannel | null;
  deviceId: string | null;
  requestedAt: number;
  /** The pad stops asking then; the ticket counts as 未评价 unless rated from the phone later. */
  closesAt: number;
  ratedAt: number | null;
  followUpId: string | null;
  /** What the visitor has chosen so far at the pad while still asking: recorded if time runs out. */
  held: HeldRating | null;
}

/** A poor level touched at the pad, with whatever reasons, comment and phone came after it. */
export interface HeldRating {
  level: SatisfactionLevel;
  reasons: readonly PoorRatingReason[];
  comment: string | null;
  callbackPhone: string | null;
  deviceId: string;
  /** The last touch held. */
  at: number;
}

export interface FollowUpStep {
  at: number;
  staffNo: string;
  note: string;
}

/** 整改: what a poor rating sets going, with its provincial deadlines in working days. */
export interface FollowUp {
  id: string;
  ticketId: string;
  number: string;
  serviceDate: string;
  windowNo: number;
  staffNo: string;
  caseNo: string | null;
  level: SatisfactionLevel;
  reasons: readonly RecordedReason[];
  comment: string | null;
  callbackPhone: string | null;
  openedAt: number;
  callbackDue: string;
  fixDue: string;
  callback: FollowUpStep | null;
  fix: FollowUpStep | null;
}

export interface DeviceFault {
  deviceId: string;
  part: DevicePart;
  fault: PrintFault;
  message: string;
  since: number;
}

export interface HallState {
  setup: HallSetup;
  /** The service day being numbered; null before the first ticket ever. */
  serviceDate: string | null;
  /** Last sequence issued per category on the service day. */
  counters: Readonly<Record<CategoryCode, number>>;
  /** Every ticket of the service day, the waiting ones also by queue. */
  tickets: TicketBook;
  /** The ratings asked for on the service day, by ticket id. */
  evaluations: ReadonlyMap<string, Evaluation>;
  windows: ReadonlyMap<number, WindowStatus>;
  /** Recent handling times per category (ms, oldest first), for the waiting estimate. */
  handlingTimes: Readonly<Record<CategoryCode, readonly number[]>>;
  /** What is wrong with the hall's machines now, by `deviceId/part`. */
  deviceFaults: ReadonlyMap<string, DeviceFault>;
  /** The hall screen's ticker line. */
  notice: string;
  /**
   * 呼叫导服员 requests of the service day, by id. Their record is the event log: a restart
   * rebuilds them from the day's events (db/help-request-log.ts); device faults have a table.
   */
  helpRequests: ReadonlyMap<string, HelpRequest>;
  /** The devices holding a live credential, by device id: what each is and where (issue 15). */
  devices: ReadonlyMap<string, EnrolledDevice>;
}

export interface HelpRequest {
  id: string;
  deviceId: string;
  requestedAt: number;
  handledAt: number | null;
  handledBy: string | null;
}

/** What every command is given instead of reaching for the clock or a random source. */
export interface CommandContext {
  now: number;
  newId: () => string;
}
