-- A paused window may say when it expects to reopen (ms since the epoch, UTC), for its screens.
ALTER TABLE window_status ADD COLUMN pause_until INTEGER;
