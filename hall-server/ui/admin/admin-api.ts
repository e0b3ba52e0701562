import {
  AdminCategoryReply,
  AdminDeviceReply,
  AdminDevicesReply,
  AdminSettingsReply,
  AdminStaffReply,
  AdminWindowReply,
  ApprovePairingReply,
  EnrolDeviceReply,
  PendingPairingsReply,
  ApiError,
  AuditReply,
  DutyPeopleReply,
  ErrorReply,
  HallSetupFile,
  RosterReply,
  SetupChangeReply,
  type AdminCategoryBody,
  type AdminDeviceBody,
  type AdminDeviceView,
  type AdminSettingsBody,
  type AdminStaffBody,
  type AdminWindowBody,
  type ApprovePairingBody,
  type EnrolDeviceBody,
  type PendingPairing,
  type ApiClient,
  type AuditQuery,
  type Locale,
  type RosterEntry,
  BackupReply,
  BackupsReply,
  HealthReply,
} from '@hall/shared';
import { z } from 'zod';
import { isSessionGone } from '../office/office-session';

// The admin page's requests (/api/admin/…, the roster and the notice), signed with the office
// session's token and read with the shared schemas. A refusal that means the session ended is
// reported once, to send the page back to sign-in, and still rejects for the caller.

/** A removal's answer carries nothing the page reads. */
const Removed = z.unknown();

export type AuditFilter = Pick<AuditQuery, 'from' | 'to'> & { staffNo: string; windowNo: string; kind: string };

export interface AdminApi {
  setup(): Promise<HallSetupFile>;
  importSetup(setup: HallSetupFile, dryRun: boolean): Promise<SetupChangeReply>;
  saveCategory(code: string, body: AdminCategoryBody): Promise<unknown>;
  removeCategory(code: string): Promise<unknown>;
  saveWindow(no: number, body: AdminWindowBody): Promise<unknown>;
  removeWindow(no: number): Promise<unknown>;
  saveStaff(staffNo: string, body: AdminStaffBody): Promise<unknown>;
  resetPin(staffNo: string, pin: string): Promise<unknown>;
  saveSettings(body: AdminSettingsBody): Promise<unknown>;
  devices(): Promise<AdminDeviceView[]>;
  saveDevice(deviceId: string, body: AdminDeviceBody): Promise<unknown>;
  removeDevice(deviceId: string): Promise<unknown>;
  // Pairing (issue 15): the devices waiting with their codes, approving one, enrolling directly.
  pendingPairings(): Promise<PendingPairing[]>;
  approvePairing(body: ApprovePairingBody): Promise<ApprovePairingReply>;
  enrolDevice(body: EnrolDeviceBody): Promise<EnrolDeviceReply>;
  roster(date: string): Promise<RosterReply>;
  /** Who may be put on a roster (active duty captains and guides). */
  dutyPeople(): Promise<DutyPeopleReply['people']>;
  saveRoster(date: string, entries: RosterEntry[]): Promise<RosterReply>;
  saveNotice(text: string): Promise<unknown>;
  audit(filter: AuditFilter): Promise<AuditReply>;
  /** The audit log as the CSV file the server writes. */
  auditCsv(filter: AuditFilter): Promise<Blob>;
  /** Service items from an XLSX or CSV file: `dryRun` reports the differences and writes nothing. */
  importItems(file: File, dryRun: boolean): Promise<SetupChangeReply>;
  // Backups and the hall's health (issue 17).
  health(): Promise<HealthReply>;
  backups(): Promise<BackupsReply>;
  /** Answers once the backup is made and checked; a failed one rejects with its code (its record in the details). */
  backUp(): Promise<BackupReply>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's own type, or the one its name says (browsers leave CSV's empty on some systems). */
export function spreadsheetType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

export function adminApi(api: ApiClient, token: string, locale: Locale, onSessionGone: () => void): AdminApi {
  const signed = <T>(request: Promise<T>): Promise<T> =>
    request.catch((error: unknown) => {
      if (isSessionGone(error)) onSessionGone();
      throw error;
    });
  const options = { token, locale };
  const send = <S extends z.ZodType>(method: string, path: string, reply: S, body?: unknown) =>
    signed(api.request(method, path, reply, body === undefined ? options : { ...options, body }));
  const dry = (dryRun: boolean) => `dryRun=${dryRun}`;
  const auditQuery = (filter: AuditFilter) => new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== '')).toString();

  /** A request whose body or reply is not JSON (a file up or down); failures read as the client reads them. */
  const raw = async (method: string, path: string, body?: { data: Blob; type: string }): Promise<Response> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': locale };
    if (body) headers['content-type'] = body.type;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body ? { body: body.data } : {}) });
    } catch (error) {
      throw new ApiError('NETWORK_ERROR', 0, (error as Error).message);
    }
    if (response.status < 400) return response;
    const text = await response.text();
    const reply = ErrorReply.safeParse(parseJson(text));
    if (!reply.success) throw new ApiError('BAD_REPLY', response.status, text.slice(0, 200));
    throw new ApiError(reply.data.error.code, response.status, reply.data.error.message, reply.data.error.details);
  };

  return {
    setup: () => send('GET', '/api/admin/setup', HallSetupFile),
    importSetup: (setup, dryRun) => send('PUT', `/api/admin/setup?${dry(dryRun)}`, SetupChangeReply, setup),
    saveCategory: (code, body) => send('PUT', `/api/admin/categories/${code}`, AdminCategoryReply, body),
    removeCategory: (code) => send('DELETE', `/api/admin/categories/${code}`, Removed),
    saveWindow: (no, body) => send('PUT', `/api/admin/windows/${no}`, AdminWindowReply, body),
    removeWindow: (no) => send('DELETE', `/api/admin/windows/${no}`, Removed),
    saveStaff: (staffNo, body) => send('PUT', `/api/admin/staff/${staffNo}`, AdminStaffReply, body),
    resetPin: (staffNo, pin) => send('POST', `/api/admin/staff/${staffNo}/pin`, Removed, { pin }),
    saveSettings: (body) => send('PUT', '/api/admin/settings', AdminSettingsReply, body),
    devices: async () => (await send('GET', '/api/admin/devices', AdminDevicesReply)).devices,
    saveDevice: (deviceId, body) => send('PUT', `/api/admin/devices/${encodeURIComponent(deviceId)}`, AdminDeviceReply, body),
    removeDevice: (deviceId) => send('DELETE', `/api/admin/devices/${encodeURIComponent(deviceId)}`, Removed),
    pendingPairings: async () => (await send('GET', '/api/admin/pairings', PendingPairingsReply)).pairings,
    approvePairing: (body) => send('POST', '/api/admin/pairings', ApprovePairingReply, body),
    enrolDevice: (body) => send('POST', '/api/admin/devices', EnrolDeviceReply, body),
    roster: (date) => send('GET', `/api/roster/${date}`, RosterReply),
    dutyPeople: async () => (await send('GET', '/api/duty/people', DutyPeopleReply)).people,
    saveRoster: (date, entries) => send('PUT', `/api/roster/${date}`, RosterReply, { entries }),
    saveNotice: (text) => send('PUT', '/api/hall/notice', Removed, { text }),
    audit: (filter) => send('GET', `/api/admin/audit?${auditQuery(filter)}`, AuditReply),
    auditCsv: async (filter) => (await signed(raw('GET', `/api/admin/audit.csv?${auditQuery(filter)}`))).blob(),
    health: () => send('GET', '/api/health', HealthReply),
    backups: () => send('GET', '/api/admin/backups', BackupsReply),
    backUp: () => send('POST', '/api/admin/backups', BackupReply),
    importItems: async (file, dryRun) => {
      const response = await signed(raw('POST', `/api/admin/items/import?${dry(dryRun)}`, { data: file, type: spreadsheetType(file) }));
      const reply = SetupChangeReply.safeParse(await response.json());
      if (!reply.success) throw new ApiError('BAD_REPLY', response.status, reply.error.message);
      return reply.data;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Hands a file the page made or fetched to the browser's downloads. */
export function download(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
