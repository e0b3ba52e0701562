import { locales, t, type Locale, type MessageKey } from '@hall/shared';
import type { AuditNames, AuditRow } from '../db/audit-store';

// One line per audit entry in the reader's language: 张三（1001）在 5 号窗口呼叫 A012,
// 管理员 李四 把 5 号窗口的业务改为 B. Pure: the row, the names the set-up has now, the language.

type Data = Record<string, unknown>;

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** A key of the table made from parts. */
const key = (...parts: string[]) => parts.join('.') as MessageKey;

/** The text of a key made from a value the event log holds, or that value itself if the table has no word for it. */
function word(locale: Locale, parts: string[], fallback: string): string {
  const k = key(...parts);
  return k in locales[locale] ? t(locale, k) : fallback;
}

/** What staff do at a window or a kiosk, where they are named with their number; the rest is done in the office. */
const AT_A_DESK = ['ticket.', 'window.', 'evaluation.'];

/** Who did it: at a window or kiosk by name and number; in the office by their role (管理员, 值班长) and name. */
function actor(row: AuditRow, locale: Locale): string {
  if (row.staffNo === null) return '';
  if (row.staffName === null) return t(locale, 'audit.actor.unknown', { staffNo: row.staffNo });
  const roles: string[] = row.staffRoles ? JSON.parse(row.staffRoles) : [];
  const atDesk = AT_A_DESK.some((prefix) => row.type.startsWith(prefix));
  const role = atDesk ? null : roles.includes('admin') ? 'admin' : roles.includes('captain') ? 'captain' : null;
  return role === null
    ? t(locale, 'audit.actor.staff', { name: row.staffName, staffNo: row.staffNo })
    : t(locale, key('audit.actor', role), { name: row.staffName });
}

function dayOf(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

export function auditSummary(row: AuditRow, data: Data, names: AuditNames, locale: Locale): string {
  const params: Record<string, string | number> = {
    actor: actor(row, locale),
    windowNo: row.windowNo ?? '',
    number: row.ticketNumber ?? '',
  };
  const kiosk = (deviceId: unknown) => names.kiosks.get(str(deviceId)) ?? str(deviceId);
  switch (row.type) {
    case 'ticket.called':
      return t(locale, data.how === 'by_number' ? 'audit.ticket.calledByNumber' : 'audit.ticket.called', params);
    case 'ticket.transferred': {
      const to =
        data.toWindowNo === null || data.toWindowNo === undefined
          ? t(locale, 'audit.toCategory', { category: str(data.toCategory), name: names.categories.get(str(data.toCategory)) ?? '' })
          : t(locale, 'audit.toWindow', { windowNo: str(data.toWindowNo) });
      return t(locale, 'audit.ticket.transferred', { ...params, to });
    }
    case 'ticket.reprinted':
      return t(locale, 'audit.ticket.reprinted', { ...params, kiosk: kiosk(data.deviceId) });
    case 'window.signed_out':
      return t(locale, key('audit.window.signed_out', SIGN_OUT_REASONS.includes(str(data.reason)) ? str(data.reason) : 'logout'), params);
    case 'window.paused':
      return t(locale, 'audit.window.paused', { ...params, reason: str(data.reason) });
    case 'appointment.booked':
    case 'roster.changed':
      return t(locale, key('audit', row.type), { ...params, date: dayOf(str(data.date), locale) });
    case 'notice.changed':
      return t(locale, data.text ? 'audit.notice.changed' : 'audit.notice.cleared', { ...params, text: str(data.text) });
    case 'help.handled':
      return t(locale, 'audit.help.handled', { ...params, kiosk: kiosk(data.deviceId) });
    case 'setup.changed':
      return setupSummary(params.actor as string, data, locale);
    case 'staff.pin_reset':
      return t(locale, 'audit.staff.pin_reset', { ...params, person: personOf(str(data.forStaffNo), names, locale) });
    case 'leader_duty.recorded':
      return t(locale, 'audit.leader_duty.recorded', {
        ...params,
        department: str(data.department),
        role: word(locale, ['leaderDuty.role', str(data.role)], str(data.role)),
        leader: str(data.leaderName),
        date: dayOf(str(data.date), locale),
      });
    case 'onsite.requested':
      return t(locale, 'audit.onsite.requested', { ...params, matter: str(data.matter), department: str(data.department), date: dayOf(str(data.date), locale) });
    case 'onsite.changed': {
      const staff = (Array.isArray(data.staffNos) ? data.staffNos : []).map((no) => personOf(str(no), names, locale)).join(t(locale, 'audit.listSeparator'));
      const line = data.from === data.status ? 'audit.onsite.reassigned' : key('audit.onsite.changed', str(data.status));
      return t(locale, line, { ...params, matter: str(data.matter), staff });
    }
    default: {
      // The kinds whose line needs nothing but the actor, the window and the number.
      const line = key('audit', row.type);
      return line in locales[locale] ? t(locale, line, params) : t(locale, 'audit.other', { ...params, kind: row.type });
    }
  }
}

/** Why a window's staff member was signed out, each with its own line. */
const SIGN_OUT_REASONS: readonly string[] = ['logout', 'replaced', 'moved', 'retired', 'deauthorised', 'window_removed', 'pin_reset'];

function personOf(staffNo: string, names: AuditNames, locale: Locale): string {
  const name = names.staff.get(staffNo);
  return name === undefined ? staffNo : t(locale, 'audit.actor.staff', { name, staffNo });
}

// ---- set-up changes ---------------------------------------------------------------------

type Thing = Data | undefined;

/** What was changed, in the reader's words: 5 号窗口, 业务类别 A 公安户政, 工作人员 张三（1001）. */
function subjectOf(part: string, keyOf: string, thing: Thing, locale: Locale): string {
  const name = str(thing?.name);
  switch (part) {
    case 'window':
      return t(locale, 'audit.subject.window', { windowNo: keyOf });
    case 'category':
      return t(locale, 'audit.subject.category', { code: keyOf, name });
    case 'staff':
      return t(locale, 'audit.subject.staff', { staffNo: keyOf, name });
    case 'pad':
    case 'kiosk':
      return t(locale, key('audit.subject', part), { deviceId: keyOf, name: name || keyOf });
    default:
      return t(locale, 'audit.subject.settings');
  }
}

/** A value short enough for the line, or null (then only the field is named). */
function shown(field: string, value: unknown, locale: Locale): string | null {
  const sep = t(locale, 'audit.listSeparator');
  if (value === undefined || value === null || value === '') return t(locale, 'audit.value.none');
  if (typeof value === 'boolean' || field === 'routing' || field === 'unattendedTickets') return word(locale, ['audit.value', field, String(value)], String(value));
  if (field === 'roles' && Array.isArray(value)) return value.map((r) => word(locale, ['audit.value.role', String(r)], String(r))).join(sep);
  if (field === 'items' && Array.isArray(value)) return t(locale, 'audit.value.items', { count: value.length });
  if (field === 'openingHours' && typeof value === 'object') {
    const hours = value as Data;
    return `${str(hours.open)}–${str(hours.close)}`;
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(sep);
  return null;
}

function fieldName(field: string, locale: Locale): string {
  return word(locale, ['audit.field', field], field);
}

function setupSummary(actorText: string, data: Data, locale: Locale): string {
  const part = str(data.part);
  const before = data.before as Thing;
  const after = data.after as Thing;
  const subject = subjectOf(part, str(data.key), after ?? before, locale);
  const params = { actor: actorText, subject };
  // The kiosk's order of the category tiles, or of the kiosks: the list as it now stands.
  if (data.key === '#order' && Array.isArray(after)) {
    const things = word(locale, ['audit.order', part], part);
    return t(locale, 'audit.setup.order', { actor: actorText, things, order: after.map(str).join(t(locale, 'audit.listSeparator')) });
  }
  if (data.change === 'added' || data.change === 'removed') return t(locale, key('audit.setup', str(data.change)), params);
  // A person retired, a category closed for new tickets: said as such.
  if (part === 'staff' && before?.active !== false && after?.active === false) return t(locale, 'audit.setup.retired', params);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (f) => JSON.stringify(before?.[f]) !== JSON.stringify(after?.[f]),
  );
  if (fields.length === 0) return t(locale, 'audit.setup.changedFields', { ...params, fields: '' });
  const values = fields.map((f) => ({ field: f, value: shown(f, after?.[f], locale) }));
  const sep = t(locale, 'audit.changeSeparator');
  if (values.every((v) => v.value !== null)) {
    const changes = values.map((v) => t(locale, 'audit.setup.fieldTo', { field: fieldName(v.field, locale), value: v.value! })).join(sep);
    return t(locale, 'audit.setup.changedTo', { ...params, changes });
  }
  return t(locale, 'audit.setup.changedFields', { ...params, fields: fields.map((f) => fieldName(f, locale)).join(t(locale, 'audit.listSeparator')) });
}
