import {
  AdminCategoryBody,
  AdminCategoryReply,
  AdminDeviceBody,
  AdminDeviceReply,
  AdminDevicesReply,
  AdminSettingsBody,
  AdminSettingsReply,
  AdminStaffBody,
  AdminStaffReply,
  AdminWindowBody,
  AdminWindowReply,
  AppointmentReply,
  ApprovePairingBody,
  ApprovePairingReply,
  AuditQuery,
  AuditReply,
  BookAppointmentBody,
  CallNumberBody,
  CategoriesReply,
  ChangePinBody,
  CheckInBody,
  DeviceFaultsReply,
  DeviceSelfReply,
  DeviceStatusBody,
  DryRunQuery,
  DutyPeopleReply,
  EnrolDeviceBody,
  EnrolDeviceReply,
  EvaluationReply,
  FinishBody,
  FollowUpReply,
  FollowUpStepBody,
  FollowUpsQuery,
  FollowUpsReply,
  HallReport,
  HallSetupFile,
  HealthReply,
  HeldRatingBody,
  HeldRatingReply,
  HelpRequestBody,
  HelpRequestReply,
  HelpRequestsReply,
  IdempotencyKey,
  IssueTicketBody,
  IssueTicketReply,
  LoginBody,
  LoginReply,
  MonthlyQuery,
  MonthlyReport,
  NoticeBody,
  NoticeReply,
  OfficeLoginBody,
  OfficeLoginReply,
  OfficeSessionReply,
  PairingRequestBody,
  PairingRequestReply,
  PairingStatusReply,
  PauseBody,
  PendingPairingsReply,
  PhoneRatingReply,
  PinResetBody,
  RateBody,
  RateReply,
  ReactivateBody,
  ReleaseHeldRatingBody,
  ReportQuery,
  ReprintBody,
  RosterBody,
  RosterReply,
  SessionReply,
  SetupChangeReply,
  SummaryQuery,
  SummaryReport,
  TicketReply,
  TransferBody,
  UndoNoShowBody,
  WindowActionReply,
  WindowsReply,
  WindowSummaryReply,
  type ErrorCode,
  type WindowAction,
  OfficeLiveReply,
  PublicRatings,
  PublicRatingsQuery,
  RatingsExport,
  RatingsExportQuery,
  LeaderDutyBody,
  LeaderDutyQuery,
  LeaderDutyReply,
  LeaderDutyVisitReply,
  OnsiteQuery,
  OnsiteServiceBody,
  OnsiteServiceChange,
  OnsiteServiceReply,
  OnsiteServicesReply,
  BackupReply,
  BackupsReply,
} from '@hall/shared';
import { z } from 'zod';
import { CategoryPath, DatePath, DevicePath, IdPath, PairingPath, SecretPath, StaffPath, TicketIdPath, WindowPath } from './paths';

// The API's document (issue 16, H6): every /api route, by method and route pattern as in the
// access table (access.ts), with what it is for, what it takes and what it answers, each as its
// shared zod schema. The OpenAPI document at /api/openapi.json is generated from this table and
// the access table (api-docs.ts); the routes themselves still parse their input with `parse()`.
// An /api route missing here refuses to start, as one missing from the access table does.

/** The document, and the docs page that shows it (@fastify/swagger-ui). */
export const OPENAPI_ROUTE = '/api/openapi.json';
/** A page beside the hall's pages, not under /api: it is HTML for people, not the API. */
export const DOCS_PAGE = '/api-docs';
/** The docs page's own routes: the page, its scripts and styles, the document it reads (the same as OPENAPI_ROUTE's). */
export const DOCS_PAGE_ROUTES: readonly string[] = ['', '/', '/json', '/yaml', '/static/index.html', '/static/swagger-initializer.js', '/static/*'].map((path) => `${DOCS_PAGE}${path}`);

/** The document's groups of operations, in the order the docs page shows them. */
export const API_TAGS = {
  hall: '大厅 · The hall: its categories, windows, roster and notice',
  tickets: '取号与号票 · Tickets: issuing, reprinting, a visitor following one',
  appointments: '预约 · Appointments: booking and checking in',
  windows: '窗口 · The window console: its queue and actions',
  auth: '窗口登录 · Window sign-in and one’s own PIN',
  evaluations: '好差评 · Ratings from the pad and the visitor’s phone',
  office: '值班长与管理员 · The office: sign-in and follow-ups of poor ratings (整改)',
  reports: '报表 · Reports',
  'leader-duty': '领导值班 · Leader duty: department leaders’ sittings at their windows',
  onsite: '上门服务 · On-site service',
  public: '公开 · Published for everyone: the ratings as the 好差评 rules ask',
  help: '导服 · Calling a guide',
  devices: '设备 · Devices: their own credential and faults',
  pairing: '设备配对 · Pairing a new device',
  admin: '管理设置 · The administrators’ console: set-up, staff, devices, audit log',
  docs: 'API 文档 · This document',
} as const;
export type ApiTag = keyof typeof API_TAGS;

/** A reply that is a file (an export): its media types, and the same reply as JSON when the query may ask for that instead. */
export interface FileReply {
  files: readonly string[];
  description: string;
  json?: z.ZodType;
}

export interface RouteDoc {
  /** 中文 first, then English. */
  summary: string;
  tag: ApiTag;
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  /** A file sent as the body instead of JSON: its media types. */
  upload?: readonly string[];
  /** What a success answers, by status: its shared schema, `null` for no body, or a file. */
  replies: Readonly<Record<number, z.ZodType | null | FileReply>>;
  /** The route's own refusals (shared/src/schemas/errors.ts); those of access and input every route has are added from the tables. */
  errors?: readonly ErrorCode[];
}

/** The kiosk's optional key that makes a retried tap answer the same ticket. */
const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKey.optional() });
const PIN_REFUSALS: readonly ErrorCode[] = ['INVALID_CREDENTIALS', 'PIN_LOCKED', 'PIN_CHECK_BUSY'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_TYPES = [XLSX, 'text/csv'];

/** The window console's actions, each `POST /api/windows/:no/<action>` (routes/windows.ts). */
const WINDOW_ACTION_DOCS: Record<WindowAction, { summary: string; body?: z.ZodType; errors: readonly ErrorCode[] }> = {
  'call-next': { summary: '叫下一位 · Call the next visitor', errors: ['QUEUE_EMPTY', 'WINDOW_PAUSED', 'TICKET_IN_SERVICE'] },
  call: { summary: '指定叫号 · Call a number', body: CallNumberBody, errors: ['TICKET_NOT_FOUND', 'TICKET_NOT_WAITING', 'WINDOW_PAUSED', 'TICKET_IN_SERVICE'] },
  recall: { summary: '重呼 · Call the current visitor again', errors: ['NO_CURRENT_TICKET'] },
  'no-show': { summary: '过号 · The visitor did not come', errors: ['NO_CURRENT_TICKET'] },
  finish: { summary: '办结 · Finish the visit (with its 办件编号)', body: FinishBody, errors: ['NO_CURRENT_TICKET'] },
  transfer: {
    summary: '转办 · Send the visitor to another category or window',
    body: TransferBody,
    errors: ['NO_CURRENT_TICKET', 'TRANSFER_TARGET_INVALID', 'CATEGORY_NOT_FOUND', 'WINDOW_NOT_FOUND', 'CATEGORY_UNATTENDED', 'CATEGORY_CLOSED'],
  },
  reactivate: { summary: '过号重排 · Put a no-show back in the queue', body: ReactivateBody, errors: ['TICKET_NOT_FOUND', 'TICKET_NOT_NO_SHOW'] },
  pause: { summary: '暂停 · Pause the window (with a reason)', body: PauseBody, errors: ['WINDOW_PAUSED', 'TICKET_IN_SERVICE', 'PAUSE_UNTIL_PAST'] },
  resume: { summary: '恢复 · Resume the window', errors: ['WINDOW_NOT_PAUSED'] },
  'extend-service': { summary: '延时服务 · Serve on past closing time', errors: ['NOT_CLOSING_TIME'] },
  'request-evaluation': { summary: '请评价 · Ask the pad to rate the last visit again', errors: ['NO_TICKET_TO_EVALUATE'] },
  'undo-no-show': {
    summary: '撤销过号 · Undo a no-show just marked',
    body: UndoNoShowBody,
    errors: ['TICKET_NOT_NO_SHOW', 'NO_SHOW_UNDO_EXPIRED', 'NO_SHOW_UNDO_CALLED_SINCE', 'NO_SHOW_UNDO_OTHER_WINDOW'],
  },
};

export const ROUTE_DOCS: Readonly<Record<string, RouteDoc>> = {
  // ---- the hall, as every screen shows it
  'GET /api/health': { summary: '运行状态 · Whether the hall server is up, and its service day', tag: 'hall', replies: { 200: HealthReply } },
  'GET /api/categories': { summary: '业务类别 · The categories and their queues', tag: 'hall', replies: { 200: CategoriesReply } },
  'GET /api/windows': { summary: '窗口一览 · Every window and what it is doing', tag: 'hall', replies: { 200: WindowsReply } },
  'GET /api/roster/:date': { summary: '值班表 · A day’s duty captain and guides', tag: 'hall', params: DatePath, replies: { 200: RosterReply } },
  'PUT /api/roster/:date': { summary: '排班 · Set a day’s roster', tag: 'hall', params: DatePath, body: RosterBody, replies: { 200: RosterReply }, errors: ['ROSTER_INVALID', 'STAFF_NOT_FOUND'] },
  'GET /api/duty/people': { summary: '可排班人员 · Who may be put on a roster', tag: 'hall', replies: { 200: DutyPeopleReply } },
  'PUT /api/hall/notice': { summary: '大厅通知 · The notice on the hall screen', tag: 'hall', body: NoticeBody, replies: { 200: NoticeReply } },

  // ---- tickets
  'POST /api/tickets': {
    summary: '取号 · Issue a ticket',
    description: 'A kiosk sends a fresh `Idempotency-Key` per tap: a retry with the same key answers the same ticket (header `Idempotent-Replayed: true`).',
    tag: 'tickets',
    headers: IdempotencyHeader,
    body: IssueTicketBody,
    replies: { 201: IssueTicketReply },
    errors: ['CATEGORY_NOT_FOUND', 'CATEGORY_CLOSED', 'CATEGORY_UNATTENDED', 'IDEMPOTENCY_KEY_REUSED'],
  },
  'POST /api/tickets/reprint': {
    summary: '补打 · Reprint a waiting visitor’s ticket (staff PIN in the body)',
    tag: 'tickets',
    body: ReprintBody,
    replies: { 200: IssueTicketReply },
    errors: ['TICKET_NOT_FOUND', 'TICKET_NOT_WAITING', ...PIN_REFUSALS],
  },
  'GET /api/tickets/:secret': { summary: '排队进度 · A ticket’s progress, by the secret in its QR code', tag: 'tickets', params: SecretPath, replies: { 200: TicketReply }, errors: ['TICKET_NOT_FOUND'] },
  'GET /api/tickets/:secret/evaluation': {
    summary: '手机评价状态 · A ticket’s rating and until when it may be rated, by its secret',
    tag: 'tickets',
    params: SecretPath,
    replies: { 200: PhoneRatingReply },
    errors: ['TICKET_NOT_FOUND'],
  },

  // ---- appointments
  'POST /api/appointments': {
    summary: '登记预约 · Book an appointment taken by phone',
    tag: 'appointments',
    body: BookAppointmentBody,
    replies: { 201: AppointmentReply },
    errors: ['CATEGORY_NOT_FOUND', 'CATEGORY_CLOSED', 'APPOINTMENT_DATE_PASSED'],
  },
  'POST /api/appointments/check-in': {
    summary: '预约签到 · Check in with an appointment code: a priority ticket',
    tag: 'appointments',
    headers: IdempotencyHeader,
    body: CheckInBody,
    replies: { 201: IssueTicketReply },
    errors: ['APPOINTMENT_NOT_FOUND', 'CATEGORY_CLOSED', 'IDEMPOTENCY_KEY_REUSED', 'CHECK_IN_BUSY'],
  },

  // ---- the window console
  'GET /api/windows/:no': { summary: '本窗口 · The window’s queue and day', tag: 'windows', params: WindowPath, replies: { 200: WindowSummaryReply }, errors: ['WINDOW_NOT_FOUND'] },
  ...Object.fromEntries(
    Object.entries(WINDOW_ACTION_DOCS).map(([action, doc]) => [
      `POST /api/windows/:no/${action}`,
      { summary: doc.summary, tag: 'windows', params: WindowPath, ...(doc.body ? { body: doc.body } : {}), replies: { 200: WindowActionReply }, errors: doc.errors } satisfies RouteDoc,
    ]),
  ),

  // ---- window sign-in
  'POST /api/auth/login': {
    summary: '窗口登录 · Sign in at a window (staff number and PIN)',
    tag: 'auth',
    body: LoginBody,
    replies: { 200: LoginReply },
    errors: [...PIN_REFUSALS, 'WINDOW_NOT_FOUND', 'STAFF_NOT_AUTHORISED_FOR_WINDOW'],
  },
  'GET /api/auth/session': { summary: '当前登录 · Who the window session is, at which window', tag: 'auth', replies: { 200: SessionReply } },
  'POST /api/auth/logout': { summary: '退出 · Sign out of the window', tag: 'auth', replies: { 204: null } },
  'POST /api/auth/pin': { summary: '修改密码 · Change one’s own PIN', tag: 'auth', body: ChangePinBody, replies: { 204: null }, errors: [...PIN_REFUSALS, 'PIN_TOO_WEAK'] },

  // ---- ratings
  'POST /api/evaluations': {
    summary: '评价 · Rate a visit (the pad by ticket id, the phone by the ticket’s secret)',
    tag: 'evaluations',
    body: RateBody,
    replies: { 201: RateReply },
    errors: ['TICKET_NOT_FOUND', 'TICKET_NOT_FINISHED', 'ALREADY_RATED', 'EVALUATION_CLOSED', 'EVALUATION_WRONG_WINDOW'],
  },
  'POST /api/evaluations/held': {
    summary: '差评暂存 · What the visitor chose so far after a poor level',
    tag: 'evaluations',
    body: HeldRatingBody,
    replies: { 200: HeldRatingReply },
    errors: ['TICKET_NOT_FOUND', 'ALREADY_RATED', 'EVALUATION_CLOSED', 'EVALUATION_WRONG_WINDOW'],
  },
  'POST /api/evaluations/held/release': {
    summary: '返回 · Let go of the poor level held so far',
    tag: 'evaluations',
    body: ReleaseHeldRatingBody,
    replies: { 200: HeldRatingReply },
    errors: ['TICKET_NOT_FOUND', 'EVALUATION_WRONG_WINDOW'],
  },
  'GET /api/evaluations/:ticketId': { summary: '评价详情 · A rating as recorded', tag: 'evaluations', params: TicketIdPath, replies: { 200: EvaluationReply }, errors: ['TICKET_NOT_FOUND'] },

  // ---- the office
  'POST /api/office/login': { summary: '值班长/管理员登录 · Sign in at the office pages', tag: 'office', body: OfficeLoginBody, replies: { 200: OfficeLoginReply }, errors: PIN_REFUSALS },
  'GET /api/office/session': { summary: '当前登录 · Who the office session is', tag: 'office', replies: { 200: OfficeSessionReply } },
  'POST /api/office/logout': { summary: '退出 · Sign out of the office pages', tag: 'office', replies: { 204: null } },
  'GET /api/follow-ups': { summary: '整改 · Follow-ups of poor ratings', tag: 'office', querystring: FollowUpsQuery, replies: { 200: FollowUpsReply } },
  'POST /api/follow-ups/:id/callback': {
    summary: '回访 · Record the call back to the visitor',
    tag: 'office',
    params: IdPath,
    body: FollowUpStepBody,
    replies: { 200: FollowUpReply },
    errors: ['FOLLOW_UP_NOT_FOUND', 'FOLLOW_UP_STEP_DONE'],
  },
  'POST /api/follow-ups/:id/fix': {
    summary: '整改完成 · Record the fix',
    tag: 'office',
    params: IdPath,
    body: FollowUpStepBody,
    replies: { 200: FollowUpReply },
    errors: ['FOLLOW_UP_NOT_FOUND', 'FOLLOW_UP_CALLBACK_FIRST', 'FOLLOW_UP_STEP_DONE'],
  },

  'GET /api/office/live': {
    summary: '大厅实况 · What the office’s live view needs beyond the snapshot',
    description: 'Since when each window is in its state, each queue’s longest wait, which enrolled kiosks and pads have their line, and the hall’s targets.',
    tag: 'office',
    replies: { 200: OfficeLiveReply },
  },

  // ---- leader duty and on-site service (the office)
  'POST /api/leader-duty': {
    summary: '记录领导值班 · Record a leader’s sitting at the department’s window',
    tag: 'leader-duty',
    body: LeaderDutyBody,
    replies: { 201: LeaderDutyVisitReply },
    errors: ['DEPARTMENT_NOT_FOUND', 'WINDOW_NOT_FOUND', 'LEADER_DUTY_WRONG_WINDOW', 'LEADER_DUTY_DATE_FUTURE'],
  },
  'GET /api/leader-duty': {
    summary: '领导值班 · The span’s sittings and each department’s standing',
    tag: 'leader-duty',
    querystring: LeaderDutyQuery,
    replies: { 200: LeaderDutyReply },
  },
  'POST /api/onsite-services': {
    summary: '上门服务登记 · Take an on-site service request',
    tag: 'onsite',
    body: OnsiteServiceBody,
    replies: { 201: OnsiteServiceReply },
    errors: ['STAFF_NOT_FOUND'],
  },
  'PATCH /api/onsite-services/:id': {
    summary: '上门服务进展 · Assign staff or move an on-site service on, with a note',
    tag: 'onsite',
    params: IdPath,
    body: OnsiteServiceChange,
    replies: { 200: OnsiteServiceReply },
    errors: ['ONSITE_SERVICE_NOT_FOUND', 'ONSITE_MOVE_INVALID', 'ONSITE_STAFF_REQUIRED', 'STAFF_NOT_FOUND'],
  },
  'GET /api/onsite-services': {
    summary: '上门服务列表 · On-site services by status and span',
    tag: 'onsite',
    querystring: OnsiteQuery,
    replies: { 200: OnsiteServicesReply },
  },

  // ---- 好差评 published and handed on
  'GET /api/evaluations/export': {
    summary: '好差评导出 · The span’s ratings for the provincial 好差评 platform',
    description: 'Every rating with its time, level and stars, reasons, channel, window, department, staff number, category and 事项, 办件编号 and follow-up state; never the visitor’s call-back number or comment. Field names: README, “好差评 export”.',
    tag: 'evaluations',
    querystring: RatingsExportQuery,
    replies: { 200: { files: [XLSX], json: RatingsExport, description: '`format=json`: JSON; `format=xlsx`: a workbook with Chinese headers' } },
  },
  'GET /api/public/ratings': {
    summary: '好差评公示 · The month’s ratings per window, published',
    description: 'Ratings, satisfaction rate, poor ratings and those rectified on time, per window and for the hall; no visitor’s data.',
    tag: 'public',
    querystring: PublicRatingsQuery,
    replies: { 200: PublicRatings },
  },

  // ---- reports
  'GET /api/reports/hall': { summary: '大厅统计 · The hall’s figures over a span of service days', tag: 'reports', querystring: ReportQuery, replies: { 200: HallReport } },
  'GET /api/reports/summary': {
    summary: '统计报表 · Figures over a span of service days by window, department, category or staff',
    description: 'How every figure is counted: docs/REPORTS.md.',
    tag: 'reports',
    querystring: SummaryQuery,
    replies: { 200: SummaryReport },
  },
  'GET /api/reports/monthly': {
    summary: '月度通报 · The month’s windows ranked, with departments, staff and the changes against the month before',
    description: 'The ranking’s formula: docs/REPORTS.md.',
    tag: 'reports',
    querystring: MonthlyQuery,
    replies: { 200: MonthlyReport },
  },
  'GET /api/reports/monthly.xlsx': {
    summary: '月度通报 Excel · The monthly report as a workbook',
    description: 'Headers in Chinese, or English by `Accept-Language`; the file named for the month (`Content-Disposition`).',
    tag: 'reports',
    querystring: MonthlyQuery,
    replies: { 200: { files: [XLSX], description: '工作表 窗口、部门、人员、好差评、领导值班 · Sheets: windows, departments, staff, ratings, leader duty' } },
  },
  'GET /api/reports/monthly.csv': {
    summary: '月度通报 CSV · The windows’ ranking as CSV',
    description: 'Headers in Chinese, or English by `Accept-Language`; the file named for the month (`Content-Disposition`).',
    tag: 'reports',
    querystring: MonthlyQuery,
    replies: { 200: { files: ['text/csv'], description: '窗口排名 CSV (UTF-8) · The windows ranked, one a row' } },
  },

  // ---- guides and devices
  'POST /api/help-requests': { summary: '呼叫导服员 · A kiosk calls a guide', tag: 'help', body: HelpRequestBody, replies: { 201: HelpRequestReply }, errors: ['KIOSK_NOT_REGISTERED'] },
  'GET /api/help-requests': { summary: '待处理呼叫 · Open help requests', tag: 'help', replies: { 200: HelpRequestsReply } },
  'POST /api/help-requests/:id/handled': { summary: '已处理 · Mark a help request handled', tag: 'help', params: IdPath, replies: { 200: HelpRequestReply }, errors: ['HELP_REQUEST_NOT_FOUND'] },
  'GET /api/devices/self': { summary: '本机身份 · Who the device’s credential says it is', tag: 'devices', replies: { 200: DeviceSelfReply } },
  'GET /api/devices/faults': { summary: '设备故障 · The devices’ open faults', tag: 'devices', replies: { 200: DeviceFaultsReply } },
  'PUT /api/devices/:deviceId/status': {
    summary: '打印机状态 · A kiosk reports its printer out of paper, or working again',
    tag: 'devices',
    params: DevicePath,
    body: DeviceStatusBody,
    replies: { 200: DeviceFaultsReply },
    errors: ['KIOSK_NOT_REGISTERED'],
  },

  // ---- pairing
  'POST /api/pairings': { summary: '申请配对 · A new device asks for a pairing code', tag: 'pairing', body: PairingRequestBody, replies: { 201: PairingRequestReply }, errors: ['PAIRINGS_FULL'] },
  'GET /api/pairings/:pairingId': { summary: '配对结果 · Whether an administrator approved the code', tag: 'pairing', params: PairingPath, replies: { 200: PairingStatusReply }, errors: ['PAIRING_NOT_FOUND'] },
  'GET /api/admin/pairings': { summary: '待配对设备 · Devices waiting to be paired', tag: 'pairing', replies: { 200: PendingPairingsReply } },
  'POST /api/admin/pairings': { summary: '批准配对 · Approve a device’s pairing code', tag: 'pairing', body: ApprovePairingBody, replies: { 201: ApprovePairingReply }, errors: ['PAIRING_NOT_FOUND', 'SETUP_INVALID'] },

  // ---- the administrators' console
  'GET /api/admin/setup': { summary: '大厅设置 · The hall’s whole set-up', tag: 'admin', replies: { 200: HallSetupFile } },
  'PUT /api/admin/setup': {
    summary: '替换设置 · Replace the whole set-up (`dryRun=true`: only say what would change)',
    tag: 'admin',
    querystring: DryRunQuery,
    body: HallSetupFile,
    replies: { 200: SetupChangeReply },
    errors: ['SETUP_INVALID', 'WINDOW_SERVING', 'WINDOW_HAS_SENT_TICKETS', 'CATEGORY_HAS_WAITING', 'CATEGORY_IN_USE', 'STAFF_SERVING', 'LAST_ADMIN'],
  },
  'PUT /api/admin/windows/:no': { summary: '设置窗口 · Add or change a window', tag: 'admin', params: WindowPath, body: AdminWindowBody, replies: { 200: AdminWindowReply }, errors: ['SETUP_INVALID', 'WINDOW_SERVING'] },
  'DELETE /api/admin/windows/:no': {
    summary: '删除窗口 · Remove a window',
    tag: 'admin',
    params: WindowPath,
    replies: { 204: null },
    errors: ['WINDOW_NOT_FOUND', 'WINDOW_SERVING', 'WINDOW_HAS_SENT_TICKETS', 'WINDOW_HAS_PADS'],
  },
  'PUT /api/admin/categories/:code': { summary: '设置业务类别 · Add or change a category', tag: 'admin', params: CategoryPath, body: AdminCategoryBody, replies: { 200: AdminCategoryReply }, errors: ['SETUP_INVALID'] },
  'DELETE /api/admin/categories/:code': {
    summary: '删除业务类别 · Remove a category',
    tag: 'admin',
    params: CategoryPath,
    replies: { 204: null },
    errors: ['CATEGORY_NOT_FOUND', 'CATEGORY_HAS_WAITING', 'CATEGORY_IN_USE', 'CATEGORY_HAS_APPOINTMENTS'],
  },
  'POST /api/admin/items/import': {
    summary: '事项导入 · Import the service items sheet (.xlsx or .csv; `dryRun=true`: only say what would change)',
    tag: 'admin',
    querystring: DryRunQuery,
    upload: SHEET_TYPES,
    replies: { 200: SetupChangeReply },
    errors: ['IMPORT_INVALID', 'SETUP_INVALID'],
  },
  'PUT /api/admin/staff/:staffNo': { summary: '设置人员 · Add or change a staff member', tag: 'admin', params: StaffPath, body: AdminStaffBody, replies: { 200: AdminStaffReply }, errors: ['SETUP_INVALID', 'LAST_ADMIN', 'STAFF_ON_ROSTER'] },
  'POST /api/admin/staff/:staffNo/pin': { summary: '重置密码 · Reset a staff member’s PIN', tag: 'admin', params: StaffPath, body: PinResetBody, replies: { 204: null }, errors: ['STAFF_NOT_FOUND', 'PIN_TOO_WEAK'] },
  'PUT /api/admin/settings': { summary: '大厅参数 · The hall’s settings', tag: 'admin', body: AdminSettingsBody, replies: { 200: AdminSettingsReply }, errors: ['SETUP_INVALID'] },
  'GET /api/admin/devices': { summary: '设备一览 · Every device the hall knows', tag: 'admin', replies: { 200: AdminDevicesReply } },
  'POST /api/admin/devices': { summary: '登记设备 · Enrol a device: its credential, once', tag: 'admin', body: EnrolDeviceBody, replies: { 201: EnrolDeviceReply }, errors: ['SETUP_INVALID'] },
  'PUT /api/admin/devices/:deviceId': { summary: '设置设备 · Rename a device or bind it to a window', tag: 'admin', params: DevicePath, body: AdminDeviceBody, replies: { 200: AdminDeviceReply }, errors: ['DEVICE_NOT_FOUND', 'SETUP_INVALID'] },
  'DELETE /api/admin/devices/:deviceId': { summary: '注销设备 · Revoke a device’s credential', tag: 'admin', params: DevicePath, replies: { 204: null }, errors: ['DEVICE_NOT_FOUND'] },
  'GET /api/admin/audit': { summary: '审计日志 · The audit log', tag: 'admin', querystring: AuditQuery, replies: { 200: AuditReply } },
  'GET /api/admin/audit.csv': {
    summary: '导出审计日志 · The audit log as CSV for Excel',
    tag: 'admin',
    querystring: AuditQuery,
    replies: { 200: { files: ['text/csv'], description: '审计日志 CSV (UTF-8) · The audit log, one entry a row' } },
  },
  // Backups (issue 17, H1).
  'GET /api/admin/backups': { summary: '备份一览 · The backups kept, and when the next nightly one runs', tag: 'admin', replies: { 200: BackupsReply } },
  'POST /api/admin/backups': {
    summary: '立即备份 · Make a backup now (answered once it is made and checked)',
    tag: 'admin',
    replies: { 201: BackupReply },
    errors: ['BACKUP_RUNNING', 'BACKUP_FAILED', 'BACKUP_DAMAGED'],
  },

  // ---- this document
  [`GET ${OPENAPI_ROUTE}`]: {
    summary: 'API 文档 · This OpenAPI 3 document',
    tag: 'docs',
    replies: { 200: z.looseObject({ openapi: z.string() }) },
  },
};
