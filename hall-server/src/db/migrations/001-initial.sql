-- The hall's set-up (seeded from a config file, then edited by the center's managers).
CREATE TABLE hall_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL -- JSON, HallSettings in shared/
);

CREATE TABLE categories (
  code TEXT PRIMARY KEY CHECK (length(code) = 1),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  default_handling_minutes REAL NOT NULL
);

CREATE TABLE service_items (
  category TEXT NOT NULL REFERENCES categories (code),
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (category, code)
);

CREATE TABLE windows (
  no INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  categories TEXT NOT NULL, -- JSON array of category codes, in the order the window serves them
  routing TEXT NOT NULL CHECK (routing IN ('fifo', 'ordered'))
);

CREATE TABLE staff (
  staff_no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,   -- JSON array
  windows TEXT NOT NULL, -- JSON array of the window numbers the person may sign in at
  pin_hash TEXT NOT NULL -- scrypt
);

-- The live state of each window.
CREATE TABLE window_status (
  window_no INTEGER PRIMARY KEY REFERENCES windows (no),
  state TEXT NOT NULL CHECK (state IN ('open', 'paused', 'closed')),
  pause_reason TEXT,
  staff_no TEXT REFERENCES staff (staff_no),
  current_ticket_id TEXT,
  priority_streak INTEGER NOT NULL DEFAULT 0,
  extended_service_date TEXT
);

CREATE TABLE service_days (
  service_date TEXT PRIMARY KEY,
  opened_at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  service_date TEXT NOT NULL REFERENCES service_days (service_date),
  number TEXT NOT NULL,
  seq INTEGER NOT NULL,
  category TEXT NOT NULL REFERENCES categories (code),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'finished', 'no_show', 'cancelled', 'expired')),
  priority TEXT CHECK (priority IN ('green_channel', 'appointment')),
  issued_at INTEGER NOT NULL,
  target_window_no INTEGER,
  window_no INTEGER,
  called_at INTEGER,
  finished_at INTEGER,
  reactivated_at INTEGER,
  case_no TEXT,
  -- The same number is never issued twice in a day, whatever happens to the process.
  UNIQUE (service_date, number)
);
CREATE INDEX tickets_finished ON tickets (category, finished_at) WHERE status = 'finished';

-- Append-only: every state change, who, what, when, which window. The audit trail and the
-- source of every report.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  type TEXT NOT NULL,
  ticket_id TEXT,
  window_no INTEGER,
  staff_no TEXT,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_day ON events (service_date, type);
CREATE INDEX events_ticket ON events (ticket_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- A kiosk's retried request returns the ticket it already got.
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  request TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_no TEXT NOT NULL REFERENCES staff (staff_no),
  window_no INTEGER NOT NULL REFERENCES windows (no),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ended_at INTEGER,
  end_reason TEXT
);
CREATE INDEX staff_sessions_open ON staff_sessions (staff_no) WHERE ended_at IS NULL;
