-- Trust on the LAN (issue 15): every kiosk, pad and screen holds a credential the hall issued.
-- Only its hash is kept. A device re-paired under its own id gets a new row; the old one stays,
-- revoked, for the record. The demo hall keeps its demo devices' credentials in the clear
-- (demo_token) so its start banner can print ready-to-open addresses; a real hall's are NULL.
CREATE TABLE device_credentials (
  id INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'pad', 'hall-screen', 'window-screen')),
  window_no INTEGER,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  demo_token TEXT,
  enrolled_at INTEGER NOT NULL,
  enrolled_by TEXT,
  revoked_at INTEGER
);
CREATE UNIQUE INDEX device_credentials_live ON device_credentials (device_id) WHERE revoked_at IS NULL;
