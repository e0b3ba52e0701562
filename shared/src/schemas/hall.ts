import { z } from 'zod';
import { DeviceId } from '../device/device-config-fields';
import { isValidTimeZone } from '../format/time';
import { rosterProblems } from './roster-rules';

// The hall's set-up: categories, windows and staff. Seeded from a config file on first start,
// then kept in the hall server's database.

export const CategoryCode = z.string().regex(/^[A-Z]$/, 'a category code is one capital letter');
export type CategoryCode = z.infer<typeof CategoryCode>;

export const WindowNo = z.number().int().min(1).max(999);
export const StaffNo = z.string().regex(/^\d{3,10}$/, 'a staff number is 3 to 10 digits');
export const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

/**
 * A name people read (a category, an item, a window, a person, a device): trimmed, not blank, and
 * without control or formatting characters (a NUL, a right-to-left override) that garble a screen.
 */
export function readableName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no control characters');
}

/** A list that names each thing once (roles, windows, categories). */
function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).refine((list) => new Set(list).size === list.length, 'each one once');
}

/** A category's items at most: the kiosk and /api/categories carry them all (the center has 185). */
export const MAX_SERVICE_ITEMS = 500;

export const ServiceItem = z.object({
  code: readableName(40),
  name: readableName(100),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

/** Each item's code once in its category: the items table keys them by (category, code). */
const ServiceItems = z.array(ServiceItem).max(MAX_SERVICE_ITEMS).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `service item ${item.code} is listed twice` });
    seen.add(item.code);
  });
});

export const Category = z.object({
  code: CategoryCode,
  name: readableName(40),
  nameEn: readableName(80).optional(),
  /** Used for the waiting estimate until the hall has handled tickets of this category. */
  defaultHandlingMinutes: z.number().positive().max(240).default(10),
  items: ServiceItems.default([]),
  /** Closed for new tickets (its kiosk tile says so); its waiting tickets are still called. */
  open: z.boolean().default(true),
});
export type Category = z.infer<typeof Category>;

/**
 * fifo: the oldest waiting ticket across the window's categories.
 * ordered: the first category in the window's list that has anyone waiting, then the oldest.
 */
export const RoutingMode = z.enum(['fifo', 'ordered']);
export type RoutingMode = z.infer<typeof RoutingMode>;

export const HallWindow = z.object({
  no: WindowNo,
  name: readableName(40),
  department: readableName(60),
  categories: uniqueList(CategoryCode).min(1),
  routing: RoutingMode.default('fifo'),
});
export type HallWindow = z.infer<typeof HallWindow>;

export const StaffRole = z.enum(['window', 'captain', 'guide', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Staff = z.object({
  staffNo: StaffNo,
  name: readableName(40),
  roles: uniqueList(StaffRole).min(1).default(['window']),
  /** The windows this person is authorised to sign in at. */
  windows: uniqueList(WindowNo).default([]),
  /** A person who left the hall: kept for the record, signs in nowhere. */
  active: z.boolean().default(true),
});
export type Staff = z.infer<typeof Staff>;

export const Shift = z.enum(['all_day', 'morning', 'afternoon']);
export type Shift = z.infer<typeof Shift>;
export const DutyRole = z.enum(['captain', 'guide']);
export type DutyRole = z.infer<typeof DutyRole>;

/** One line of a duty roster: who is 值班长 or 导服员, in which shift. */
export const RosterEntry = z.strictObject({ shift: Shift, role: DutyRole, staffNo: StaffNo });
export type RosterEntry = z.infer<typeof RosterEntry>;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const Weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export type Weekday = z.infer<typeof Weekday>;

/** The State Council's yearly holiday notice: days off on weekdays, and weekend days worked instead. */
export const WorkingCalendar = z.object({
  holidays: z.array(z.iso.date()).default([]),
  workdays: z.array(z.iso.date()).default([]),
});
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

export const QueueRules = z.object({
  /** After this many priority calls in a row, a window serves an ordinary ticket that has waited long. */
  priorityStreakLimit: z.number().int().min(1).max(100).default(3),
  ordinaryMaxWaitMinutes: z.number().min(0).max(600).default(20),
  /**
   * How many recent handling times of a category feed the waiting estimate. Fifty: the mean of
   * services that vary by half their mean is then known to about 7% (11% with 20), and the
   * estimate draws from a wider spread; a county hall's category sees that many in two or three
   * days, so a lasting change still shows within the week.
   */
  handlingSamples: z.number().int().min(1).max(500).default(50),
});
export type QueueRules = z.infer<typeof QueueRules>;

export const UnattendedTickets = z.enum(['allow', 'refuse']);
export type UnattendedTickets = z.infer<typeof UnattendedTickets>;

export const HallSettings = z.object({
  name: z.string().min(1).max(60),
  timezone: z.string().refine(isValidTimeZone, 'unknown time zone').default('Asia/Shanghai'),
  openingHours: z
    .object({ open: Clock, close: Clock })
    .refine((h) => h.open < h.close, 'opening must come before closing')
    .default({ open: '09:00', close: '17:00' }),
  rules: QueueRules.default({ priorityStreakLimit: 3, ordinaryMaxWaitMinutes: 20, handlingSamples: 50 }),
  /** The guides' shifts (导服员 work a morning or an afternoon; the duty captain the whole day). */
  shifts: z
    .object({
      morning: z.object({ start: Clock, end: Clock }),
      afternoon: z.object({ start: Clock, end: Clock }),
    })
    .default({ morning: { start: '08:30', end: '12:30' }, afternoon: { start: '12:30', end: '17:30' } }),
  /** The usual roster of each weekday; a day given its own roster (PUT /api/roster/:date) overrides it. */
  dutyWeek: z.partialRecord(Weekday, z.array(RosterEntry)).default({}),
  /** How long a window's pad asks for a rating before the ticket counts as 未评价. */
  evaluationSeconds: z.number().int().min(10).max(300).default(30),
  /** Working days for follow-up deadlines: Monday to Friday, less public holidays, plus make-up days (调休). */
  calendar: WorkingCalendar.default({ holidays: [], workdays: [] }),
  /** The line for complaints shown on the pads (e.g. the 12345 hotline or the center's supervision line). */
  supervisionPhone: z.string().trim().regex(/^[\d-]{3,20}$/, 'a phone number: digits and dashes').optional(),
  /**
   * A ticket for a category no open window serves after opening time (every window serving it
   * paused or closed): 'allow' issues it, its wait unknown and the visitor told to ask a guide;
   * 'refuse' answers CATEGORY_UNATTENDED, and the kiosk's tile says so.
   */
  unattendedTickets: UnattendedTickets.default('allow'),
  /** The demo hall (its staff share the demo PIN): outside it, nobody may choose that PIN. */
  demo: z.boolean().default(false),
  // ---- the office (issue 16) ----
  /** The hall's target wait: the office is alerted past it, and reports count who waited longer. */
  waitTargetMinutes: z.number().int().min(1).max(240).default(30),
  /** A window paused longer than this alerts the duty captain. */
  pauseLimitMinutes: z.number().int().min(1).max(240).default(20),
  /**
   * How often a department's leaders sit at its window (领导值班): the head once per half year,
   * a deputy once a month. A role is overdue when its last sitting is more than this many months
   * ago (or none is recorded).
   */
  leaderDuty: z
    .strictObject({ headEveryMonths: z.number().int().min(1).max(24), deputyEveryMonths: z.number().int().min(1).max(24) })
    .default({ headEveryMonths: 6, deputyEveryMonths: 1 }),
  // ---- operations (issue 17) ----
  /** The nightly backup: at this hall time, each kept this many days (HALL_BACKUP_DIR). */
  backup: z.strictObject({ time: Clock, keepDays: z.number().int().min(1).max(3650) }).default({ time: '02:00', keepDays: 30 }),
});
export type HallSettings = z.infer<typeof HallSettings>;

/** A staff member as written in a hall config file: with a PIN, which is stored only hashed. */
export const StaffWithPin = Staff.extend({ pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits') });

/** A ticket kiosk (取号机) and where it stands, as staff and visitors call it ("一楼大厅东侧取号机"). */
export const Kiosk = z.strictObject({ deviceId: DeviceId, name: readableName(40) });
export type Kiosk = z.infer<typeof Kiosk>;

export const Pad = z.strictObject({ deviceId: DeviceId, windowNo: WindowNo, name: readableName(40).optional() });
export type Pad = z.infer<typeof Pad>;

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

interface SetupShape {
  settings: HallSettings;
  categories: readonly Category[];
  windows: readonly HallWindow[];
  staff: readonly Staff[];
  pads: readonly Pad[];
  kiosks: readonly Kiosk[];
}

/** The rules a whole set-up keeps: every code once, and every reference to something that exists. */
function checkSetup(config: SetupShape, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const codes = config.categories.map((c) => c.code);
  for (const code of duplicates(codes)) problem(['categories'], `category ${code} is defined twice`);
  for (const no of duplicates(config.windows.map((w) => w.no))) problem(['windows'], `window ${no} is defined twice`);
  for (const no of duplicates(config.staff.map((s) => s.staffNo))) problem(['staff'], `staff number ${no} is used twice`);
  for (const id of duplicates(config.kiosks.map((k) => k.deviceId))) problem(['kiosks'], `kiosk ${id} is listed twice`);
  config.windows.forEach((window, i) => {
    for (const code of window.categories) {
      if (!codes.includes(code)) problem(['windows', i, 'categories'], `window ${window.no} serves unknown category ${code}`);
    }
  });
  for (const [weekday, entries] of Object.entries(config.settings.dutyWeek)) {
    for (const { index, message } of rosterProblems(entries ?? [], config.staff)) {
      problem(['settings', 'dutyWeek', weekday, ...(index === null ? [] : [index])], message);
    }
  }
  const { holidays, workdays } = config.settings.calendar;
  for (const date of duplicates(holidays)) problem(['settings', 'calendar', 'holidays'], `${date} is listed twice`);
  for (const date of duplicates(workdays)) problem(['settings', 'calendar', 'workdays'], `${date} is listed twice`);
  workdays.forEach((date, i) => {
    if (holidays.includes(date)) problem(['settings', 'calendar', 'workdays', i], `${date} is both a holiday and a make-up workday`);
  });
  const windowNos = config.windows.map((w) => w.no);
  for (const id of duplicates(config.pads.map((p) => p.deviceId))) problem(['pads'], `pad ${id} is listed twice`);
  config.pads.forEach((pad, i) => {
    if (!windowNos.includes(pad.windowNo)) problem(['pads', i, 'windowNo'], `pad ${pad.deviceId} faces unknown window ${pad.windowNo}`);
  });
  config.staff.forEach((staff, i) => {
    for (const no of staff.windows) {
      if (!windowNos.includes(no)) problem(['staff', i, 'windows'], `staff ${staff.staffNo} is authorised for unknown window ${no}`);
    }
  });
}

function setupSchema<S extends z.ZodType<Staff>>(staff: S) {
  return z
    .object({
      $comment: z.string().optional(),
      settings: HallSettings,
      categories: z.array(Category).min(1),
      windows: z.array(HallWindow).min(1),
      staff: z.array(staff),
      /** The evaluation pads (评价器) and the window each faces: a pad rates only its window's tickets. */
      pads: z.array(Pad).default([]),
      /** The ticket kiosks (取号机) by their place, so staff are told where one needs help. */
      kiosks: z.array(Kiosk).default([]),
    })
    .superRefine(checkSetup);
}

/** The file a hall is set up from on first start (see hall-server/config/demo-hall.json). */
export const HallConfigFile = setupSchema(StaffWithPin);
export type HallConfigFile = z.infer<typeof HallConfigFile>;

/**
 * The whole set-up as `GET /api/admin/setup` answers it (no PINs) and `PUT /api/admin/setup`
 * takes it: a person new to the hall may come with a first PIN.
 */
export const HallSetupFile = setupSchema(Staff.extend({ pin: StaffWithPin.shape.pin.optional() }));
export type HallSetupFile = z.infer<typeof HallSetupFile>;
