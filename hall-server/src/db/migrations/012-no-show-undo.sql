-- A window's last 过号, while it may still be undone (撤销过号): cleared by the window's next call.
ALTER TABLE window_status ADD COLUMN last_no_show_ticket_id TEXT;
ALTER TABLE window_status ADD COLUMN last_no_show_at INTEGER;
