-- The set-up is edited while the hall serves (the admin console). Nothing of it is ever deleted
-- that the record still names: tickets name their category, window states and sessions their
-- window and staff member, and the reports of earlier days name them all. So a category or
-- window taken out of service is kept as a row marked removed, and a person who leaves is kept,
-- inactive (they sign in nowhere).
ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
-- Closed for new tickets (its kiosk tile says so); its waiting tickets are still called.
ALTER TABLE categories ADD COLUMN open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1));
ALTER TABLE categories ADD COLUMN removed_at INTEGER;
ALTER TABLE windows ADD COLUMN removed_at INTEGER;
-- A pad may be named by where it stands, like a kiosk.
ALTER TABLE pads ADD COLUMN name TEXT;
