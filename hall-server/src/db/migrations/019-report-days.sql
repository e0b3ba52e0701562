-- The office's reports (issue 16) over a year or five years: a closed service day never changes
-- its visits, calls, window events or ratings, so the runtime writes each closed day's report
-- rows once (services/report-days.ts), per dimension: 'common' (open time, no-shows, tickets by
-- category, transfers) and 'window', 'category', 'staff' (served visits with their waits and
-- handling times, ratings, calls, events). `version`: rows of another version are recomputed.
-- `rows`: JSON; `lists`: the served groups' waits then handling times (ms), float64 in the
-- machine's order, group after group (JSON numbers would take most of the read's time).
CREATE TABLE report_days (
  service_date TEXT NOT NULL,
  dimension TEXT NOT NULL,
  version INTEGER NOT NULL,
  rows TEXT NOT NULL,
  lists BLOB,
  PRIMARY KEY (service_date, dimension)
) WITHOUT ROWID;
