-- The office's reports read a year in one go: indexes that hold every column they read, so a
-- report walks an index, never the wide rows (visitors' comments, reasons, ids).
CREATE INDEX tickets_report ON tickets (service_date, status, issued_at, called_at, finished_at);
CREATE INDEX evaluations_report ON evaluations (service_date, window_no, staff_no, status, level, channel);
-- The day's evaluations are found by the new index's first column.
DROP INDEX evaluations_day;
