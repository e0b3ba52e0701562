-- The office's reports (issue 16) over a year or five years: a closed service day never changes
-- its visits, calls, window events or ratings, so the runtime writes each closed day's report
-- rows once (services/report-days.ts), per dimension: 'common' (open time, no-shows, tickets by
-- category, transfers) and 'window', 'category', 'staff' (served visits with their waits and
-- handling times, ratings, calls, events). `version`: rows of another version are recomputed.
CREATE TABLE report_days (
  service_date TEXT NOT NULL,
  dimension TEXT NOT NULL,
  version INTEGER NOT NULL,
  rows TEXT NOT NULL,
  PRIMARY KEY (service_date, dimension)
) WITHOUT ROWID;
