import Database from 'better-sqlite3';

// What a hall's database must hold whatever failed while it was written (issue 17): each ticket
// with its issuing event and the reverse, numbers per category and day without a gap or a
// repeat, a called ticket with its call and its window, a window serving a ticket that is with
// it. Answers what is wrong (none: nothing half written), read from a read-only connection.

export function halfWritten(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
    const wrong: string[] = [];
    for (const r of rows(`SELECT t.number FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.issued')`)) wrong.push(`ticket ${r.number} without its issuing event`);
    for (const r of rows(`SELECT e.ticket_id FROM events e WHERE e.type = 'ticket.issued' AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id)`)) wrong.push(`issuing event of ${r.ticket_id} without its ticket`);
    for (const r of rows(`SELECT service_date, category, COUNT(*) AS n, MAX(seq) AS top, COUNT(DISTINCT seq) AS distinct_seqs FROM tickets GROUP BY service_date, category`)) {
      if (r.n !== r.top || r.n !== r.distinct_seqs) wrong.push(`category ${r.category} on ${r.service_date}: ${r.n} tickets numbered up to ${r.top}`);
    }
    for (const r of rows(`SELECT t.number FROM tickets t WHERE t.window_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called')`)) wrong.push(`ticket ${r.number} with a window but no call`);
    for (const r of rows(`SELECT w.window_no, t.status, t.window_no AS with_window FROM window_status w LEFT JOIN tickets t ON t.id = w.current_ticket_id WHERE w.current_ticket_id IS NOT NULL AND (t.id IS NULL OR t.status <> 'called' OR t.window_no <> w.window_no)`)) {
      wrong.push(`window ${r.window_no} serves a ticket that is ${String(r.status)} at window ${String(r.with_window)}`);
    }
    for (const r of rows(`SELECT t.number FROM tickets t WHERE t.status = 'called' AND NOT EXISTS (SELECT 1 FROM window_status w WHERE w.current_ticket_id = t.id)`)) wrong.push(`called ticket ${r.number} with no window serving it`);
    return wrong;
  } finally {
    db.close();
  }
}
