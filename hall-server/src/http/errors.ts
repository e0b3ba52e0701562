import { locales, pickLocale, t, type ErrorCode, type ErrorReply, type MessageKey } from '@hall/shared';

const STATUS: Record<ErrorCode, number> = {
  NO_SHOW_UNDO_EXPIRED: 409,
  NO_SHOW_UNDO_CALLED_SINCE: 409,
  NO_SHOW_UNDO_OTHER_WINDOW: 409,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  TRANSFER_TARGET_INVALID: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  STAFF_NOT_AUTHORISED_FOR_WINDOW: 403,
  WRONG_WINDOW: 403,
  FORBIDDEN: 403,
  ROSTER_INVALID: 400,
  ROUTE_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  WINDOW_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  QUEUE_EMPTY: 409,
  NO_CURRENT_TICKET: 409,
  TICKET_IN_SERVICE: 409,
  TICKET_NOT_WAITING: 409,
  TICKET_NOT_NO_SHOW: 409,
  TICKET_NOT_SERVED_HERE: 409,
  WINDOW_PAUSED: 409,
  WINDOW_NOT_PAUSED: 409,
  PAUSE_UNTIL_PAST: 400,
  NOT_CLOSING_TIME: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  APPOINTMENT_NOT_FOUND: 404,
  APPOINTMENT_DATE_PASSED: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DEVICE_NOT_REGISTERED: 403,
  EVALUATION_WRONG_WINDOW: 403,
  TICKET_NOT_FINISHED: 409,
  ALREADY_RATED: 409,
  EVALUATION_CLOSED: 409,
  NO_TICKET_TO_EVALUATE: 409,
  FOLLOW_UP_NOT_FOUND: 404,
  FOLLOW_UP_CALLBACK_FIRST: 409,
  FOLLOW_UP_STEP_DONE: 409,
  CATEGORY_UNATTENDED: 409,
  HELP_REQUEST_NOT_FOUND: 404,
  KIOSK_NOT_REGISTERED: 403,
  SETUP_INVALID: 400,
  WINDOW_SERVING: 409,
  WINDOW_HAS_SENT_TICKETS: 409,
  CATEGORY_HAS_WAITING: 409,
  CATEGORY_IN_USE: 409,
  CATEGORY_CLOSED: 409,
  STAFF_NOT_FOUND: 404,
  STAFF_SERVING: 409,
  LAST_ADMIN: 409,
  PIN_TOO_WEAK: 400,
  DEVICE_NOT_FOUND: 404,
  IMPORT_INVALID: 400,
  WINDOW_HAS_PADS: 409,
  CATEGORY_HAS_APPOINTMENTS: 409,
  STAFF_ON_ROSTER: 409,
  // Abuse cannot stall the hall (issue 15, abuse and transport part).
  PIN_LOCKED: 429,
  PIN_CHECK_BUSY: 429,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  DEVICE_REVOKED: 401,
  PAIRING_NOT_FOUND: 404,
  PAIRINGS_FULL: 429,
  NOT_SAVED: 503,
  INTERNAL_ERROR: 500,
  // Issue 15, H2.
  CHECK_IN_BUSY: 429,
  // Leader duty and on-site service (issue 16, H2).
  DEPARTMENT_NOT_FOUND: 404,
  LEADER_DUTY_WRONG_WINDOW: 400,
  LEADER_DUTY_DATE_FUTURE: 400,
  ONSITE_SERVICE_NOT_FOUND: 404,
  ONSITE_MOVE_INVALID: 409,
  ONSITE_STAFF_REQUIRED: 409,
  // 好差评 published and handed on (issue 16, H5).
  ITEM_NOT_OF_CATEGORY: 400,
  // Storage faults (issue 17, H2).
  DATABASE_READ_ONLY: 503,
  // Backups (issue 17, H1).
  BACKUP_RUNNING: 409,
  BACKUP_FAILED: 500,
  BACKUP_DAMAGED: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

/** The error body, in the caller's language (Chinese unless it asks for English); `{name}` in the text is filled from the details. */
export function errorReply(code: ErrorCode, acceptLanguage: string | undefined, details?: unknown): ErrorReply {
  const params = typeof details === 'object' && details !== null ? (details as Record<string, string | number>) : {};
  const message = t(pickLocale(acceptLanguage), messageKey(code, params), params);
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** A refusal whose details name the disk's problem (issue 17) says it, if the table has its own text: the disk is full. */
function messageKey(code: ErrorCode, params: Record<string, unknown>): MessageKey {
  const own = `error.${code}.${String(params.problem)}`;
  return typeof params.problem === 'string' && own in locales['zh-CN'] ? (own as MessageKey) : `error.${code}`;
}
