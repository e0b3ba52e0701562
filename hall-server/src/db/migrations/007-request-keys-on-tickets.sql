-- A kiosk's request key (Idempotency-Key) is kept on the ticket it produced, not in a table of
-- its own. Keys are random, so that table's index took a page of its own for every ticket
-- issued; the server keeps the day's keys in memory and reads them back from the day's tickets
-- when it starts (db/idempotency-store.ts).
ALTER TABLE tickets ADD COLUMN request_key TEXT;
ALTER TABLE tickets ADD COLUMN request TEXT;
UPDATE tickets SET request_key = k.key, request = k.request
  FROM idempotency_keys AS k WHERE k.ticket_id = tickets.id;
DROP TABLE idempotency_keys;
