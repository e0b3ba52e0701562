-- 预约服务: visits booked by phone or web, checked in at the kiosk with their code.
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  category TEXT NOT NULL REFERENCES categories (code),
  date TEXT NOT NULL,
  name TEXT,
  phone TEXT,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in')),
  ticket_id TEXT REFERENCES tickets (id),
  booked_at INTEGER NOT NULL,
  booked_by TEXT NOT NULL,
  -- A code names one visit on its day.
  UNIQUE (date, code)
);
