import type { MonthlyStaff } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { formatMinutes, formatRate } from '../format';
import { TableBox } from './TableBox';

/** 人员: each staff member's month. */
export function StaffTable({ staff }: { staff: readonly MonthlyStaff[] }) {
  const { t } = useT();
  return (
    <TableBox id="monthly-staff-title" title={t('monthly.staffTitle')}>
        <table className="monthly-table" data-testid="staff">
          <thead>
            <tr>
              <th className="monthly-text">{t('monthly.col.staffName')}</th>
              <th className="monthly-text">{t('monthly.col.windowNos')}</th>
              <th>{t('monthly.col.served')}</th>
              <th>{t('monthly.head.averageHandling')}</th>
              <th>{t('monthly.col.rated')}</th>
              <th>{t('monthly.col.satisfactionRate')}</th>
              <th>{t('monthly.col.poorRatings')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.staffNo}>
                <td className="monthly-text">
                  {s.name}
                  <span className="monthly-sub">{s.staffNo}</span>
                </td>
                <td className="monthly-text">{s.windowNos.join(t('office.listSeparator'))}</td>
                <td>{s.served}</td>
                <td>{formatMinutes(s.averageHandlingMinutes, t)}</td>
                <td>{s.rated}</td>
                <td>{formatRate(s.satisfactionRate, t)}</td>
                <td>{s.poorRatings}</td>
              </tr>
            ))}
          </tbody>
        </table>
    </TableBox>
  );
}
