-- 好差评: one row per finished ticket, from the pad's request to the rating (or 未评价).
CREATE TABLE evaluations (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id),
  service_date TEXT NOT NULL,
  number TEXT NOT NULL,
  window_no INTEGER NOT NULL,
  staff_no TEXT NOT NULL,
  case_no TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'rated', 'unrated')),
  level TEXT CHECK (level IN ('very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied')),
  -- The national scheme reports stars: 5 = 非常满意 … 1 = 非常不满意.
  stars INTEGER CHECK (stars BETWEEN 1 AND 5),
  reasons TEXT NOT NULL DEFAULT '[]', -- JSON array
  comment TEXT,
  channel TEXT CHECK (channel IN ('pad', 'phone')),
  device_id TEXT,
  requested_at INTEGER NOT NULL,
  closes_at INTEGER NOT NULL,
  rated_at INTEGER,
  follow_up_id TEXT,
  -- One rating per ticket, and a rating is never taken back.
  CHECK ((status = 'rated') = (level IS NOT NULL AND stars IS NOT NULL AND rated_at IS NOT NULL))
);
CREATE INDEX evaluations_day ON evaluations (service_date, status);
CREATE TRIGGER evaluations_rating_kept BEFORE UPDATE ON evaluations
WHEN OLD.status = 'rated'
BEGIN
  SELECT RAISE(ABORT, 'a rating is never changed');
END;

-- 整改 of a poor rating: call-back within 1 working day, fix within 15.
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES evaluations (ticket_id),
  service_date TEXT NOT NULL,
  number TEXT NOT NULL,
  window_no INTEGER NOT NULL,
  staff_no TEXT NOT NULL,
  case_no TEXT,
  level TEXT NOT NULL,
  reasons TEXT NOT NULL,
  comment TEXT,
  opened_at INTEGER NOT NULL,
  callback_due TEXT NOT NULL,
  fix_due TEXT NOT NULL,
  callback_at INTEGER,
  callback_by TEXT,
  callback_note TEXT,
  fix_at INTEGER,
  fix_by TEXT,
  fix_note TEXT
);
CREATE INDEX follow_ups_day ON follow_ups (service_date);
CREATE INDEX follow_ups_open ON follow_ups (fix_at) WHERE fix_at IS NULL;

-- The evaluation pads (评价器) and the window each faces.
CREATE TABLE pads (
  device_id TEXT PRIMARY KEY,
  window_no INTEGER NOT NULL REFERENCES windows (no)
);

-- Duty captains and administrators signed in at the office pages (no window).
CREATE TABLE office_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_no TEXT NOT NULL REFERENCES staff (staff_no),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ended_at INTEGER,
  end_reason TEXT
);
