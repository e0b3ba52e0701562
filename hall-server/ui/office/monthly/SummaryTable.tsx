import type { MessageKey, ReportFigures, SummaryReport } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatRate } from '../format';

type Translate = ReturnType<typeof useT>['t'];
const minutes = (value: number | null, t: Translate) => (value === null ? t('office.noValue') : value.toFixed(1));

/** The figures, one column each, in the order the office reads them. */
const COLUMNS: readonly { head: MessageKey; value(f: ReportFigures, t: Translate): string | number }[] = [
  { head: 'report.col.issued', value: (f) => f.issued },
  { head: 'report.col.served', value: (f) => f.served },
  { head: 'report.col.noShows', value: (f) => f.noShows },
  { head: 'report.col.transfersIn', value: (f) => f.transfersIn },
  { head: 'report.col.transfersOut', value: (f) => f.transfersOut },
  { head: 'report.col.averageWait', value: (f, t) => minutes(f.averageWaitMinutes, t) },
  { head: 'report.col.p90Wait', value: (f, t) => minutes(f.p90WaitMinutes, t) },
  { head: 'report.col.averageHandling', value: (f, t) => minutes(f.averageHandlingMinutes, t) },
  { head: 'report.col.p90Handling', value: (f, t) => minutes(f.p90HandlingMinutes, t) },
  { head: 'report.col.pastTarget', value: (f, t) => formatRate(f.waitedPastTargetShare, t) },
  { head: 'report.col.utilisation', value: (f, t) => formatRate(f.utilisation, t) },
  { head: 'report.col.extendedService', value: (f) => f.extendedServiceSessions },
  { head: 'report.col.appointmentsKept', value: (f) => f.appointmentsKept },
  { head: 'report.col.appointmentsMissed', value: (f) => f.appointmentsMissed },
  { head: 'report.col.onsiteServices', value: (f) => f.onsiteServices },
  { head: 'report.col.rated', value: (f) => f.ratings.rated },
  { head: 'report.col.ratedPad', value: (f) => f.ratingsByChannel.pad ?? 0 },
  { head: 'report.col.ratedPhone', value: (f) => f.ratingsByChannel.phone ?? 0 },
  { head: 'report.col.verySatisfied', value: (f) => f.ratings.levels.very_satisfied ?? 0 },
  { head: 'report.col.satisfied', value: (f) => f.ratings.levels.satisfied ?? 0 },
  { head: 'report.col.basicallySatisfied', value: (f) => f.ratings.levels.basically_satisfied ?? 0 },
  { head: 'report.col.dissatisfied', value: (f) => f.ratings.levels.dissatisfied ?? 0 },
  { head: 'report.col.veryDissatisfied', value: (f) => f.ratings.levels.very_dissatisfied ?? 0 },
  { head: 'report.col.satisfactionRate', value: (f, t) => formatRate(f.ratings.satisfactionRate, t) },
  { head: 'report.col.ratingCoverage', value: (f, t) => formatRate(f.ratingCoverage, t) },
  { head: 'report.col.poorRatings', value: (f) => f.poorRatings },
  { head: 'report.col.followUpsOpen', value: (f) => f.followUps.open },
  { head: 'report.col.followUpsOverdue', value: (f) => f.followUps.overdue },
  { head: 'report.col.followUpsOnTime', value: (f) => f.followUps.closedOnTime },
];

/** A span's figures by window, department, category or staff member, the hall's total last; the table scrolls inside its box. */
export function SummaryTable({ report }: { report: SummaryReport }) {
  const { t } = useT();
  return (
    <div className="monthly-table-box summary-box">
      <table className="monthly-table summary-table" data-testid="summary">
        <thead>
          <tr>
            <th className="monthly-text summary-name">{t(`report.by.${report.by}`)}</th>
            {COLUMNS.map((c) => (
              <th key={c.head}>{t(c.head, { target: report.waitTargetMinutes })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <td className="monthly-text summary-name">{report.by === 'window' ? t('monthly.windowLabel', { no: row.key, name: row.name }) : row.name}</td>
              {COLUMNS.map((c) => (
                <td key={c.head}>{c.value(row, t)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th className="monthly-text summary-name" scope="row">{t('report.hall')}</th>
            {COLUMNS.map((c) => (
              <td key={c.head}>{c.value(report.hall, t)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
