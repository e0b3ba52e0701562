import type { DiskHall } from './disk';
import { eventKey, type AckedHall, type Change } from './model';

// After a restart: every acknowledged change is on disk; of the changes the kill cut off, each
// is there or not, and one that is there is there whole (its event, its ticket, its window, all
// of it). Which ones made it is read from the event log (one event per change, written in the
// change's own commit); the model then takes them in and must equal the disk, row for row.

export interface Reconciled {
  problems: string[];
  /** The cut-off changes that are on disk, and those that are not. */
  landed: Change[];
  lost: Change[];
  /** The tickets of cut-off taps that were issued: a kiosk asking again with the same key must get these back. */
  landedIssues: string[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function reconcile(hall: AckedHall, disk: DiskHall, cutOff: readonly Change[]): Reconciled {
  const problems: string[] = [];
  const landed: Change[] = [];
  const lost: Change[] = [];

  // 1. The log: every acknowledged change's event, no more than the cut-off ones besides.
  const cutByKey = new Map<string, Change[]>();
  for (const change of cutOff) cutByKey.set(eventKey(change), [...(cutByKey.get(eventKey(change)) ?? []), change]);
  const keys = new Set([...hall.cycleEvents.keys(), ...disk.cycleEvents.keys(), ...cutByKey.keys()]);
  for (const key of keys) {
    const acked = hall.cycleEvents.get(key) ?? 0;
    const onDisk = disk.cycleEvents.get(key) ?? 0;
    const cut = cutByKey.get(key) ?? [];
    if (onDisk < acked) problems.push(`lost: ${acked} acknowledged ${key}, ${onDisk} on disk`);
    else if (onDisk > acked + cut.length) problems.push(`${onDisk - acked} ${key} on disk that nobody was told of (${cut.length} cut off)`);
    // Taps are told apart by the tickets they left (below); any other key has one change in flight at most.
    if (key === 'ticket.issued') continue;
    const extra = Math.max(0, Math.min(onDisk - acked, cut.length));
    landed.push(...cut.slice(0, extra));
    lost.push(...cut.slice(extra));
  }

  // 2. What the landed ones did, taken into the model: tickets first, then what windows did, calls last
  //    (a call may have taken a ticket that a cut-off tap issued or a cut-off transfer sent back).
  const landedIssues = [...disk.tickets.keys()].filter((key) => !hall.tickets.has(key));
  const taps = [...(cutByKey.get('ticket.issued') ?? [])];
  const issuedInCycle = (disk.cycleEvents.get('ticket.issued') ?? 0) - (hall.cycleEvents.get('ticket.issued') ?? 0);
  if (landedIssues.length !== issuedInCycle) problems.push(`${landedIssues.length} tickets on disk nobody was told of, ${issuedInCycle} issued unanswered`);
  for (const key of landedIssues) {
    const t = disk.tickets.get(key)!;
    const tap = taps.findIndex((c) => c.kind === 'issue' && c.tap.category === t.category);
    if (tap < 0) problems.push(`ticket ${key} (${t.category}) on disk, which no cut-off tap asked for`);
    else landed.push(...taps.splice(tap, 1));
    hall.tickets.set(key, { serviceDate: t.serviceDate, number: t.number, id: t.id, secret: null, status: 'waiting', windowNo: null, category: t.category, targetWindowNo: null, itemCode: null, leg: 0, phase: 0 });
  }
  lost.push(...taps);

  const order = (c: Change) => (c.kind === 'window' && c.action === 'call-next' ? 1 : 0);
  for (const change of [...landed].sort((a, b) => order(a) - order(b))) {
    if (change.kind === 'rate') hall.ratings.set(change.ticketId, change.level);
    else if (change.kind === 'printer') {
      if (change.fault === null) hall.faults.delete(change.kiosk);
      else hall.faults.set(change.kiosk, change.fault);
    } else if (change.kind === 'help') {
      const made = disk.cycleHelp.find((h) => h.kiosk === change.kiosk && !hall.help.has(h.id));
      if (made) hall.help.set(made.id, { kiosk: change.kiosk, handled: false });
    } else if (change.kind === 'help-handled') hall.help.set(change.id, { kiosk: change.kiosk, handled: true });
    else if (change.kind === 'window') {
      const w = hall.window(change.no);
      const inHand = change.ticket === null ? null : hall.tickets.get(change.ticket)!;
      const body = change.body ?? {};
      switch (change.action) {
        case 'call-next': {
          const taken = disk.windows.get(change.no)?.current ?? null;
          const ticket = taken === null ? undefined : hall.tickets.get(taken);
          if (!ticket || ticket.status !== 'waiting') {
            problems.push(`window ${change.no}'s call is in the log but the window holds ${taken} (${ticket?.status ?? 'unknown'})`);
            break;
          }
          Object.assign(ticket, { status: 'called', windowNo: change.no, phase: 1 });
          w.current = taken;
          break;
        }
        case 'recall':
          break;
        case 'no-show':
          Object.assign(inHand!, { status: 'no_show', phase: 2 });
          w.current = null;
          break;
        case 'finish':
          Object.assign(inHand!, { status: 'finished', phase: 2, itemCode: (body.itemCode as string | undefined) ?? null });
          w.current = null;
          break;
        case 'transfer': {
          const toWindow = (body.toWindow as number | undefined) ?? null;
          Object.assign(inHand!, { status: 'waiting', phase: 0, targetWindowNo: toWindow, ...(toWindow === null ? { category: body.toCategory as string } : {}) });
          w.current = null;
          break;
        }
        case 'pause':
          // The reopening time is the server's reading of `until` on its clock: taken from the disk, present only if asked.
          Object.assign(w, { state: 'paused', pauseReason: body.reason, pauseUntil: body.until === undefined ? null : iso(disk.windows.get(change.no)?.pauseUntil ?? null) });
          break;
        case 'resume':
          Object.assign(w, { state: 'open', pauseReason: null, pauseUntil: null });
          break;
        case 'sign-in':
          Object.assign(w, { signedIn: w.staffNo, state: w.state === 'paused' ? 'paused' : 'open' });
          break;
        case 'sign-out':
          Object.assign(w, { token: null, signedIn: null, state: 'closed', pauseReason: null, pauseUntil: null });
          break;
      }
    }
  }

  // 3. Row for row.
  for (const [key, t] of hall.tickets) {
    const d = disk.tickets.get(key);
    if (!d) {
      problems.push(`lost ticket ${key}`);
      continue;
    }
    const want = { status: t.status, windowNo: t.windowNo, category: t.category, targetWindowNo: t.targetWindowNo, ...(t.status === 'finished' ? { itemCode: t.itemCode } : {}) };
    const got = { status: d.status, windowNo: d.windowNo, category: d.category, targetWindowNo: d.targetWindowNo, ...(t.status === 'finished' ? { itemCode: d.itemCode } : {}) };
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`ticket ${key}: told ${JSON.stringify(want)}, on disk ${JSON.stringify(got)}`);
    if (t.secret !== null && d.secret !== t.secret) problems.push(`ticket ${key}: the kiosk's secret is not the one on disk`);
    if (t.status === 'finished' && t.id !== null && !disk.evaluations.has(t.id)) problems.push(`ticket ${key} finished without its rating asked`);
  }
  for (const w of hall.windows.values()) {
    const d = disk.windows.get(w.no);
    const want = { state: w.state, pauseReason: w.pauseReason, pauseUntil: w.pauseUntil, staffNo: w.signedIn, current: w.current };
    // No row yet: nobody ever signed in there, closed (as the store reads it).
    const got = d ? { state: d.state, pauseReason: d.pauseReason, pauseUntil: iso(d.pauseUntil), staffNo: d.staffNo, current: d.current } : { state: 'closed', pauseReason: null, pauseUntil: null, staffNo: null, current: null };
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`window ${w.no}: told ${JSON.stringify(want)}, on disk ${JSON.stringify(got)}`);
  }
  for (const d of disk.windows.values()) {
    if (!hall.windows.has(d.no) && (d.state !== 'closed' || d.current !== null)) problems.push(`window ${d.no}, which nobody used, is ${d.state} with ${d.current}`);
  }
  for (const [ticketId, level] of hall.ratings) {
    const e = disk.evaluations.get(ticketId);
    if (e?.status !== 'rated' || e.level !== level) problems.push(`rating ${level} of ${ticketId}: on disk ${JSON.stringify(e)}`);
  }
  for (const [ticketId, e] of disk.evaluations) if (e.status === 'rated' && !hall.ratings.has(ticketId)) problems.push(`a rating of ${ticketId} nobody gave`);
  const faultsWant = JSON.stringify([...hall.faults].sort());
  const faultsGot = JSON.stringify([...disk.faults].sort());
  if (faultsWant !== faultsGot) problems.push(`faults: told ${faultsWant}, on disk ${faultsGot}`);
  const helpWant = JSON.stringify([...hall.help].sort());
  const helpGot = JSON.stringify([...disk.help].sort());
  if (helpWant !== helpGot) problems.push(`help requests: told ${helpWant}, on disk ${helpGot}`);
  return { problems, landed, lost, landedIssues };
}
