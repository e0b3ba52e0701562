import Database from 'better-sqlite3';
import type { PrintFault, SatisfactionLevel, WindowState } from '@hall/shared';
import { ticketKey, type ModelTicket } from './model';

// The hall as its database holds it after a restart, read beside the running server (WAL lets a
// reader in): what the crash loop compares with what the clients were told.

/** A ticket row as on disk: what the model knows of it, with its id and place in the day's numbering. */
export interface DiskTicket extends Omit<ModelTicket, 'id' | 'leg' | 'phase'> {
  id: string;
  seq: number;
}

export interface DiskWindow {
  no: number;
  state: WindowState;
  pauseReason: string | null;
  pauseUntil: number | null;
  staffNo: string | null;
  /** The ticket in hand, by ticketKey. */
  current: string | null;
}

export interface DiskHall {
  tickets: Map<string, DiskTicket>;
  windows: Map<number, DiskWindow>;
  evaluations: Map<string, { status: string; level: SatisfactionLevel | null }>;
  faults: Map<string, PrintFault>;
  help: Map<string, { kiosk: string; handled: boolean }>;
  /** Events since the cycle began, counted as the model counts them (model.ts eventKey). */
  cycleEvents: Map<string, number>;
  /** help.requested events since the cycle began: id by kiosk. */
  cycleHelp: { id: string; kiosk: string }[];
  /** The day's latest calls, newest first, as a screen shows them: [number, window, recall]. */
  recentCalls: [string, number, boolean][];
  lastEventId: number;
}

const COUNTED = new Set(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.no_show', 'ticket.finished', 'ticket.transferred', 'window.paused', 'window.resumed', 'window.signed_in', 'window.signed_out', 'evaluation.rated', 'device.fault', 'device.recovered', 'help.requested', 'help.handled']);

interface EventRow {
  id: number;
  type: string;
  ticket_id: string | null;
  window_no: number | null;
  data: string;
}

function countKey(row: EventRow): string {
  const data = JSON.parse(row.data) as { deviceId?: string; helpRequestId?: string };
  if (row.type === 'ticket.issued') return row.type;
  if (row.type === 'evaluation.rated') return `${row.type}#${row.ticket_id}`;
  if (row.type === 'help.handled') return `${row.type}#${data.helpRequestId}`;
  if (row.type.startsWith('device.') || row.type === 'help.requested') return `${row.type}@${data.deviceId}`;
  return `${row.type}@${row.window_no}`;
}

export function readDisk(dbPath: string, sinceEventId: number): DiskHall {
  const db = new Database(dbPath, { readonly: true });
  try {
    const ticketRows = db
      .prepare(
        `SELECT id, service_date AS serviceDate, number, seq, secret, status, window_no AS windowNo, category, target_window_no AS targetWindowNo, item_code AS itemCode FROM tickets`,
      )
      .all() as DiskTicket[];
    const tickets = new Map(ticketRows.map((t) => [ticketKey(t.serviceDate, t.number), t]));
    const byId = new Map(ticketRows.map((t) => [t.id, ticketKey(t.serviceDate, t.number)]));
    const windowRows = db
      .prepare(`SELECT window_no AS no, state, pause_reason AS pauseReason, pause_until AS pauseUntil, staff_no AS staffNo, current_ticket_id AS currentId FROM window_status`)
      .all() as (Omit<DiskWindow, 'current'> & { currentId: string | null })[];
    const windows = new Map(windowRows.map(({ currentId, ...w }) => [w.no, { ...w, current: currentId === null ? null : (byId.get(currentId) ?? `unknown id ${currentId}`) }]));
    const evaluations = new Map(
      (db.prepare(`SELECT ticket_id AS ticketId, status, level FROM evaluations`).all() as { ticketId: string; status: string; level: SatisfactionLevel | null }[]).map((e) => [e.ticketId, { status: e.status, level: e.level }]),
    );
    const faults = new Map((db.prepare(`SELECT device_id AS deviceId, fault FROM device_faults`).all() as { deviceId: string; fault: PrintFault }[]).map((f) => [f.deviceId, f.fault]));
    const help = new Map<string, { kiosk: string; handled: boolean }>();
    for (const row of db.prepare(`SELECT type, data FROM events WHERE type IN ('help.requested', 'help.handled') ORDER BY id`).all() as { type: string; data: string }[]) {
      const { helpRequestId, deviceId } = JSON.parse(row.data) as { helpRequestId: string; deviceId: string };
      help.set(helpRequestId, { kiosk: deviceId, handled: row.type === 'help.handled' });
    }
    const cycleEvents = new Map<string, number>();
    const cycleHelp: DiskHall['cycleHelp'] = [];
    let lastEventId = sinceEventId;
    for (const row of db.prepare(`SELECT id, type, ticket_id, window_no, data FROM events WHERE id > ? ORDER BY id`).all(sinceEventId) as EventRow[]) {
      lastEventId = row.id;
      if (!COUNTED.has(row.type)) continue;
      const key = countKey(row);
      cycleEvents.set(key, (cycleEvents.get(key) ?? 0) + 1);
      if (row.type === 'help.requested') {
        const { helpRequestId, deviceId } = JSON.parse(row.data) as { helpRequestId: string; deviceId: string };
        cycleHelp.push({ id: helpRequestId, kiosk: deviceId });
      }
    }
    const calls = db
      .prepare(
        `SELECT t.number, e.window_no AS windowNo, e.type FROM events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.service_date = (SELECT MAX(service_date) FROM service_days) AND e.type IN ('ticket.called', 'ticket.recalled') ORDER BY e.id DESC LIMIT 8`,
      )
      .all() as { number: string; windowNo: number; type: string }[];
    const recentCalls = calls.map((c): [string, number, boolean] => [c.number, c.windowNo, c.type === 'ticket.recalled']);
    return { tickets, windows, evaluations, faults, help, cycleEvents, cycleHelp, recentCalls, lastEventId };
  } finally {
    db.close();
  }
}

/** The hall's own rules, whatever anyone was told: numbers 1..n with no gap or repeat, each ticket with one window at most. */
export function invariantProblems(disk: DiskHall): string[] {
  const problems: string[] = [];
  const seqs = new Map<string, number[]>();
  for (const t of disk.tickets.values()) {
    const key = `${t.serviceDate}/${t.number[0]}`;
    seqs.set(key, [...(seqs.get(key) ?? []), t.seq]);
    if (Number(t.number.slice(1)) !== t.seq) problems.push(`${t.number} has seq ${t.seq}`);
  }
  for (const [key, list] of seqs) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.some((seq, i) => seq !== i + 1)) problems.push(`numbers of ${key} are not 1..${sorted.length} once each: ${sorted.join(',')}`);
  }
  const holders = new Map<string, number[]>();
  for (const w of disk.windows.values()) {
    if (w.current === null) continue;
    holders.set(w.current, [...(holders.get(w.current) ?? []), w.no]);
    const t = disk.tickets.get(w.current);
    if (t?.status !== 'called' || t.windowNo !== w.no) problems.push(`window ${w.no} holds ${w.current}, which is ${t?.status} at window ${t?.windowNo}`);
  }
  for (const [key, windows] of holders) if (windows.length > 1) problems.push(`${key} is with windows ${windows.join(' and ')}`);
  for (const [key, t] of disk.tickets) if (t.status === 'called' && !holders.has(key)) problems.push(`${key} is called at window ${t.windowNo}, which does not hold it`);
  return problems;
}
