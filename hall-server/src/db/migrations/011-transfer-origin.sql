-- A transferred ticket carries where it came from and the transferring staff member's note, so
-- the window that calls it next knows why it is there (the event log has it too, but the
-- console reads tickets, not the log).
ALTER TABLE tickets ADD COLUMN transfer_from_window INTEGER;
ALTER TABLE tickets ADD COLUMN transfer_from_category TEXT;
ALTER TABLE tickets ADD COLUMN transfer_note TEXT;
ALTER TABLE tickets ADD COLUMN transferred_at INTEGER;
