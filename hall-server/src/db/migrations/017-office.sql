-- The office (issue 16): leaders' sittings at their department's window (领导值班), on-site
-- services (上门服务), and the service item (事项) a finished visit was about.

-- One row per sitting, as the duty captain recorded it. Never deleted: the monthly report and
-- the year-end assessment count them.
CREATE TABLE leader_duty_visits (
  id TEXT PRIMARY KEY,
  department TEXT NOT NULL,
  leader_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('head', 'deputy')),
  date TEXT NOT NULL,      -- the hall's local date
  window_no INTEGER NOT NULL,
  from_time TEXT,          -- HH:MM, local
  to_time TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX leader_duty_visits_date ON leader_duty_visits (date);
CREATE INDEX leader_duty_visits_department ON leader_duty_visits (department, role, date);

-- A visit of the hall's staff to a firm or a person who cannot come (上门服务), from the request
-- to done. `steps` keeps every change of status with who, when and the note (JSON array).
CREATE TABLE onsite_services (
  id TEXT PRIMARY KEY,
  requester TEXT NOT NULL,   -- who or which firm
  contact TEXT,              -- a phone number, as given
  address TEXT NOT NULL,
  matter TEXT NOT NULL,
  department TEXT NOT NULL,
  scheduled_at INTEGER NOT NULL,
  service_date TEXT NOT NULL, -- the local date of scheduled_at: the day reports count it on
  status TEXT NOT NULL CHECK (status IN ('requested', 'assigned', 'in_progress', 'done', 'cancelled')),
  staff_nos TEXT NOT NULL DEFAULT '[]', -- JSON array of the staff assigned
  steps TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX onsite_services_day ON onsite_services (service_date, status);

-- The 事项 staff chose when finishing (optional): a code of the ticket's category's items.
ALTER TABLE tickets ADD COLUMN item_code TEXT;
ALTER TABLE evaluations ADD COLUMN item_code TEXT;
