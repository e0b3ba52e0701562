-- The duty roster: one 值班长 a day, 导服员 by shift. Shown on the hall screen.
CREATE TABLE duty_roster (
  date TEXT NOT NULL,
  shift TEXT NOT NULL CHECK (shift IN ('all_day', 'morning', 'afternoon')),
  role TEXT NOT NULL CHECK (role IN ('captain', 'guide')),
  staff_no TEXT NOT NULL REFERENCES staff (staff_no),
  PRIMARY KEY (date, shift, role, staff_no)
);

-- The hall screen's ticker line.
CREATE TABLE hall_notice (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
