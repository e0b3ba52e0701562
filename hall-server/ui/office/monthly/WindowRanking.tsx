import type { MonthlyWindow } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatMinutes, formatRate } from '../format';
import { TableBox } from './TableBox';
import { RankChange } from './RankChange';

/** 窗口排名: the windows in the report's order (ranked first), score and change against last month. */
export function WindowRanking({ windows }: { windows: readonly MonthlyWindow[] }) {
  const { t } = useT();
  const none = t('office.noValue');
  return (
    <TableBox id="monthly-windows-title" title={t('monthly.windowsTitle')}>
        <table className="monthly-table" data-testid="window-ranking">
          <thead>
            <tr>
              <th>{t('monthly.col.rank')}</th>
              <th>{t('monthly.change')}</th>
              <th className="monthly-text">{t('monthly.col.windowNos')}</th>
              <th>{t('monthly.col.score')}</th>
              <th>{t('monthly.col.served')}</th>
              <th>{t('monthly.head.averageWait')}</th>
              <th>{t('monthly.col.satisfactionRate')}</th>
              <th>{t('monthly.col.poorRatings')}</th>
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.windowNo} data-window={w.windowNo}>
                <td className="monthly-rank">{w.rank ?? none}</td>
                <td>
                  <RankChange rank={w.rank} previous={w.previous?.rank} />
                </td>
                <td className="monthly-text">
                  {t('monthly.windowLabel', { no: w.windowNo, name: w.windowName })}
                  <span className="monthly-sub">{w.department}</span>
                </td>
                <td className="monthly-score">{w.score === null ? none : w.score.toFixed(1)}</td>
                <td>{w.served}</td>
                <td>{formatMinutes(w.averageWaitMinutes, t)}</td>
                <td>{formatRate(w.satisfactionRate, t)}</td>
                <td>{w.poorRatings}</td>
              </tr>
            ))}
          </tbody>
        </table>
    </TableBox>
  );
}
