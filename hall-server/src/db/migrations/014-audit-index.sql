-- The audit log (GET /api/admin/audit) reads the event log newest first between two instants,
-- the hall's local midnights: by time, so a day, a week or a year is a walk back along this index
-- that stops at the page's last row, never a sort of the span's every event.
CREATE INDEX events_at ON events (at);
