import { ReportBy, localDate } from '@hall/shared';
import { useClockOffset, useNow, useT } from '@hall/shared/ui';
import { useMemo, useState } from 'react';
import { isLocalDate } from '../format';
import type { DateRange } from '../office-api';
import type { OfficeViewProps } from '../office-views';
import { RangePicker } from '../RangePicker';
import { reportsApi } from './monthly-api';
import { SummaryTable } from './SummaryTable';
import { useLatestLoad } from './use-latest-load';
import './monthly.css';

/** Monday of the hall's week holding `date` (a local date). */
function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** 报表: any span (a day, this week, this month, or chosen) by window, department, category or staff member. */
export function SummaryView({ api, token, snapshot, timezone, notify }: OfficeViewProps) {
  const { t, locale } = useT();
  const reports = useMemo(() => reportsApi(api, token, locale), [api, token, locale]);
  // The hall's date by its clock, not the office PC's.
  const today = localDate(useNow(60_000) + useClockOffset(snapshot?.at), timezone);
  const [chosen, setChosen] = useState<DateRange | null>(null);
  const [by, setBy] = useState<ReportBy>('window');
  const range = chosen ?? { from: today, to: today };
  const valid = isLocalDate(range.from) && isLocalDate(range.to) && range.from <= range.to;
  const week = { from: weekStart(today), to: today };
  const isWeek = range.from === week.from && range.to === week.to && week.from !== today;
  const { value: report, loading } = useLatestLoad(valid ? `${range.from}|${range.to}|${by}|${locale}` : null, () => reports.summary(range, by), notify);

  return (
    <main className="office-view summary" aria-labelledby="summary-title" aria-busy={loading}>
      <div className="monthly-head">
        <h2 id="summary-title" className="office-section-title">
          {t('report.title')}
          {report && <span className="office-title-date">{t('monthly.span', { from: report.from, to: report.to })}</span>}
        </h2>
      </div>
      <div className="summary-range">
        <RangePicker serviceDate={today} range={range} valid={valid} onRange={setChosen} />
        <button type="button" className="office-chip" aria-pressed={isWeek} data-range="week" onClick={() => setChosen(week)}>
          {t('report.thisWeek')}
        </button>
      </div>
      <div className="summary-by" role="group" aria-label={t('report.byLabel')}>
        {ReportBy.options.map((option) => (
          <button key={option} type="button" className="office-chip" aria-pressed={option === by} data-by={option} onClick={() => setBy(option)}>
            {t(`report.by.${option}`)}
          </button>
        ))}
      </div>
      {report === null ? <p className="office-empty">{t('office.loading')}</p> : <SummaryTable report={report} />}
    </main>
  );
}
