import { localDate, type MessageKey } from '@hall/shared';
import { problemText, useClockOffset, useNow, useT } from '@hall/shared/ui';
import { useMemo, useState } from 'react';
import { formatMinutes, formatRate } from '../format';
import type { OfficeViewProps } from '../office-views';
import { DepartmentTable } from './DepartmentTable';
import { ExportButtons } from './ExportButtons';
import { defaultMonth } from './month';
import { reportsApi } from './monthly-api';
import { MonthlyCharts } from './MonthlyCharts';
import { StaffTable } from './StaffTable';
import { useExport } from './use-export';
import { useLatestLoad } from './use-latest-load';
import { WindowRanking } from './WindowRanking';
import './monthly.css';

const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** 月度通报: a month's window ranking, departments and staff, three charts, and the XLSX and CSV files. */
export function MonthlyReportView({ api, token, snapshot, timezone, notify }: OfficeViewProps) {
  const { t, locale } = useT();
  const reports = useMemo(() => reportsApi(api, token, locale), [api, token, locale]);
  // The hall's clock, not the office PC's: the month turns when the hall's does.
  const today = localDate(useNow(60_000) + useClockOffset(snapshot?.at), timezone);
  /** null: the month the page opens on, following the hall's date. */
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked ?? defaultMonth(today);
  const chosen = isMonth(month) ? month : null;
  const { value: report, loading } = useLatestLoad(chosen === null ? null : `${chosen}|${locale}`, () => reports.monthly(chosen!), notify);
  const exports = useExport(
    reports,
    (fileName) => notify({ kind: 'info', text: t('monthly.export.saved', { fileName }) }),
    (error) => notify({ kind: 'error', text: problemText(error, t) }),
  );

  const shown = report !== null && report.month === chosen ? report : null;
  return (
    <main className="office-view monthly" aria-labelledby="monthly-title" aria-busy={loading}>
      <div className="monthly-head">
        <h2 id="monthly-title" className="office-section-title">
          {t('monthly.title')}
          {shown && <span className="office-title-date">{t('monthly.span', { from: shown.from, to: shown.to })}</span>}
        </h2>
        <label className="office-date monthly-month">
          <span>{t('monthly.month')}</span>
          <input type="month" name="month" value={month} max={today.slice(0, 7)} onChange={(e) => setPicked(e.target.value)} />
        </label>
        <ExportButtons progress={exports.progress} disabled={chosen === null} onExport={(format) => chosen && exports.start(chosen, format)} />
      </div>
      {shown === null ? (
        <p className="office-empty">{t('office.loading')}</p>
      ) : (
        <>
          <dl className="office-tiles monthly-tiles" data-testid="monthly-hall">
            {(
              [
              ['office.figure.served', String(shown.hall.served)],
              ['office.figure.averageWait', formatMinutes(shown.hall.averageWaitMinutes, t)],
              ['office.figure.averageHandling', formatMinutes(shown.hall.averageHandlingMinutes, t)],
              ['office.figure.satisfactionRate', formatRate(shown.hall.ratings.satisfactionRate, t)],
              ['monthly.col.ratingCoverage', formatRate(shown.hall.ratingCoverage, t)],
              ['monthly.pastTarget', formatRate(shown.hall.waitedPastTargetShare, t)],
              ] satisfies [MessageKey, string][]
            ).map(([label, value]) => (
              <div key={label} className="office-tile">
                <dt>{t(label, { target: shown.waitTargetMinutes })}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="monthly-grid">
            <WindowRanking windows={shown.windows} />
            <MonthlyCharts report={shown} />
          </div>
          <div className="monthly-grid">
            <DepartmentTable departments={shown.departments} />
            <StaffTable staff={shown.staff} />
          </div>
        </>
      )}
    </main>
  );
}
