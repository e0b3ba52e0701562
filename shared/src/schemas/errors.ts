import { z } from 'zod';

/** Every error the hall server can answer with. Screens look up the text in the i18n table. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'WINDOW_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'STAFF_NOT_AUTHORISED_FOR_WINDOW',
  'WRONG_WINDOW',
  'FORBIDDEN',
  'ROSTER_INVALID',
  'QUEUE_EMPTY',
  'NO_CURRENT_TICKET',
  'TICKET_IN_SERVICE',
  'TICKET_NOT_WAITING',
  'TICKET_NOT_NO_SHOW',
  'TICKET_NOT_SERVED_HERE',
  'WINDOW_PAUSED',
  'WINDOW_NOT_PAUSED',
  'PAUSE_UNTIL_PAST',
  'NOT_CLOSING_TIME',
  'TRANSFER_TARGET_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'APPOINTMENT_NOT_FOUND',
  'APPOINTMENT_DATE_PASSED',
  'DEVICE_NOT_REGISTERED',
  'EVALUATION_WRONG_WINDOW',
  'TICKET_NOT_FINISHED',
  'ALREADY_RATED',
  'EVALUATION_CLOSED',
  'NO_TICKET_TO_EVALUATE',
  'FOLLOW_UP_NOT_FOUND',
  'FOLLOW_UP_CALLBACK_FIRST',
  'FOLLOW_UP_STEP_DONE',
  'CATEGORY_UNATTENDED',
  'HELP_REQUEST_NOT_FOUND',
  // Only the hall's own kiosks (setup.kiosks) may call a guide: the request names their place.
  'KIOSK_NOT_REGISTERED',
  // 撤销过号 (the window console's undo of a 过号).
  'NO_SHOW_UNDO_EXPIRED',
  'NO_SHOW_UNDO_CALLED_SINCE',
  'NO_SHOW_UNDO_OTHER_WINDOW',
  // The admin console (issue 14): the set-up edited while the hall serves.
  'SETUP_INVALID',
  'WINDOW_SERVING',
  'WINDOW_HAS_SENT_TICKETS',
  'CATEGORY_HAS_WAITING',
  'CATEGORY_IN_USE',
  'CATEGORY_CLOSED',
  'STAFF_NOT_FOUND',
  'STAFF_SERVING',
  'LAST_ADMIN',
  'PIN_TOO_WEAK',
  'DEVICE_NOT_FOUND',
  'IMPORT_INVALID',
  // Set-up refusals found in review (issue 14).
  'WINDOW_HAS_PADS',
  'CATEGORY_HAS_APPOINTMENTS',
  'STAFF_ON_ROSTER',
  // Abuse cannot stall the hall (issue 15, abuse and transport part).
  'PIN_LOCKED',
  'PIN_CHECK_BUSY',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  // Trust on the LAN (issue 15): a revoked device credential; a pairing code no device shows.
  'DEVICE_REVOKED',
  'PAIRING_NOT_FOUND',
  // Pairing (issue 15, H4): too many devices asking to be paired at once.
  'PAIRINGS_FULL',
  'NOT_SAVED',
  'INTERNAL_ERROR',
  // The visitor's secret and public views (issue 15, H2): too many wrong appointment codes in the
  // hall this minute; check-in waits for the minute to pass.
  'CHECK_IN_BUSY',
  // Leader duty and on-site service (issue 16, H2).
  'DEPARTMENT_NOT_FOUND',
  'LEADER_DUTY_WRONG_WINDOW',
  'LEADER_DUTY_DATE_FUTURE',
  'ONSITE_SERVICE_NOT_FOUND',
  'ONSITE_MOVE_INVALID',
  'ONSITE_STAFF_REQUIRED',
  // 好差评 published and handed on (issue 16, H5): the 事项 chosen at 办结 is not one of the
  // ticket's category's items.
  'ITEM_NOT_OF_CATEGORY',
  // Storage faults (issue 17, H2): the database file or its disk went read-only. (A full disk or
  // a failed write is NOT_SAVED, its message naming the problem.)
  'DATABASE_READ_ONLY',
  // Backups (issue 17, H1): one at a time; a copy that could not be made, or failed its check.
  'BACKUP_RUNNING',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorReply = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorReply = z.infer<typeof ErrorReply>;
