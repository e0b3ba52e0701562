-- The pad holds a poor level as soon as it is touched (held: JSON of level, reasons, comment,
-- call-back number, pad, time), so the rating is recorded even if the pad's time, power or
-- network runs out mid-way. A poor rating may leave a number for the call-back; it is kept with
-- the rating and its follow-up, and shown only to duty captains and administrators.
ALTER TABLE evaluations ADD COLUMN held TEXT;
ALTER TABLE evaluations ADD COLUMN callback_phone TEXT;
ALTER TABLE follow_ups ADD COLUMN callback_phone TEXT;
