-- The hall's ticket kiosks by place (HallConfigFile.kiosks): staff are told where a kiosk needs
-- help or paper, "一楼大厅东侧取号机", not its device id.
CREATE TABLE kiosks (
  device_id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL
);
