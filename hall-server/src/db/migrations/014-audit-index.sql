-- The audit log (GET /api/admin/audit) reads the event log newest first between two instants,
-- the hall's local midnights. By time: a day, a week or a year is a walk back along events_at that
-- stops at the page's last row, never a sort of the span's every event. By person (the actor's
-- staff number) and by kind, the walk would pass every other event of the span: those have their
-- own indexes, ordered by time within each person and kind.
CREATE INDEX events_at ON events (at);
CREATE INDEX events_actor ON events (staff_no, at);
CREATE INDEX events_kind ON events (type, at);
