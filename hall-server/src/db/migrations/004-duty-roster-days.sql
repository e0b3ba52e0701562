-- The days given their own roster. Any other day has its weekday's usual roster (settings.dutyWeek),
-- and a day may be given an empty one on purpose.
CREATE TABLE duty_roster_days (
  date TEXT PRIMARY KEY
);
INSERT INTO duty_roster_days (date) SELECT DISTINCT date FROM duty_roster;
