-- The office's span and monthly reports (issue 16) read up to five years in one go: each of
-- their questions walks one index holding every column it reads, never the wide rows.

-- The tickets' report index widened (same leading columns, so GET /api/reports/hall's query is
-- still covered): a served visit's category, window, transfer and return times, priority and
-- id (to meet its evaluation row), the day's tickets by category, the transfers by category.
DROP INDEX tickets_report;
CREATE INDEX tickets_report ON tickets (service_date, status, issued_at, called_at, finished_at, category, window_no, transferred_at, reactivated_at, priority, transfer_from_category, id);

-- The evaluations' report index with the ticket it rates, to meet the ticket's row.
DROP INDEX evaluations_report;
CREATE INDEX evaluations_report ON evaluations (service_date, window_no, staff_no, status, level, channel, ticket_id);

-- Tickets called, per window and staff member (issued at a window: the tickets called there).
CREATE INDEX events_calls ON events (service_date, window_no, staff_no, ticket_id) WHERE type = 'ticket.called';

-- Sign-ins, sign-outs, pauses and resumptions: the windows' open time.
CREATE INDEX events_window_state ON events (service_date, at, window_no, staff_no, type)
  WHERE type IN ('window.signed_in', 'window.signed_out', 'window.paused', 'window.resumed');
