-- Operations (issue 17).

-- A machine's fault (a printer out of paper, a paper jam) while it lasts: kept so a restart
-- remembers it (the device reports again only when something changes). One row per device and
-- part; removed when the device reports it recovered. The event log keeps the history.
CREATE TABLE device_faults (
  device_id TEXT NOT NULL,
  part TEXT NOT NULL,
  fault TEXT NOT NULL,
  message TEXT NOT NULL,
  since INTEGER NOT NULL,
  PRIMARY KEY (device_id, part)
) WITHOUT ROWID;

-- One row the hall rewrites to learn whether its disk takes writes again after it was full or
-- read-only: a write that changes a page is the only sure test.
CREATE TABLE storage_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
INSERT INTO storage_probe (id, at) VALUES (1, 0);
