-- The visitor's secret (issue 15): 128 random bits, base64url, printed in the ticket's QR code and
-- needed to follow the ticket and rate it from a phone. Found by it, so unique and indexed.
-- Tickets issued before this migration have none (NULL, which the index lets repeat): their
-- printed QR codes carried the ticket id, which no longer opens a phone page, so they are simply
-- unfollowable; the hall-feed screens still show their numbers and the pad still rates them.
ALTER TABLE tickets ADD COLUMN secret TEXT;
CREATE UNIQUE INDEX tickets_secret ON tickets (secret);
